import { ActionIcon, Badge, Group, Popover, Stack, Switch, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserCog } from '@tabler/icons-react';
import { ROLE_LABELS } from '@trustwork/contracts';
import { useMe, useUpdateMe } from '../hooks/use-account';

/** Who is signed in, and their own settings: for now, whether the weekly digest e-mail comes. */
export function AccountSettings() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useMe(opened);
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
    <Popover opened={opened} onChange={(next) => !next && close()} position="bottom-end" width={300} shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <ActionIcon variant="default" size="lg" aria-label="Your settings" onClick={toggle}>
          <IconUserCog size={18} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          {user && (
            <div>
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {user.name}
                </Text>
                <Badge variant="light" color="gray">
                  {ROLE_LABELS[user.role]}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {user.email}
              </Text>
            </div>
          )}
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
            <Text size="xs" c="red" role="alert">
              We couldn&apos;t load your settings. {me.error.message}
            </Text>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
