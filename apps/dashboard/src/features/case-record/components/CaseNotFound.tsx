import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconUserQuestion } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { Link } from 'react-router';
import { usePermission } from '../../auth/hooks/use-session';

/** Unknown ids and cases assigned to someone else look the same, so an id gives nothing away. */
export function CaseNotFound() {
  useDocumentTitle('Case not found · Trustwork');
  // Only clinicians are limited to the cases assigned to them.
  const assignedOnly = !usePermission(Permission.ViewAllCases);
  return (
    <Paper withBorder p="xl" radius="md" maw={560} mx="auto" mt="xl">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon variant="light" size="xl" radius="xl" color="gray" aria-hidden>
          <IconUserQuestion size={22} />
        </ThemeIcon>
        <Title order={1} size="h3">
          No case with that id in your caseload
        </Title>
        <Text c="dimmed">
          {assignedOnly
            ? 'The link may be mistyped, or the case may be assigned to another clinician. Ask the practice owner if you need access.'
            : 'The link may be mistyped, or the case may no longer exist.'}
        </Text>
        <Button component={Link} to="/cases" variant="light" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          Back to the caseload
        </Button>
      </Stack>
    </Paper>
  );
}
