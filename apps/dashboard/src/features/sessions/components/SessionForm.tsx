import { useState } from 'react';
import { Group, NumberInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput, DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent } from '@tabler/icons-react';
import {
  MAX_SERIES_SESSIONS,
  SERIES_FREQUENCIES,
  SERIES_FREQUENCY_LABELS,
  SESSION_KIND_LABELS,
  SESSION_MODALITIES,
  SESSION_MODALITY_LABELS,
  SeriesScope,
  SessionKind,
  SessionModality,
  type ScheduleSessionRequest,
  type SeriesFrequency,
  type SessionClash,
  type TherapySession,
  type UpdateSessionRequest,
} from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { formatDateTime, isoToPracticeWallTime, practiceTimeHint, practiceWallTimeToIso, usePracticeTimeZone } from '../../../lib/practice-time';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { clashesOf } from '../api/sessions-api';
import { useChangeSession, useScheduleSession } from '../hooks/use-session-changes';
import { ClashWarning } from './ClashWarning';
import { ScopeChoice } from './ScopeChoice';

const API_FIELDS = ['startsAt', 'durationMinutes', 'modality', 'address', 'videoUrl'] as const;
const DEFAULT_DURATION = 50;
const MIN_DURATION = 5;
const MAX_DURATION = 600;
const DEFAULT_SERIES_COUNT = 4;
const NO_REPEAT = 'none';

type Person = { id: string; displayName: string };

/** A case the form may book for, with its two people. */
export interface SessionCaseOption {
  id: string;
  participants: Person[];
}

interface SessionValues {
  caseId: string | null;
  /** The practice's wall-clock time, "2026-07-15 10:00:00", as the picker gives it. */
  startsAt: string | null;
  durationMinutes: number | string;
  kind: SessionKind;
  /** Who comes to a session with one person. */
  personId: string | null;
  modality: SessionModality;
  address: string;
  videoUrl: string;
  repeat: SeriesFrequency | typeof NO_REPEAT;
  ends: 'count' | 'until';
  count: number | string;
  /** The last date of a series, "2026-09-30". */
  until: string | null;
  scope: SeriesScope;
}

export interface SessionFormProps {
  /** The cases it may book for (the calendar's caseload), or just the one. */
  cases: SessionCaseOption[];
  /** The case already chosen (the case page); without it, a new session asks which case. */
  caseId?: string;
  /** The session to move or edit; none to book a new one. */
  session?: TherapySession;
  /** A new session's start, as the practice's wall-clock time (a calendar slot). */
  startsAt?: string;
  onDone: () => void;
}

function caseName(option: SessionCaseOption): string {
  return option.participants.map((participant) => participant.displayName).join(' & ') || 'Unnamed case';
}

function attendeesOf(values: SessionValues, people: Person[]): string[] {
  if (values.kind === SessionKind.Individual && values.personId) return [values.personId];
  return people.map((person) => person.id);
}

/** Only the place's own detail; left out, the API uses the practice's office for an in-person session. */
function placeOf(values: SessionValues): Pick<ScheduleSessionRequest, 'address' | 'videoUrl'> {
  const address = values.address.trim();
  const videoUrl = values.videoUrl.trim();
  if (values.modality === SessionModality.InPerson && address) return { address };
  if (values.modality === SessionModality.Video && videoUrl) return { videoUrl };
  return {};
}

function initialValues(props: SessionFormProps, timeZone: string, officeAddress: string | null): SessionValues {
  const { session } = props;
  const base: SessionValues = {
    caseId: props.caseId ?? null,
    startsAt: props.startsAt ?? null,
    durationMinutes: DEFAULT_DURATION,
    kind: SessionKind.Joint,
    personId: null,
    modality: SessionModality.InPerson,
    address: officeAddress ?? '',
    videoUrl: '',
    repeat: NO_REPEAT,
    ends: 'count',
    count: DEFAULT_SERIES_COUNT,
    until: null,
    scope: SeriesScope.This,
  };
  if (!session) return base;
  return {
    ...base,
    caseId: session.caseId,
    startsAt: isoToPracticeWallTime(session.startsAt, timeZone),
    durationMinutes: session.durationMinutes,
    kind: session.kind,
    personId: session.kind === SessionKind.Individual ? session.attendeeIds[0] : null,
    modality: session.modality,
    address: session.address ?? officeAddress ?? '',
    videoUrl: session.videoUrl ?? '',
  };
}

/** Only what changed, so a move leaves the rest of a series as it was. */
function changesOf(session: TherapySession, request: ScheduleSessionRequest): UpdateSessionRequest {
  const changes: UpdateSessionRequest = {};
  if (request.startsAt !== new Date(session.startsAt).toISOString()) changes.startsAt = request.startsAt;
  if (request.durationMinutes !== session.durationMinutes) changes.durationMinutes = request.durationMinutes;
  if (request.modality !== session.modality) changes.modality = request.modality;
  const attendeeIds = request.attendeeIds ?? [];
  if (attendeeIds.length !== session.attendeeIds.length || attendeeIds.some((id) => !session.attendeeIds.includes(id))) {
    changes.attendeeIds = attendeeIds;
  }
  // A change of place sends its new detail; the API drops the old one with the old modality.
  if (request.address && request.address !== session.address) changes.address = request.address;
  if (request.videoUrl && request.videoUrl !== session.videoUrl) changes.videoUrl = request.videoUrl;
  return changes;
}

/**
 * The one form for booking and moving a session, on the calendar and the case page: when,
 * how long, who comes, where, and (new ones) how it repeats. A clash is shown with the
 * choice to go ahead; a change to a session in a series asks which sessions it applies to.
 */
export function SessionForm(props: SessionFormProps) {
  const { cases, session, onDone } = props;
  const timeZone = usePracticeTimeZone();
  const { practice } = useCurrentUser();
  const schedule = useScheduleSession();
  const change = useChangeSession();
  // A double click must not book a series twice.
  const sendSchedule = useMutateOnce(schedule);
  const sendChange = useMutateOnce(change);
  const [clashes, setClashes] = useState<SessionClash[]>([]);
  const form = useForm<SessionValues>({
    initialValues: initialValues(props, timeZone, practice.officeAddress),
    validate: {
      caseId: (value) => (value ? null : 'Choose the case.'),
      startsAt: (value) => (value ? null : 'Choose the date and time.'),
      durationMinutes: (value) =>
        Number.isInteger(value) && Number(value) >= MIN_DURATION && Number(value) <= MAX_DURATION
          ? null
          : `Enter whole minutes, from ${MIN_DURATION} to ${MAX_DURATION}.`,
      personId: (value, values) => (values.kind === SessionKind.Individual && !value ? 'Choose who comes.' : null),
      videoUrl: (value, values) =>
        values.modality === SessionModality.Video && value.trim() !== '' && !value.trim().startsWith('https://')
          ? 'Paste the link from your video service; it starts with https://.'
          : null,
      count: (value, values) =>
        values.repeat !== NO_REPEAT && values.ends === 'count' && !(Number.isInteger(value) && Number(value) >= 2 && Number(value) <= MAX_SERIES_SESSIONS)
          ? `Enter how many sessions, from 2 to ${MAX_SERIES_SESSIONS}.`
          : null,
      until: (value, values) => (values.repeat !== NO_REPEAT && values.ends === 'until' && !value ? 'Choose the last date.' : null),
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);
  const values = form.getValues();
  const chosenCase = cases.find((option) => option.id === values.caseId);
  const people = chosenCase?.participants ?? [];
  const inThePast = !session && values.startsAt !== null && Date.parse(practiceWallTimeToIso(values.startsAt, timeZone)) < Date.now();
  const saving = schedule.isPending || change.isPending;

  const onSaved = (title: string) => (saved: TherapySession) => {
    notifications.show({
      color: 'teal',
      title,
      message: `${formatDateTime(saved.startsAt, timeZone)} · ${SESSION_MODALITY_LABELS[saved.modality]}`,
    });
    onDone();
  };
  const onFailed = (error: Error) => {
    const found = clashesOf(error);
    if (found.length > 0) setClashes(found);
    else apiErrors.show(error);
  };

  const save = (allowClashes: boolean) => {
    const current = form.getValues();
    apiErrors.clear();
    setClashes([]);
    const request: ScheduleSessionRequest = {
      startsAt: practiceWallTimeToIso(current.startsAt as string, timeZone),
      durationMinutes: Number(current.durationMinutes),
      modality: current.modality,
      attendeeIds: attendeesOf(current, people),
      ...placeOf(current),
    };
    if (!session) {
      if (allowClashes) request.allowClashes = true;
      if (current.repeat !== NO_REPEAT) {
        request.repeat =
          current.ends === 'count'
            ? { frequency: current.repeat, count: Number(current.count) }
            : { frequency: current.repeat, until: (current.until as string).slice(0, 10) };
      }
      sendSchedule({ caseId: current.caseId as string, session: request }, { onSuccess: onSaved('Session booked'), onError: onFailed });
      return;
    }
    const changes = changesOf(session, request);
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    if (session.series) changes.scope = current.scope;
    if (allowClashes) changes.allowClashes = true;
    sendChange({ sessionId: session.id, changes }, { onSuccess: onSaved('Session updated'), onError: onFailed });
  };

  const handleSubmit = form.onSubmit(() => save(false), apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't save the session" messages={apiErrors.messages} />
        {!session && !props.caseId && (
          <Select
            label="Case"
            placeholder="Search by name"
            searchable
            required
            nothingFoundMessage="No case by that name"
            data={cases.map((option) => ({ value: option.id, label: caseName(option) }))}
            {...form.getInputProps('caseId')}
            onChange={(value) => {
              form.setFieldValue('caseId', value);
              form.setFieldValue('personId', null);
            }}
          />
        )}
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
        <Radio.Group label="Who comes" required {...form.getInputProps('kind')}>
          <Group gap="md" mt={6}>
            {Object.values(SessionKind).map((kind) => (
              <Radio key={kind} value={kind} label={SESSION_KIND_LABELS[kind]} />
            ))}
          </Group>
        </Radio.Group>
        {values.kind === SessionKind.Individual && (
          <Radio.Group label="Which person" required {...form.getInputProps('personId')}>
            <Group gap="md" mt={6}>
              {people.length === 0 && (
                <Text size="sm" c="dimmed">
                  Choose the case first.
                </Text>
              )}
              {people.map((person) => (
                <Radio key={person.id} value={person.id} label={person.displayName} />
              ))}
            </Group>
          </Radio.Group>
        )}
        <Radio.Group label="How they meet" required {...form.getInputProps('modality')}>
          <Group gap="md" mt={6}>
            {SESSION_MODALITIES.map((modality) => (
              <Radio key={modality} value={modality} label={SESSION_MODALITY_LABELS[modality]} />
            ))}
          </Group>
        </Radio.Group>
        {values.modality === SessionModality.InPerson && (
          <TextInput label="Address" description="Your office unless you change it." {...form.getInputProps('address')} />
        )}
        {values.modality === SessionModality.Video && (
          <TextInput label="Video link" placeholder="https://" description="From your video service; shown to them shortly before the session." {...form.getInputProps('videoUrl')} />
        )}
        {!session && (
          <Select
            label="Repeat"
            allowDeselect={false}
            data={[
              { value: NO_REPEAT, label: 'Does not repeat' },
              ...SERIES_FREQUENCIES.map((frequency) => ({ value: frequency, label: SERIES_FREQUENCY_LABELS[frequency] })),
            ]}
            {...form.getInputProps('repeat')}
          />
        )}
        {!session && values.repeat !== NO_REPEAT && (
          <>
            <Radio.Group label="Ends" {...form.getInputProps('ends')}>
              <Group gap="md" mt={6}>
                <Radio value="count" label="After a number of sessions" />
                <Radio value="until" label="On a date" />
              </Group>
            </Radio.Group>
            {values.ends === 'count' ? (
              <NumberInput label="Number of sessions" min={2} max={MAX_SERIES_SESSIONS} allowDecimal={false} required {...form.getInputProps('count')} />
            ) : (
              <DatePickerInput label="Last date" valueFormat="ddd D MMM YYYY" placeholder="Pick the last date" required {...form.getInputProps('until')} />
            )}
          </>
        )}
        {session?.series && (
          <ScopeChoice label="Change" value={values.scope} onChange={(scope) => form.setFieldValue('scope', scope)} />
        )}
        {clashes.length > 0 && (
          <ClashWarning clashes={clashes} proceedLabel={session ? 'Save anyway' : 'Schedule anyway'} saving={saving} onProceed={() => {
              // The fields may have changed since the clash was found; they are checked again first.
              if (!form.validate().hasErrors) save(true);
            }} />
        )}
        <FormActions submitLabel={session ? 'Save changes' : 'Book session'} saving={saving} onCancel={onDone} />
      </Stack>
    </form>
  );
}
