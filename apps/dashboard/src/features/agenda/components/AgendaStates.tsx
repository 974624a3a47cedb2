import { Alert, Button, Group, Paper, Skeleton, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconCalendarOff, IconPlus, IconRefresh } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { Link } from 'react-router';
import { usePermission } from '../../auth/hooks/use-session';

export function AgendaSkeleton() {
  return (
    <Stack gap="xs" role="status" aria-busy="true">
      <VisuallyHidden>Loading sessions…</VisuallyHidden>
      <Skeleton height={24} width={180} radius="sm" />
      {Array.from({ length: 4 }, (_, row) => (
        <Skeleton key={row} height={64} radius="md" />
      ))}
    </Stack>
  );
}

interface AgendaErrorProps {
  message: string;
  retrying: boolean;
  onRetry: () => void;
}

export function AgendaError({ message, retrying, onRetry }: AgendaErrorProps) {
  return (
    <Alert color="red" icon={<IconAlertCircle />} title="We couldn't load your sessions">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button
          size="xs"
          variant="white"
          color="red"
          leftSection={<IconRefresh size={16} aria-hidden />}
          loading={retrying}
          onClick={onRetry}
        >
          Try again
        </Button>
      </Stack>
    </Alert>
  );
}

interface AgendaEmptyProps {
  title: string;
  /** When an owner narrowed the agenda to their own cases: a way back to everyone's. */
  onShowWholePractice?: () => void;
}

export function AgendaEmpty({ title, onShowWholePractice }: AgendaEmptyProps) {
  const canStartCases = usePermission(Permission.ViewClinicalRecords);
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon variant="light" size="xl" radius="xl" aria-hidden>
          <IconCalendarOff size={22} />
        </ThemeIcon>
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text c="dimmed" maw={480}>
          Sessions are booked from each case&apos;s Sessions tab. Open the caseload to schedule the next one
          {canStartCases ? ', or start a new case.' : '.'}
        </Text>
        <Group justify="center" gap="sm">
          <Button component={Link} to="/cases">
            Open the caseload
          </Button>
          {canStartCases && (
            <Button component={Link} to="/cases/new" variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
              New case
            </Button>
          )}
          {onShowWholePractice && (
            <Button variant="subtle" onClick={onShowWholePractice}>
              Show every case
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
