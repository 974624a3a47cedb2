import { Button, Group, Text } from '@mantine/core';
import { IconCalendarOff, IconPlus } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { usePermission } from '../../auth/hooks/use-session';

interface AgendaEmptyProps {
  title: string;
  /** When an owner narrowed the agenda to their own cases: a way back to everyone's. */
  onShowWholePractice?: () => void;
}

export function AgendaEmpty({ title, onShowWholePractice }: AgendaEmptyProps) {
  const canStartCases = usePermission(Permission.ViewClinicalRecords);
  return (
    <EmptyState
      icon={<IconCalendarOff size={22} />}
      title={title}
      action={
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
      }
    >
      <Text>
        Sessions are booked from each case&apos;s Sessions tab. Open the caseload to schedule the next one
        {canStartCases ? ', or start a new case.' : '.'}
      </Text>
    </EmptyState>
  );
}
