import { type ReactNode } from 'react';
import { Paper, Text, ThemeIcon, Group } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';

/** Says plainly what a section will hold, so nobody mistakes an empty page for missing data. */
export function NotYetBuilt({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
          <IconClipboardList size={20} />
        </ThemeIcon>
        <div>
          <Text fw={600}>Not built yet</Text>
          <Text c="dimmed">{children}</Text>
        </div>
      </Group>
    </Paper>
  );
}
