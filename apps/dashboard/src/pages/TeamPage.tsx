import { PageHeader } from '../components/PageHeader';
import { useCurrentUser } from '../features/auth/hooks/use-session';
import { AddTeamMemberButton } from '../features/team/components/AddTeamMemberButton';
import { TeamMembersPanel } from '../features/team/components/TeamMembersPanel';

export default function TeamPage() {
  const { practice } = useCurrentUser();
  return (
    <>
      <PageHeader
        title="Team"
        description={`Everyone at ${practice.name} who can sign in to Trustwork.`}
        actions={<AddTeamMemberButton />}
      />
      <TeamMembersPanel />
    </>
  );
}
