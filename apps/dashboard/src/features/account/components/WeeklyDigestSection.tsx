import { Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMe, useUpdateMe } from '../hooks/use-account';
import { SettingsSection } from './SettingsSection';

/** Whether the Monday summary of the caseload comes by e-mail. */
export function WeeklyDigestSection() {
  const me = useMe();
  const update = useUpdateMe();
  const user = me.data;
  // While a change is on its way the switch shows it; a refusal puts it back.
  const weeklyDigest = update.isPending ? Boolean(update.variables.weeklyDigest) : Boolean(user?.weeklyDigest);

  const setWeeklyDigest = (on: boolean) =>
    update.mutate(
      { weeklyDigest: on },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'teal',
            title: saved.weeklyDigest ? 'Weekly digest turned on' : 'Weekly digest turned off',
            message: saved.weeklyDigest ? `It goes to ${saved.email} every Monday.` : 'You will no longer get it.',
          }),
        onError: (error) => notifications.show({ color: 'red', title: "We couldn't change the weekly digest", message: error.message }),
      },
    );

  return (
    <SettingsSection title="Weekly digest">
      <Switch
        label="Weekly digest e-mail"
        description="A short summary of your caseload every Monday."
        checked={weeklyDigest}
        // Settled only once the server's answer is in: the sign-in copy may be out of date.
        disabled={me.isPlaceholderData}
        onChange={(event) => {
          if (!update.isPending) setWeeklyDigest(event.currentTarget.checked);
        }}
      />
      {me.isError && (
        <Text size="sm" c="red" role="alert">
          We couldn&apos;t load your settings. {me.error.message}
        </Text>
      )}
    </SettingsSection>
  );
}
