import { ActionIcon, Menu, Text } from '@mantine/core';
import { IconBuildingCommunity, IconUserCog } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { Link } from 'react-router';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';

/** The signed-in person's own settings, and the practice's for the owner. */
export function UserMenu() {
  const user = useCurrentUser();
  const canManageSettings = usePermission(Permission.ManageSettings);
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label="Account menu">
          <IconUserCog size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/settings" leftSection={<IconUserCog size={16} aria-hidden />}>
          Your settings
        </Menu.Item>
        {canManageSettings && (
          <Menu.Item component={Link} to="/practice" leftSection={<IconBuildingCommunity size={16} aria-hidden />}>
            Practice settings
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
