import { useState } from 'react';
import { Badge, Button, Table, Text } from '@mantine/core';
import { Permission, ROLE_LABELS, roleHasPermission, type TeamMember } from '@trustwork/contracts';
import { formatDate } from '../../../lib/format';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { MemberAccessModal } from './MemberAccessModal';
import { MemberRoleSelect } from './MemberRoleSelect';

function RoleBadge({ member }: { member: TeamMember }) {
  return (
    <Badge variant="light" color={roleHasPermission(member.role, Permission.ManageTeam) ? 'teal' : 'gray'}>
      {ROLE_LABELS[member.role]}
    </Badge>
  );
}

export function TeamMembersTable({ members }: { members: TeamMember[] }) {
  const currentUser = useCurrentUser();
  const canManageTeam = usePermission(Permission.ManageTeam);
  const [accessChange, setAccessChange] = useState<{ member: TeamMember | null; opened: boolean }>({
    member: null,
    opened: false,
  });

  return (
    <>
      <Table.ScrollContainer minWidth={canManageTeam ? 760 : 600}>
        <Table verticalSpacing="sm" highlightOnHover aria-label="Team members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">E-mail</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
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
                      <Badge size="xs" variant="outline" ml={6} style={{ verticalAlign: 'middle', minWidth: 'max-content' }}>
                        You
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>{manageable ? <MemberRoleSelect member={member} /> : <RoleBadge member={member} />}</Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={member.active ? 'teal' : 'gray'}>
                      {member.active ? 'Active' : 'Deactivated'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDate(member.createdAt)}</Table.Td>
                  {canManageTeam && (
                    <Table.Td>
                      {manageable ? (
                        <Button
                          size="xs"
                          variant="light"
                          color={member.active ? 'red' : 'teal'}
                          aria-label={`${member.active ? 'Deactivate' : 'Reactivate'} ${member.name}`}
                          onClick={() => setAccessChange({ member, opened: true })}
                        >
                          {member.active ? 'Deactivate' : 'Reactivate'}
                        </Button>
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
      </Table.ScrollContainer>
      {canManageTeam && (
        <MemberAccessModal
          member={accessChange.member}
          opened={accessChange.opened}
          onClose={() => setAccessChange((change) => ({ ...change, opened: false }))}
        />
      )}
    </>
  );
}
