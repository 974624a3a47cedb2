import { ActionIcon, Menu, Text } from '@mantine/core';
import { IconBuildingCommunity, IconLogout, IconUserCog } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { Link } from 'react-router';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { useBelowMd } from '../hooks/use-below-md';

interface UserMenuProps {
  /** Offers "Sign out" in the menu too: on a phone the header has no room for its own button. */
  onSignOut?: () => void;
}

/** The signed-in person's own settings, and the practice's for the owner. */
export function UserMenu({ onSignOut }: UserMenuProps) {
  const user = useCurrentUser();
  const canManageSettings = usePermission(Permission.ManageSettings);
  // Touch-sized (44 px) targets below a landscape tablet.
  const touch = useBelowMd();
  const itemHeight = touch ? 44 : undefined;
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <ActionIcon variant="default" size={touch ? 44 : 'lg'} aria-label="Account menu">
          <IconUserCog size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/settings" mih={itemHeight} leftSection={<IconUserCog size={16} aria-hidden />}>
          Your settings
        </Menu.Item>
        {canManageSettings && (
          <Menu.Item component={Link} to="/practice" mih={itemHeight} leftSection={<IconBuildingCommunity size={16} aria-hidden />}>
            Practice settings
          </Menu.Item>
        )}
        {onSignOut && (
          <>
            <Menu.Divider />
            <Menu.Item mih={itemHeight} leftSection={<IconLogout size={16} aria-hidden />} onClick={onSignOut}>
              Sign out
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
