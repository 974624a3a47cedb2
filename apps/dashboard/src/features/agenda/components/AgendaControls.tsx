import { Button, Group, Switch, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';

interface AgendaControlsProps {
  weekOffset: number;
  rangeLabel: string;
  onWeekChange: (offset: number) => void;
  /** Only owners choose: a clinician's agenda is always their own cases. */
  onlyMine?: { checked: boolean; onChange: (checked: boolean) => void };
}

export function AgendaControls({ weekOffset, rangeLabel, onWeekChange, onlyMine }: AgendaControlsProps) {
  return (
    <Group justify="space-between" gap="sm">
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconChevronLeft size={16} aria-hidden />}
          onClick={() => onWeekChange(weekOffset - 1)}
        >
          Previous week
        </Button>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronRight size={16} aria-hidden />}
          onClick={() => onWeekChange(weekOffset + 1)}
        >
          Next week
        </Button>
        {weekOffset !== 0 && (
          <Button variant="subtle" size="xs" onClick={() => onWeekChange(0)}>
            Back to today
          </Button>
        )}
        <Text fw={500} aria-live="polite">
          {rangeLabel}
        </Text>
      </Group>
      {onlyMine && (
        <Switch
          label="Only my cases"
          checked={onlyMine.checked}
          onChange={(event) => onlyMine.onChange(event.currentTarget.checked)}
        />
      )}
    </Group>
  );
}
