import { Group, Modal, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendar } from '@tabler/icons-react';
import { CASE_EVENT_KIND_LABELS, CASE_EVENT_KINDS, type CaseDetail, type CaseEventKind } from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useAddCaseEvent } from '../hooks/use-case-events';

const API_FIELDS = ['kind', 'occurredOn', 'title', 'details', 'participantId'] as const;
/** The radio value for an entry about both people, or neither in particular. */
const NOBODY_IN_PARTICULAR = 'both';

interface EventValues {
  kind: CaseEventKind | '';
  occurredOn: string | null;
  title: string;
  details: string;
  participantId: string;
}

interface AddEventFormProps {
  caseRecord: CaseDetail;
  onDone: () => void;
}

function AddEventForm({ caseRecord, onDone }: AddEventFormProps) {
  const timeZone = usePracticeTimeZone();
  const today = practiceToday(timeZone);
  const addEvent = useAddCaseEvent(caseRecord.id);
  const form = useForm<EventValues>({
    initialValues: { kind: '', occurredOn: today, title: '', details: '', participantId: NOBODY_IN_PARTICULAR },
    validate: {
      kind: (value) => (value ? null : 'Choose what kind of entry this is.'),
      // The timeline records what has happened; plans belong in sessions and homework.
      occurredOn: (value) => (!value ? 'Choose the date it happened.' : value > today ? 'Choose today or an earlier date.' : null),
      title: (value) => (!value.trim() ? 'Give the entry a short title.' : value.trim().length > 200 ? 'Use at most 200 characters.' : null),
      details: (value) => (value.trim().length > 4000 ? 'Use at most 4000 characters.' : null),
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    addEvent.mutate(
      {
        kind: values.kind as CaseEventKind,
        occurredOn: values.occurredOn as string,
        title: values.title.trim(),
        details: values.details.trim() || null,
        participantId: values.participantId === NOBODY_IN_PARTICULAR ? null : values.participantId,
      },
      {
        onSuccess: (added) => {
          notifications.show({ color: 'teal', title: 'Added to the timeline', message: added.title });
          onDone();
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't add the entry" messages={apiErrors.messages} />
        <Radio.Group label="Kind of entry" required {...form.getInputProps('kind')}>
          <Group gap="md" mt={6}>
            {CASE_EVENT_KINDS.map((kind) => (
              <Radio key={kind} value={kind} label={CASE_EVENT_KIND_LABELS[kind]} />
            ))}
          </Group>
        </Radio.Group>
        <DatePickerInput
          label="Date it happened"
          description="Today or earlier."
          leftSection={<IconCalendar size={16} aria-hidden />}
          maxDate={today}
          required
          {...form.getInputProps('occurredOn')}
        />
        <TextInput label="Title" placeholder="e.g. Agreed a weekly check-in" required {...form.getInputProps('title')} />
        <Textarea label="Details" autosize minRows={3} maxRows={8} {...form.getInputProps('details')} />
        <Radio.Group label="Who it concerns" {...form.getInputProps('participantId')}>
          <Group gap="md" mt={6}>
            <Radio value={NOBODY_IN_PARTICULAR} label="Both, or neither in particular" />
            {caseRecord.participants.map((participant) => (
              <Radio key={participant.id} value={participant.id} label={participant.displayName} />
            ))}
          </Group>
        </Radio.Group>
        <FormActions submitLabel="Add entry" saving={addEvent.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

interface AddEventModalProps {
  caseRecord: CaseDetail;
  opened: boolean;
  onClose: () => void;
}

export function AddEventModal({ caseRecord, opened, onClose }: AddEventModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add a timeline entry" size="lg" centered>
      <AddEventForm caseRecord={caseRecord} onDone={onClose} />
    </Modal>
  );
}
