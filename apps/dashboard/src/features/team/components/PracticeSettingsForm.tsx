import { Alert, Anchor, Button, Group, NumberInput, Paper, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconShieldLock } from '@tabler/icons-react';
import {
  IDLE_TIMEOUT_MAX_MINUTES,
  IDLE_TIMEOUT_MIN_MINUTES,
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

type PracticeValues = Required<Pick<UpdatePracticeRequest, (typeof API_FIELDS)[number]>>;

const API_FIELDS = ['name', 'timeZone', 'idleTimeoutMinutes', 'requireTwoFactor'] as const;

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

function settingsOf(practice: PracticeSummary): PracticeValues {
  const { name, timeZone, idleTimeoutMinutes, requireTwoFactor } = practice;
  return { name, timeZone, idleTimeoutMinutes, requireTwoFactor };
}

/** Only what differs from the practice as it is, so a save never rewrites what someone else just changed. */
function changesFrom(practice: PracticeSummary, values: PracticeValues): UpdatePracticeRequest {
  const wanted: PracticeValues = { ...values, name: values.name.trim(), idleTimeoutMinutes: Number(values.idleTimeoutMinutes) };
  const current = settingsOf(practice);
  return Object.fromEntries(Object.entries(wanted).filter(([field, value]) => current[field as keyof PracticeValues] !== value));
}

/** The owner's practice-wide settings: name, time zone, automatic sign-out and the two-factor rule. */
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
