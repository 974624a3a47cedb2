import { useState } from 'react';
import { ActionIcon, Badge, type BadgeProps, Button, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { IconDots, IconLogout, IconShieldOff } from '@tabler/icons-react';
import { Permission, ROLE_LABELS, roleHasPermission, type TeamMember } from '@trustwork/contracts';
import { SidewaysTable } from '../../../components/SidewaysTable';
import { formatDate } from '../../../lib/format';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { MemberAccessModal, ResetTwoFactorModal, SignOutMemberModal } from './MemberModals';
import { MemberRoleSelect } from './MemberRoleSelect';

type MemberAction = 'access' | 'sign-out' | 'reset-two-factor';

const ACTION_MODALS = {
  access: MemberAccessModal,
  'sign-out': SignOutMemberModal,
  'reset-two-factor': ResetTwoFactorModal,
} satisfies Record<MemberAction, unknown>;

/**
 * A badge that keeps its whole word: in a crowded row the table would otherwise squeeze a
 * badge down to "AC…" or an empty dot, as Mantine lets a badge's label shrink.
 */
function CellBadge({ style, ...props }: BadgeProps & { children: string }) {
  return <Badge {...props} style={[{ minWidth: 'max-content' }, style]} />;
}

function RoleBadge({ member }: { member: TeamMember }) {
  return (
    <CellBadge variant="light" color={roleHasPermission(member.role, Permission.ManageTeam) ? 'teal' : 'gray'}>
      {ROLE_LABELS[member.role]}
    </CellBadge>
  );
}

interface MemberActionsProps {
  member: TeamMember;
  onAction: (action: MemberAction) => void;
}

/** The owner's actions on one colleague: access, and ending their sign-ins or their two-factor. */
function MemberActions({ member, onAction }: MemberActionsProps) {
  const canSignOut = member.active;
  const canResetTwoFactor = member.twoFactorEnabled;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        color={member.active ? 'red' : 'teal'}
        aria-label={`${member.active ? 'Deactivate' : 'Reactivate'} ${member.name}`}
        onClick={() => onAction('access')}
      >
        {member.active ? 'Deactivate' : 'Reactivate'}
      </Button>
      {(canSignOut || canResetTwoFactor) && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`More actions for ${member.name}`}>
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {canSignOut && (
              <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => onAction('sign-out')}>
                Sign out everywhere
              </Menu.Item>
            )}
            {canResetTwoFactor && (
              <Menu.Item color="red" leftSection={<IconShieldOff size={16} aria-hidden />} onClick={() => onAction('reset-two-factor')}>
                Reset two-factor
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}

export function TeamMembersTable({ members }: { members: TeamMember[] }) {
  const currentUser = useCurrentUser();
  const canManageTeam = usePermission(Permission.ManageTeam);
  const [change, setChange] = useState<{ action: MemberAction; member: TeamMember; opened: boolean } | null>(null);
  const ActionModal = change && ACTION_MODALS[change.action];

  return (
    <>
      <SidewaysTable label="Team members" minWidth={canManageTeam ? 880 : 700}>
        <Table verticalSpacing="sm" highlightOnHover aria-label="Team members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">E-mail</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Two-factor</Table.Th>
              <Table.Th scope="col">Added</Table.Th>
              {canManageTeam && <Table.Th scope="col">Access</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => {
              // Nobody can lock themselves out from here: no self-demotion, no self-deactivation.
              const isSelf = member.id === currentUser.id;
              const manageable = canManageTeam && !isSelf;
              return (
                <Table.Tr key={member.id}>
                  {/* On one line, so the table scrolls sideways on a phone rather than stacking the name. */}
                  <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                    {member.name}
                    {isSelf && (
                      <CellBadge size="xs" variant="outline" ml={6} style={{ verticalAlign: 'middle' }}>
                        You
                      </CellBadge>
                    )}
                  </Table.Th>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>{manageable ? <MemberRoleSelect member={member} /> : <RoleBadge member={member} />}</Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <CellBadge variant="dot" color={member.active ? 'teal' : 'gray'}>
                        {member.active ? 'Active' : 'Deactivated'}
                      </CellBadge>
                      {/* Words that may wrap, not a badge: the row keeps room for the actions at the end. */}
                      {member.mustChoosePassword && (
                        <Text size="xs" c="orange.9">
                          Temporary password
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <CellBadge variant="light" color={member.twoFactorEnabled ? 'teal' : 'gray'}>
                      {member.twoFactorEnabled ? 'On' : 'Off'}
                    </CellBadge>
                  </Table.Td>
                  <Table.Td>{formatDate(member.createdAt)}</Table.Td>
                  {canManageTeam && (
                    <Table.Td>
                      {manageable ? (
                        <MemberActions member={member} onAction={(action) => setChange({ action, member, opened: true })} />
                      ) : (
                        <Text size="sm" c="dimmed">
                          That&apos;s you
                        </Text>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </SidewaysTable>
      {change && ActionModal && (
        <ActionModal
          // A fresh modal per colleague and action, so an earlier refusal is not shown again.
          key={`${change.action}-${change.member.id}`}
          member={change.member}
          opened={change.opened}
          onClose={() => setChange({ ...change, opened: false })}
        />
      )}
    </>
  );
}
