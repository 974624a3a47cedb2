import { Button, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { Link } from 'react-router';
import { ComingSoon } from '../components/ComingSoon';
import { PageHeader } from '../components/PageHeader';
import { usePermission } from '../features/auth/hooks/use-session';

export default function CaseloadPage() {
  const canManageTeam = usePermission(Permission.ManageTeam);
  return (
    <>
      <PageHeader title="Caseload" description="The couples and pairs you are working with." />
      <ComingSoon
        when="soon"
        summary="Your caseload will list every case you are working on, each one bringing together the two people rebuilding trust."
        items={[
          'Both people in each case, and which of the nine phases of the programme they are in',
          'When you next see them',
          'Alerts that need your attention before the next session',
        ]}
      >
        {canManageTeam && (
          <Stack gap="xs" align="flex-start" mt="xs">
            <Text size="sm">In the meantime, you can add the colleagues who work with you.</Text>
            <Button component={Link} to="/team" variant="light" rightSection={<IconArrowRight size={16} aria-hidden />}>
              Set up your team
            </Button>
          </Stack>
        )}
      </ComingSoon>
    </>
  );
}
