import { type ReactNode } from 'react';
import { Alert, Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconFilterOff, IconHeartHandshake, IconRefresh, IconSearch } from '@tabler/icons-react';
import { Role } from '@trustwork/contracts';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { NewCaseButton } from './NewCaseButton';

interface EmptyPanelProps {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}

function EmptyPanel({ icon, title, children, action }: EmptyPanelProps) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon variant="light" size="xl" radius="xl" aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={2} size="h4">
          {title}
        </Title>
        <Stack gap="xs" maw={520} c="dimmed">
          {children}
        </Stack>
        {action}
      </Stack>
    </Paper>
  );
}

/** Nobody is on this caseload yet: say what a case is and how one starts. */
export function CaseloadEmpty() {
  const { role } = useCurrentUser();
  return (
    <EmptyPanel
      icon={<IconHeartHandshake size={22} />}
      title="No cases yet"
      action={<NewCaseButton />}
    >
      <Text>
        A case brings together the two people rebuilding trust (a couple, a parent and child, siblings or friends) with
        their sessions, notes and their progress through the nine phases of the programme.
      </Text>
      <Text>
        {role === Role.Assistant
          ? 'Clinicians start cases. Once they have, you can see them here and book their sessions.'
          : role === Role.Clinician
            ? 'Start a case when you take on a new pair. Cases the practice owner assigns to you appear here too.'
            : 'Start a case when your practice takes on a new pair, and choose who works with them.'}
      </Text>
    </EmptyPanel>
  );
}

export function CaseloadNoMatches({ onClear }: { onClear: () => void }) {
  return (
    <EmptyPanel
      icon={<IconSearch size={22} />}
      title="No cases match"
      action={
        <Button variant="light" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
          Clear filters
        </Button>
      }
    >
      <Text>Try another spelling of either person&apos;s name, or fewer filters.</Text>
    </EmptyPanel>
  );
}

interface LoadErrorProps {
  title: string;
  message: string;
  retrying: boolean;
  onRetry: () => void;
}

export function CaseloadLoadError({ title, message, retrying, onRetry }: LoadErrorProps) {
  return (
    <Alert color="red" icon={<IconAlertCircle />} title={title}>
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
