import { Alert, Anchor, Button, Group, NumberInput, Paper, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconShieldLock } from '@tabler/icons-react';
import {
  CANCELLATION_NOTICE_MAX_HOURS,
  IDLE_TIMEOUT_MAX_MINUTES,
  IDLE_TIMEOUT_MIN_MINUTES,
  REMINDER_LEAD_MAX_HOURS,
  REMINDER_LEAD_MIN_HOURS,
  SESSION_MAX_HOURS,
  type PracticeSummary,
  type UpdatePracticeRequest,
} from '@trustwork/contracts';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { browserTimeZone } from '../../../lib/practice-time';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { validateRequired } from '../../../lib/validation';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { useTeamMembers, useUpdatePractice } from '../hooks/use-team';

/** The office address is edited as text: blank means none. */
type PracticeValues = Required<Pick<UpdatePracticeRequest, Exclude<(typeof API_FIELDS)[number], 'officeAddress'>>> & { officeAddress: string };

const API_FIELDS = [
  'name',
  'timeZone',
  'idleTimeoutMinutes',
  'requireTwoFactor',
  'reminderLeadHours',
  'cancellationNoticeHours',
  'officeAddress',
] as const;

// The runtime's list leaves out UTC itself; a practice may use it.
const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone')];

function timeZoneOptions(current: string): string[] {
  return TIME_ZONES.includes(current) ? TIME_ZONES : [current, ...TIME_ZONES];
}

function validateIdleTimeout(value: number | string): string | null {
  const minutes = Number(value);
  return value !== '' && Number.isInteger(minutes) && minutes >= IDLE_TIMEOUT_MIN_MINUTES && minutes <= IDLE_TIMEOUT_MAX_MINUTES
    ? null
    : `Choose a whole number of minutes from ${IDLE_TIMEOUT_MIN_MINUTES} to ${IDLE_TIMEOUT_MAX_MINUTES}.`;
}

function validateHours(min: number, max: number) {
  return (value: number | string): string | null => {
    const hours = Number(value);
    return value !== '' && Number.isInteger(hours) && hours >= min && hours <= max ? null : `Choose a whole number of hours from ${min} to ${max}.`;
  };
}

function settingsOf(practice: PracticeSummary): PracticeValues {
  const { name, timeZone, idleTimeoutMinutes, requireTwoFactor, reminderLeadHours, cancellationNoticeHours, officeAddress } = practice;
  return { name, timeZone, idleTimeoutMinutes, requireTwoFactor, reminderLeadHours, cancellationNoticeHours, officeAddress: officeAddress ?? '' };
}

/** Only what differs from the practice as it is, so a save never rewrites what someone else just changed. */
function changesFrom(practice: PracticeSummary, values: PracticeValues): UpdatePracticeRequest {
  const wanted: UpdatePracticeRequest = {
    ...values,
    name: values.name.trim(),
    idleTimeoutMinutes: Number(values.idleTimeoutMinutes),
    reminderLeadHours: Number(values.reminderLeadHours),
    cancellationNoticeHours: Number(values.cancellationNoticeHours),
    officeAddress: values.officeAddress.trim() || null,
  };
  return Object.fromEntries(Object.entries(wanted).filter(([field, value]) => practice[field as keyof PracticeSummary] !== value));
}

/**
 * The owner's practice-wide settings: name, time zone, automatic sign-out, the two-factor
 * rule, and the appointment rules (clients' reminders, the cancellation notice, the office).
 */
export function PracticeSettingsForm() {
  const { practice, twoFactorEnabled } = useCurrentUser();
  const save = useUpdatePractice();
  const send = useMutateOnce(save);
  const form = useForm<PracticeValues>({
    initialValues: settingsOf(practice),
    validate: {
      name: validateRequired("the practice's name"),
      timeZone: (value) => (value ? null : 'Choose a time zone.'),
      idleTimeoutMinutes: validateIdleTimeout,
      reminderLeadHours: validateHours(REMINDER_LEAD_MIN_HOURS, REMINDER_LEAD_MAX_HOURS),
      cancellationNoticeHours: validateHours(0, CANCELLATION_NOTICE_MAX_HOURS),
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);
  const here = browserTimeZone();
  const requiring = form.getValues().requireTwoFactor;

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    const changes = changesFrom(practice, values);
    if (Object.keys(changes).length === 0) return;
    send(changes, {
      onSuccess: (saved) => {
        form.resetDirty(settingsOf(saved));
        notifications.show({
          color: 'teal',
          title: 'Practice settings saved',
          message: `Times are shown in ${saved.timeZone}. Trustwork signs people out after ${saved.idleTimeoutMinutes} minutes without activity.`,
        });
      },
      onError: apiErrors.show,
    });
  }, apiErrors.revealErrors);

  return (
    <Paper withBorder p="lg" radius="md" maw={720}>
      <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
        <Stack>
          <Text size="sm" c="dimmed">
            Every date and time in Trustwork is shown in {practice.timeZone}, for everyone in the practice.
          </Text>
          <FormAlert title="We couldn't save the practice settings" messages={apiErrors.messages} />
          <TextInput label="Practice name" autoComplete="organization" required {...form.getInputProps('name')} />
          <Select
            label="Time zone"
            description={
              here === form.getValues().timeZone
                ? "Where the practice's sessions happen. This computer is in the same zone."
                : `Where the practice's sessions happen. This computer is set to ${here}.`
            }
            data={timeZoneOptions(practice.timeZone)}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No time zone by that name"
            required
            {...form.getInputProps('timeZone')}
          />
          <NumberInput
            label="Automatic sign-out (minutes without activity)"
            description={`From ${IDLE_TIMEOUT_MIN_MINUTES} to ${IDLE_TIMEOUT_MAX_MINUTES} minutes. A screen left open signs itself out, so records are not left on show; a minute before, it warns. Whatever happens, a sign-in ends after ${SESSION_MAX_HOURS} hours.`}
            min={IDLE_TIMEOUT_MIN_MINUTES}
            max={IDLE_TIMEOUT_MAX_MINUTES}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            required
            w={{ base: '100%', sm: 420 }}
            {...form.getInputProps('idleTimeoutMinutes')}
          />
          <Switch
            label="Require two-factor for everyone"
            description="Anyone in the practice without two-factor is taken to set it up at their next sign-in, and can do nothing else in Trustwork until it is done."
            {...form.getInputProps('requireTwoFactor', { type: 'checkbox' })}
          />
          {requiring && !practice.requireTwoFactor && <WithoutTwoFactor ownTwoFactor={twoFactorEnabled} />}
          <NumberInput
            label="Send clients' session reminders (hours before)"
            description={`From ${REMINDER_LEAD_MIN_HOURS} to ${REMINDER_LEAD_MAX_HOURS} hours before the start. Each person gets one e-mail with the time, the place and a calendar file, and can confirm or cancel from it.`}
            min={REMINDER_LEAD_MIN_HOURS}
            max={REMINDER_LEAD_MAX_HOURS}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            required
            w={{ base: '100%', sm: 420 }}
            {...form.getInputProps('reminderLeadHours')}
          />
          <NumberInput
            label="Cancellation notice (hours)"
            description={`From 0 to ${CANCELLATION_NOTICE_MAX_HOURS} hours. A client who cancels later than this before the start is marked as a late cancellation.`}
            min={0}
            max={CANCELLATION_NOTICE_MAX_HOURS}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            required
            w={{ base: '100%', sm: 420 }}
            {...form.getInputProps('cancellationNoticeHours')}
          />
          <Textarea
            label="Office address"
            description="In-person sessions take this address unless another is given, and clients' reminders show it. Leave it blank for none."
            autoComplete="street-address"
            autosize
            minRows={2}
            {...form.getInputProps('officeAddress')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save practice settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Before the rule is saved: who it will stop until they set two-factor up, the owner first. */
function WithoutTwoFactor({ ownTwoFactor }: { ownTwoFactor: boolean }) {
  const user = useCurrentUser();
  const team = useTeamMembers();
  const colleagues = (team.data ?? []).filter((member) => member.active && !member.twoFactorEnabled && member.id !== user.id);
  if (ownTwoFactor && colleagues.length === 0) return null;
  return (
    <Alert color="blue" variant="light" icon={<IconShieldLock />} role="note">
      <Stack gap={4}>
        {!ownTwoFactor && (
          <Text size="sm">
            Set up two-factor for yourself first, in{' '}
            <Anchor component={Link} to="/settings" size="sm">
              Your settings
            </Anchor>
            .
          </Text>
        )}
        {colleagues.length > 0 && (
          <Text size="sm">
            Not set up yet: {colleagues.map((member) => member.name).join(', ')}. They will be asked at their next sign-in.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
