import { Checkbox, Group, Modal, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent } from '@tabler/icons-react';
import {
  SESSION_MODALITIES,
  SESSION_MODALITY_LABELS,
  SessionModality,
  type CaseDetail,
  type TherapySession,
  type UpdateSessionRequest,
} from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { formatDateTime, isoToPracticeWallTime, practiceTimeHint, practiceWallTimeToIso, usePracticeTimeZone } from '../../../lib/practice-time';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useScheduleSession, useUpdateSession } from '../hooks/use-case-sessions';

const API_FIELDS = ['startsAt', 'durationMinutes', 'modality', 'attendeeIds'] as const;
const DEFAULT_DURATION = 50;
const MIN_DURATION = 5;
const MAX_DURATION = 600;

interface SessionValues {
  /** The practice's wall-clock time, "2026-07-15 10:00:00", as the picker gives it. */
  startsAt: string | null;
  durationMinutes: number | string;
  modality: SessionModality;
  attendeeIds: string[];
}

interface SessionFormProps {
  caseRecord: CaseDetail;
  /** The session to reschedule or edit; none to book a new one. */
  session?: TherapySession;
  onDone: () => void;
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

function SessionForm({ caseRecord, session, onDone }: SessionFormProps) {
  const timeZone = usePracticeTimeZone();
  const schedule = useScheduleSession(caseRecord.id);
  const update = useUpdateSession(caseRecord.id);
  const participantIds = caseRecord.participants.map((participant) => participant.id);
  const form = useForm<SessionValues>({
    initialValues: session
      ? {
          startsAt: isoToPracticeWallTime(session.startsAt, timeZone),
          durationMinutes: session.durationMinutes,
          modality: session.modality,
          attendeeIds: session.attendeeIds,
        }
      : { startsAt: null, durationMinutes: DEFAULT_DURATION, modality: SessionModality.InPerson, attendeeIds: participantIds },
    validate: {
      startsAt: (value) => (value ? null : 'Choose the date and time.'),
      durationMinutes: (value) =>
        Number.isInteger(value) && Number(value) >= MIN_DURATION && Number(value) <= MAX_DURATION
          ? null
          : `Enter whole minutes, from ${MIN_DURATION} to ${MAX_DURATION}.`,
      attendeeIds: (value) => (value.length > 0 ? null : 'Choose at least one person.'),
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);
  const { startsAt } = form.getValues();
  const inThePast = !session && startsAt !== null && Date.parse(practiceWallTimeToIso(startsAt, timeZone)) < Date.now();

  const onSaved = (title: string) => (saved: TherapySession) => {
    notifications.show({
      color: 'teal',
      title,
      message: `${formatDateTime(saved.startsAt, timeZone)} · ${SESSION_MODALITY_LABELS[saved.modality]}`,
    });
    onDone();
  };

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    const request = {
      startsAt: practiceWallTimeToIso(values.startsAt as string, timeZone),
      durationMinutes: Number(values.durationMinutes),
      modality: values.modality,
      attendeeIds: participantIds.filter((id) => values.attendeeIds.includes(id)),
    };
    if (!session) {
      schedule.mutate(request, { onSuccess: onSaved('Session booked'), onError: apiErrors.show });
      return;
    }
    const changes: UpdateSessionRequest = {};
    if (request.startsAt !== new Date(session.startsAt).toISOString()) changes.startsAt = request.startsAt;
    if (request.durationMinutes !== session.durationMinutes) changes.durationMinutes = request.durationMinutes;
    if (request.modality !== session.modality) changes.modality = request.modality;
    if (!sameIds(request.attendeeIds, session.attendeeIds)) changes.attendeeIds = request.attendeeIds;
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate({ sessionId: session.id, changes }, { onSuccess: onSaved('Session updated'), onError: apiErrors.show });
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't save the session" messages={apiErrors.messages} />
        <DateTimePicker
          label="Date and time"
          description={practiceTimeHint(timeZone)}
          placeholder="Pick a date and time"
          valueFormat="ddd D MMM YYYY, HH:mm"
          leftSection={<IconCalendarEvent size={16} aria-hidden />}
          timePickerProps={{ hoursInputLabel: 'Hours', minutesInputLabel: 'Minutes' }}
          submitButtonProps={{ 'aria-label': 'Done' }}
          required
          {...form.getInputProps('startsAt')}
        />
        {inThePast && (
          <Text size="sm" c="dimmed" aria-live="polite">
            This time has already passed, which is fine for recording a session after the fact.
          </Text>
        )}
        <NumberInput
          label="Length in minutes"
          min={MIN_DURATION}
          max={MAX_DURATION}
          step={5}
          allowDecimal={false}
          required
          {...form.getInputProps('durationMinutes')}
        />
        <Radio.Group label="How they meet" required {...form.getInputProps('modality')}>
          <Group gap="md" mt={6}>
            {SESSION_MODALITIES.map((modality) => (
              <Radio key={modality} value={modality} label={SESSION_MODALITY_LABELS[modality]} />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox.Group label="Who attends" required {...form.getInputProps('attendeeIds')}>
          <Group gap="md" mt={6}>
            {caseRecord.participants.map((participant) => (
              <Checkbox key={participant.id} value={participant.id} label={participant.displayName} />
            ))}
          </Group>
        </Checkbox.Group>
        <FormActions
          submitLabel={session ? 'Save changes' : 'Book session'}
          saving={schedule.isPending || update.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

interface SessionFormModalProps extends Omit<SessionFormProps, 'onDone'> {
  opened: boolean;
  onClose: () => void;
}

export function SessionFormModal({ opened, onClose, ...formProps }: SessionFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={formProps.session ? 'Reschedule or edit session' : 'Schedule a session'} centered>
      <SessionForm {...formProps} onDone={onClose} />
    </Modal>
  );
}
