import { type ReactNode } from 'react';
import { Group, Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconArrowsHorizontal } from '@tabler/icons-react';

interface SidewaysTableProps {
  /**
   * What the table holds, usually its own accessible name ("Team members"). When the table does not
   * fit, its box takes keyboard focus (arrow keys scroll it) and is named "Team members, scrolls
   * sideways": apart from the table and the section around it, which often carry the same words.
   */
  label: string;
  /** The table's width below which it scrolls sideways inside its own box (the page never does). */
  minWidth: number;
  /** The table. */
  children: ReactNode;
}

/**
 * A table too wide for a phone or a tablet scrolls within its own box, and says so: a line above
 * it and a scrollbar that stays in sight, since a touch screen shows no scrollbar until the table
 * is moved. Where the table fits, neither the line nor the focusable box is there.
 */
export function SidewaysTable({ label, minWidth, children }: SidewaysTableProps) {
  const { ref, width } = useElementSize();
  const scrolls = width > 0 && width < minWidth;
  return (
    <div ref={ref}>
      {scrolls && (
        <Group gap={6} mb={4} wrap="nowrap">
          <IconArrowsHorizontal size={16} aria-hidden color="var(--mantine-color-dimmed)" />
          <Text size="xs" c="dimmed">
            Scroll the table sideways to see every column.
          </Text>
        </Group>
      )}
      <Table.ScrollContainer
        minWidth={minWidth}
        scrollAreaProps={{
          type: scrolls ? 'always' : 'hover',
          viewportProps: scrolls ? { tabIndex: 0, role: 'region', 'aria-label': `${label}, scrolls sideways` } : undefined,
        }}
      >
        {children}
      </Table.ScrollContainer>
    </div>
  );
}
