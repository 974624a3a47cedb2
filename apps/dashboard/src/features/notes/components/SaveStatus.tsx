import { Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCloudOff, IconPencil, IconPlayerPause } from '@tabler/icons-react';
import { formatDateTime, formatTime, practiceDate, practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { type SaveState } from '../hooks/note-autosaver';

function describe(state: SaveState, timeZone: string): string {
  switch (state.kind) {
    case 'not-saved':
      return 'Not saved yet';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return practiceDate(state.savedAt, timeZone) === practiceToday(timeZone)
        ? `Saved at ${formatTime(state.savedAt, timeZone)}`
        : `Saved ${formatDateTime(state.savedAt, timeZone)}`;
    case 'retrying':
      return "Couldn't save — retrying";
    case 'failed':
      return "Couldn't save";
    case 'conflict':
      return 'Autosave paused';
  }
}

const LOOKS = {
  'not-saved': { Icon: IconPencil, color: 'dimmed' },
  saved: { Icon: IconCircleCheck, color: 'teal.9' },
  retrying: { Icon: IconCloudOff, color: 'orange.9' },
  failed: { Icon: IconAlertTriangle, color: 'red.9' },
  conflict: { Icon: IconPlayerPause, color: 'orange.9' },
} as const;

/** Where the draft stands, announced politely to screen readers as it changes. */
export function SaveStatus({ state }: { state: SaveState }) {
  const timeZone = usePracticeTimeZone();
  const look = state.kind === 'saving' ? null : LOOKS[state.kind];
  return (
    <Group gap={6} wrap="nowrap" c={look?.color ?? 'dimmed'} role="status" aria-live="polite">
      {look ? <look.Icon size={16} aria-hidden /> : <Loader size={14} aria-hidden />}
      <Text size="sm">{describe(state, timeZone)}</Text>
    </Group>
  );
}
