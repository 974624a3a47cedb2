import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconLink, IconUserCheck } from '@tabler/icons-react';
import { CASE_STATUS_LABELS, type ExistingParticipant } from '@trustwork/contracts';
import { formatCalendarDate, practiceDate, usePracticeTimeZone } from '../../../lib/practice-time';

/** "a closed case opened 3 Mar 2025": enough to recognise the person, no clinical detail. */
function useCaseWords(existing: ExistingParticipant): string {
  const timeZone = usePracticeTimeZone();
  const status = CASE_STATUS_LABELS[existing.caseStatus].toLowerCase();
  return `${/^[aeiou]/.test(status) ? 'an' : 'a'} ${status} case opened ${formatCalendarDate(practiceDate(existing.caseOpenedAt, timeZone))}`;
}

interface OfferProps {
  existing: ExistingParticipant;
  onLink: () => void;
  onKeepSeparate: () => void;
}

/** Offered once an e-mail the practice already knows is typed: the same person, or someone else with that address. */
export function ExistingPersonOffer({ existing, onLink, onKeepSeparate }: OfferProps) {
  const caseWords = useCaseWords(existing);
  return (
    <Alert color="blue" icon={<IconUserCheck />} mt="sm" title={`We already have ${existing.displayName}`}>
      <Stack gap="xs">
        <Text size="sm">
          {existing.displayName} ({existing.email}) is on another case: {caseWords}. If this is the same person, link this case to that
          record so the practice knows it is them; their name and contact details are reused.
        </Text>
        <Group gap="xs">
          <Button size="xs" leftSection={<IconLink size={14} aria-hidden />} onClick={onLink}>
            Link to that record
          </Button>
          <Button size="xs" variant="default" onClick={onKeepSeparate}>
            Keep separate
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

interface LinkedProps {
  existing: ExistingParticipant;
  error?: string;
  onUnlink: () => void;
}

/** In place of the name and contact inputs while the person is linked to their earlier record. */
export function LinkedPerson({ existing, error, onUnlink }: LinkedProps) {
  const caseWords = useCaseWords(existing);
  return (
    <Stack gap="xs">
      <Text fw={500}>{existing.displayName}</Text>
      <Text size="sm" c="dimmed">
        {existing.email} · linked to their record on {caseWords}. Their name and contact details come from that record.
      </Text>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button size="xs" variant="default" onClick={onUnlink}>
          Keep separate instead
        </Button>
      </Group>
    </Stack>
  );
}
