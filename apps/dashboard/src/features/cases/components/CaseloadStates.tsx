import { Button, Text } from '@mantine/core';
import { IconCircleCheck, IconFilterOff, IconHeartHandshake, IconSearch } from '@tabler/icons-react';
import { Permission } from '@trustwork/contracts';
import { EmptyState } from '../../../components/EmptyState';
import { useBelowMd } from '../../app-shell/hooks/use-below-md';
import { usePermission } from '../../auth/hooks/use-session';
import { NewCaseButton } from './NewCaseButton';

/** Nobody is on this caseload yet: say what a case is and how one starts. */
export function CaseloadEmpty() {
  const startsCases = usePermission(Permission.ViewClinicalRecords);
  const assignsClinicians = usePermission(Permission.AssignClinicians);
  return (
    <EmptyState
      icon={<IconHeartHandshake size={22} />}
      title="No cases yet"
      action={<NewCaseButton />}
    >
      <Text>
        A case brings together the two people rebuilding trust (a couple, a parent and child, siblings or friends) with
        their sessions, notes and their progress through the nine phases of the programme.
      </Text>
      <Text>
        {!startsCases
          ? 'Clinicians start cases. Once they have, you can see them here and book their sessions.'
          : !assignsClinicians
            ? 'Start a case when you take on a new pair. Cases the practice owner assigns to you appear here too.'
            : 'Start a case when your practice takes on a new pair, and choose who works with them.'}
      </Text>
    </EmptyState>
  );
}

export function CaseloadNoMatches({ onClear }: { onClear: () => void }) {
  const touch = useBelowMd();
  return (
    <EmptyState
      icon={<IconSearch size={22} />}
      title="No cases match"
      action={
        <Button variant="light" mih={touch ? 44 : undefined} leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
          Clear filters
        </Button>
      }
    >
      <Text>Try another spelling of either person&apos;s name, or fewer filters.</Text>
    </EmptyState>
  );
}

/** The "Needs attention" filter found nothing: every alert has been seen to. */
export function NothingNeedsAttention({ onShowAll }: { onShowAll: () => void }) {
  const touch = useBelowMd();
  return (
    <EmptyState
      icon={<IconCircleCheck size={22} />}
      title="No case needs attention right now"
      action={
        <Button variant="light" mih={touch ? 44 : undefined} onClick={onShowAll}>
          Show all cases
        </Button>
      }
    >
      <Text>Cases with an open alert (a safety report, a sharp drop in a check-in, a low measure score, overdue homework or no recent check-in) show here.</Text>
    </EmptyState>
  );
}
