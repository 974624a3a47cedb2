import { Button, Group, SegmentedControl, Select, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { CalendarView } from '../calendar-days';

interface CalendarControlsProps {
  view: CalendarView;
  heading: string;
  onViewChange: (view: CalendarView) => void;
  onStep: (direction: -1 | 1) => void;
  onToday: () => void;
  /** Owners and assistants choose whose sessions to see. */
  clinician?: { value: string; options: { value: string; label: string }[]; onChange: (value: string) => void };
}

export function CalendarControls({ view, heading, onViewChange, onStep, onToday, clinician }: CalendarControlsProps) {
  const unit = view === CalendarView.Week ? 'week' : 'day';
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <Group gap="sm" align="center">
        <Group gap={4}>
          <Button variant="default" size="xs" leftSection={<IconChevronLeft size={16} aria-hidden />} onClick={() => onStep(-1)} aria-label={`Previous ${unit}`}>
            Previous
          </Button>
          <Button variant="default" size="xs" onClick={onToday}>
            Today
          </Button>
          <Button variant="default" size="xs" rightSection={<IconChevronRight size={16} aria-hidden />} onClick={() => onStep(1)} aria-label={`Next ${unit}`}>
            Next
          </Button>
        </Group>
        <Title order={2} size="h4" aria-live="polite">
          {heading}
        </Title>
      </Group>
      <Group gap="sm" align="flex-end">
        {clinician && (
          <Select
            label="Clinician"
            size="xs"
            allowDeselect={false}
            data={clinician.options}
            value={clinician.value}
            onChange={(value) => value && clinician.onChange(value)}
          />
        )}
        <SegmentedControl
          aria-label="Show"
          size="xs"
          value={view}
          onChange={(value) => onViewChange(value as CalendarView)}
          data={[
            { value: CalendarView.Week, label: 'Week' },
            { value: CalendarView.Day, label: 'Day' },
          ]}
        />
      </Group>
    </Group>
  );
}
