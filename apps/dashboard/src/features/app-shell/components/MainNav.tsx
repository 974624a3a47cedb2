import { Badge, NavLink, Stack, VisuallyHidden } from '@mantine/core';
import { IconBooks, IconCalendarEvent, IconCalendarWeek, IconFileCertificate, IconHeartHandshake, IconReceipt, IconShieldCheck, IconUsers, type Icon } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { NavLink as RouterNavLink, useMatch } from 'react-router';
import { useAttention } from '../../agenda/hooks/use-attention';
import { usePermission } from '../../auth/hooks/use-session';
import { useBelowMd } from '../hooks/use-below-md';

interface NavItemProps {
  to: string;
  label: string;
  icon: Icon;
  onNavigate: () => void;
  /** A count beside the label, e.g. what needs attention. */
  count?: { value: number; spoken: string };
}

function NavItem({ to, label, icon: ItemIcon, onNavigate, count }: NavItemProps) {
  const active = useMatch({ path: to, end: to === '/' }) !== null;
  // In the folded menu of a tablet or phone, each link is a touch-sized (44 px) target.
  const touch = useBelowMd();
  return (
    <NavLink
      component={RouterNavLink}
      to={to}
      end={to === '/'}
      label={label}
      leftSection={<ItemIcon size={18} stroke={1.6} aria-hidden />}
      rightSection={
        count && (
          <>
            <Badge color="orange" variant="filled" size="sm" circle={count.value < 10} aria-hidden>
              {count.value}
            </Badge>
            <VisuallyHidden>{count.spoken}</VisuallyHidden>
          </>
        )
      }
      active={active}
      mih={touch ? 44 : undefined}
      onClick={onNavigate}
    />
  );
}

/** The navbar's links; `onNavigate` lets the shell close the mobile drawer. */
/** How many things need attention today, beside Home; nothing while loading, on failure or at zero. */
function useAttentionCount(): NavItemProps['count'] {
  const { data } = useAttention();
  if (!data || data.count === 0) return undefined;
  return { value: data.count, spoken: `, ${data.count} ${data.count === 1 ? 'thing needs' : 'things need'} your attention` };
}

export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const canViewAuditLog = usePermission(Permission.ViewAuditLog);
  const canManageBilling = usePermission(Permission.ManageBilling);
  const attentionCount = useAttentionCount();
  return (
    <Stack component="nav" aria-label="Main" gap={4}>
      <NavItem to="/" label="Home" icon={IconCalendarEvent} onNavigate={onNavigate} count={attentionCount} />
      <NavItem to="/calendar" label="Calendar" icon={IconCalendarWeek} onNavigate={onNavigate} />
      <NavItem to="/cases" label="Caseload" icon={IconHeartHandshake} onNavigate={onNavigate} />
      <NavItem to="/library" label="Library" icon={IconBooks} onNavigate={onNavigate} />
      <NavItem to="/agreements" label="Agreements" icon={IconFileCertificate} onNavigate={onNavigate} />
      <NavItem to="/team" label="Team" icon={IconUsers} onNavigate={onNavigate} />
      {canManageBilling && <NavItem to="/billing" label="Billing" icon={IconReceipt} onNavigate={onNavigate} />}
      {canViewAuditLog && <NavItem to="/audit" label="Audit" icon={IconShieldCheck} onNavigate={onNavigate} />}
    </Stack>
  );
}
