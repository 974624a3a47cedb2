import { useState, type FormEvent } from 'react';
import { Badge, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ALERT_KIND_LABELS, ALERT_NOTE_MAX_LENGTH, type CaseAlert } from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { useFormErrorFocus } from '../../../components/use-form-error-focus';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { ALERT_KIND_STYLES } from '../alert-wording';
import { useAcknowledgeAlert } from '../hooks/use-alerts';

interface AlertNoteFieldProps {
  value: string;
  onChange: (note: string) => void;
  /** Off where something must be read first (a safety report): focus would skip past it. */
  autofocus?: boolean;
}

/** The optional note on how an alert was followed up, with its length as it is typed. */
export function AlertNoteField({ value, onChange, autofocus = true }: AlertNoteFieldProps) {
  return (
    <Textarea
      label="Note"
      description={
        <Group component="span" justify="space-between" gap="xs" wrap="nowrap">
          <span>Optional. How you followed it up, for the case&apos;s clinicians.</span>
          <span>{`${value.length} / ${ALERT_NOTE_MAX_LENGTH}`}</span>
        </Group>
      }
      autosize
      minRows={3}
      maxRows={8}
      maxLength={ALERT_NOTE_MAX_LENGTH}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data-autofocus={autofocus || undefined}
    />
  );
}

/** The request body for a note as typed: a blank note is left out rather than sent empty. */
export function noteRequest(note: string): { note?: string } {
  const trimmed = note.trim();
  return trimmed ? { note: trimmed } : {};
}

function AcknowledgeAlertForm({ alert, onDone }: { alert: CaseAlert; onDone: () => void }) {
  const acknowledge = useAcknowledgeAlert(alert.caseId);
  const send = useMutateOnce(acknowledge);
  const { formRef } = useFormErrorFocus(acknowledge.error);
  const [note, setNote] = useState('');

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    send(
      { alertId: alert.id, request: noteRequest(note) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Alert acknowledged', message: ALERT_KIND_LABELS[alert.kind] });
          onDone();
        },
      },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't acknowledge the alert" messages={acknowledge.error ? [acknowledge.error.message] : []} />
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color={ALERT_KIND_STYLES[alert.kind].color} variant="dot" tt="none">
              {ALERT_KIND_LABELS[alert.kind]}
            </Badge>
            {alert.participant && <Text size="sm">{alert.participant.displayName}</Text>}
          </Group>
          <Text size="sm">{alert.summary}</Text>
        </Stack>
        <AlertNoteField value={note} onChange={setNote} />
        <FormActions submitLabel="Acknowledge" saving={acknowledge.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

interface AcknowledgeAlertModalProps {
  /** The alert chosen last; it stays set while the modal closes, so the content does not empty mid-transition. */
  alert: CaseAlert | null;
  opened: boolean;
  onClose: () => void;
}

/** Not for safety-report alerts: those are acknowledged in SafetyReportModal, where the report is read. */
export function AcknowledgeAlertModal({ alert, opened, onClose }: AcknowledgeAlertModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Acknowledge alert" centered>
      {/* Mounted on opening, so the note starts empty each time. */}
      {alert && <AcknowledgeAlertForm alert={alert} onDone={onClose} />}
    </Modal>
  );
}
