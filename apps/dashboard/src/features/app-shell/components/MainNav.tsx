import { NavLink, Stack } from '@mantine/core';
import { IconBooks, IconCalendarEvent, IconHeartHandshake, IconShieldCheck, IconUsers, type Icon } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { NavLink as RouterNavLink, useMatch } from 'react-router';
import { usePermission } from '../../auth/hooks/use-session';

interface NavItemProps {
  to: string;
  label: string;
  icon: Icon;
  onNavigate: () => void;
}

function NavItem({ to, label, icon: ItemIcon, onNavigate }: NavItemProps) {
  const active = useMatch({ path: to, end: to === '/' }) !== null;
  return (
    <NavLink
      component={RouterNavLink}
      to={to}
      end={to === '/'}
      label={label}
      leftSection={<ItemIcon size={18} stroke={1.6} aria-hidden />}
      active={active}
      onClick={onNavigate}
    />
  );
}

/** The navbar's links; `onNavigate` lets the shell close the mobile drawer. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const canViewAuditLog = usePermission(Permission.ViewAuditLog);
  return (
    <Stack component="nav" aria-label="Main" gap={4}>
      <NavItem to="/" label="Home" icon={IconCalendarEvent} onNavigate={onNavigate} />
      <NavItem to="/cases" label="Caseload" icon={IconHeartHandshake} onNavigate={onNavigate} />
      <NavItem to="/library" label="Library" icon={IconBooks} onNavigate={onNavigate} />
      <NavItem to="/team" label="Team" icon={IconUsers} onNavigate={onNavigate} />
      {canViewAuditLog && <NavItem to="/audit" label="Audit" icon={IconShieldCheck} onNavigate={onNavigate} />}
    </Stack>
  );
}
