import { Alert, Button, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconLock, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';

/** For roles that may not read clinical records: the editor never renders for them. */
export function ClinicalRecordsRestricted({ caseId }: { caseId: string }) {
  return (
    <Alert color="gray" icon={<IconLock />} title="Notes aren't available to your role">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">Session notes are clinical records; your role can't read them.</Text>
        <Text size="sm">You can still see and reschedule this session on the case's Sessions tab.</Text>
        <Button component={Link} to={`/cases/${encodeURIComponent(caseId)}/sessions`} size="xs" variant="default">
          Go to sessions
        </Button>
      </Stack>
    </Alert>
  );
}

export function SessionNotFound() {
  return (
    <Alert color="gray" icon={<IconSearch />} title="We couldn't find this session">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          It may have been removed, or it belongs to a case that isn't assigned to you. Check the link, or find the
          session from your caseload.
        </Text>
        <Button component={Link} to="/cases" size="xs" variant="default">
          Go to caseload
        </Button>
      </Stack>
    </Alert>
  );
}

export function NoteSkeleton() {
  return (
    <Paper withBorder p="lg" role="status" aria-label="Loading the note">
      <Stack gap="md">
        <Skeleton height={24} width="40%" />
        <Skeleton height={14} width="60%" />
        {[0, 1, 2].map((row) => (
          <Stack key={row} gap={6}>
            <Skeleton height={14} width={120} />
            <Skeleton height={72} />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
