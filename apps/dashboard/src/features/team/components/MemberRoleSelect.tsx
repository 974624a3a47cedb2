import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROLE_LABELS, ROLES, type Role, type TeamMember } from '@trustwork/contracts';
import { useUpdateTeamMember } from '../hooks/use-team';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

function isRole(value: string | null): value is Role {
  return ROLES.some((role) => role === value);
}

export function MemberRoleSelect({ member }: { member: TeamMember }) {
  const updateMember = useUpdateTeamMember();

  const changeRole = (value: string | null) => {
    if (!isRole(value) || value === member.role) return;
    updateMember.mutate(
      { id: member.id, changes: { role: value } },
      {
        onSuccess: (updated) =>
          notifications.show({ color: 'teal', message: `${updated.name}'s role is now ${ROLE_LABELS[updated.role]}.` }),
        onError: (error) =>
          notifications.show({ color: 'red', title: `We couldn't change ${member.name}'s role`, message: error.message }),
      },
    );
  };

  return (
    <Select
      aria-label={`Role for ${member.name}`}
      data={ROLE_OPTIONS}
      value={member.role}
      onChange={changeRole}
      allowDeselect={false}
      disabled={updateMember.isPending}
      size="xs"
      w={140}
    />
  );
}
