import { useState } from 'react';
import { Button, Drawer, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Permission, type CaseDetail } from '@trustwork/contracts';
import { PHASES, phaseByNumber } from '@trustwork/trust-program';
import { FormAlert } from '../../../components/FormAlert';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { PhaseBadge } from '../../cases/components/PhaseBadge';
import { useUpdateCase } from '../../cases/hooks/use-cases';
import { personName, phaseChangeTitle } from '../case-wording';
import { PhaseSuggestions } from './PhaseSuggestions';

const PHASE_OPTIONS = PHASES.map((phase) => ({ value: String(phase.number), label: `${phase.number} · ${phase.title}` }));
const API_FIELDS = ['phase'] as const;

function PhaseChangeForm({ caseRecord, onMoved }: { caseRecord: CaseDetail; onMoved: (phase: number) => void }) {
  const updateCase = useUpdateCase();
  const form = useForm({ initialValues: { phase: String(caseRecord.phase) } });
  const apiErrors = useApiFormErrors(form, API_FIELDS);
  const chosen = Number(form.getValues().phase);

  const handleSubmit = form.onSubmit(({ phase }) => {
    apiErrors.clear();
    updateCase.mutate(
      { caseId: caseRecord.id, changes: { phase: Number(phase) } },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            title: `Moved to phase ${saved.phase}`,
            message: phaseByNumber(saved.phase)?.title ?? 'The case shows its new phase.',
          });
          onMoved(saved.phase);
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack gap="sm">
        <FormAlert title="We couldn't change the phase" messages={apiErrors.messages} />
        {/* Therapists may go back a phase or repeat one, so every phase stays on offer. */}
        <Select
          label="Move to phase"
          // The current phase is described above; describe a new choice before it is saved.
          description={chosen === caseRecord.phase ? undefined : phaseByNumber(chosen)?.summary}
          data={PHASE_OPTIONS}
          allowDeselect={false}
          {...form.getInputProps('phase')}
        />
        <Group justify="flex-end">
          <Button type="submit" disabled={chosen === caseRecord.phase} loading={updateCase.isPending}>
            Save phase
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The move, then what the new phase suggests assigning. Mounted with the drawer, so each opening starts afresh. */
function PhaseChange({ caseRecord, onDone }: { caseRecord: CaseDetail; onDone: () => void }) {
  const [movedTo, setMovedTo] = useState<number | null>(null);
  if (movedTo === null) return <PhaseChangeForm caseRecord={caseRecord} onMoved={setMovedTo} />;
  return <PhaseSuggestions caseId={caseRecord.id} phase={movedTo} onDone={onDone} />;
}

function PhaseHistory({ caseRecord }: { caseRecord: CaseDetail }) {
  const user = useCurrentUser();
  const timeZone = usePracticeTimeZone();
  // The API lists changes oldest first; the latest is what the therapist looks for.
  const changes = caseRecord.phaseHistory.map((change, index) => ({ change, first: index === 0 })).reverse();
  if (changes.length === 0) return <Text c="dimmed">No phase changes recorded.</Text>;
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {changes.map(({ change, first }) => (
        <li key={`${change.changedAt}-${change.phase}`}>
          <Text size="sm" fw={600}>
            {phaseChangeTitle(change, first)}
          </Text>
          <Text size="sm" c="dimmed">
            <time dateTime={change.changedAt}>{formatDateTime(change.changedAt, timeZone)}</time>, by{' '}
            {personName(change.changedBy, user)}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

interface PhaseDrawerProps {
  caseRecord: CaseDetail;
  opened: boolean;
  onClose: () => void;
}

/** The case's place in the programme: where it is, how it got there, and (for clinicians) a move. */
export function PhaseDrawer({ caseRecord, opened, onClose }: PhaseDrawerProps) {
  const clinical = usePermission(Permission.ViewClinicalRecords);
  return (
    <Drawer opened={opened} onClose={onClose} title="Programme phase" position="right" size="md">
      <Stack gap="lg">
        <Stack gap={6}>
          <Group gap="xs">
            <Text size="sm">Now in</Text>
            <PhaseBadge phase={caseRecord.phase} />
          </Group>
          <Text size="sm" c="dimmed">
            {phaseByNumber(caseRecord.phase)?.summary}
          </Text>
        </Stack>
        {clinical && <PhaseChange caseRecord={caseRecord} onDone={onClose} />}
        <section aria-labelledby="phase-history-heading">
          <Title order={3} size="h5" id="phase-history-heading" mb="xs">
            Phase history
          </Title>
          <PhaseHistory caseRecord={caseRecord} />
        </section>
      </Stack>
    </Drawer>
  );
}
