import { Paper, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Permission } from '@trustwork/contracts';
import { LoadFailed } from '../../../components/LoadFailed';
import { usePermission } from '../../auth/hooks/use-session';
import { useTeamMembers } from '../hooks/use-team';
import { TeamMembersTable } from './TeamMembersTable';

function TeamMembersSkeleton() {
  return (
    <Stack gap="sm" aria-busy="true" role="status">
      <VisuallyHidden>Loading team members…</VisuallyHidden>
      {Array.from({ length: 4 }, (_, row) => (
        <Skeleton key={row} height={36} radius="sm" />
      ))}
    </Stack>
  );
}

export function TeamMembersPanel() {
  const team = useTeamMembers();
  const canManageTeam = usePermission(Permission.ManageTeam);

  if (team.isPending) return <TeamMembersSkeleton />;

  if (team.isError) {
    return (
      <LoadFailed
        title="We couldn't load your team"
        query={team}
      />
    );
  }

  if (team.data.length === 0) {
    return (
      <Paper withBorder p="xl" radius="md" ta="center">
        <Text fw={500}>No team members yet</Text>
        <Text c="dimmed" size="sm">
          {canManageTeam
            ? 'Add the clinicians and assistants who work with you.'
            : 'The practice owner adds colleagues here.'}
        </Text>
      </Paper>
    );
  }

  return <TeamMembersTable members={team.data} />;
}
