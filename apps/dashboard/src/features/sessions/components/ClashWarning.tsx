import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type SessionClash } from '@trustwork/contracts';
import { formatShortDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { clashText } from '../session-wording';

interface ClashWarningProps {
  clashes: SessionClash[];
  /** "Schedule anyway", "Save anyway". */
  proceedLabel: string;
  saving: boolean;
  onProceed: () => void;
}

/** Someone would be in two places: say who and when, and let the therapist go ahead knowingly. */
export function ClashWarning({ clashes, proceedLabel, saving, onProceed }: ClashWarningProps) {
  const timeZone = usePracticeTimeZone();
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />} title="This time clashes" role="alert">
      <List size="sm" spacing={2}>
        {clashes.map((clash) => (
          <List.Item key={`${clash.sessionId}-${clash.who.id}`}>
            {clashText(clash)}{' '}
            <Text span size="sm" c="dimmed">
              ({formatShortDateTime(clash.startsAt, timeZone)}, {clash.durationMinutes} min)
            </Text>
          </List.Item>
        ))}
      </List>
      <Group mt="sm">
        <Button size="xs" color="orange" loading={saving} onClick={onProceed}>
          {proceedLabel}
        </Button>
      </Group>
    </Alert>
  );
}
