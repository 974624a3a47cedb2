import { type ReactNode } from 'react';
import { Group, Text, Title } from '@mantine/core';

interface TabSectionHeaderProps {
  title: string;
  description?: string;
  action?: ReactNode;
}

/** The h2 that opens a tab's panel, with the tab's main action beside it. */
export function TabSectionHeader({ title, description, action }: TabSectionHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" gap="sm" mb="md">
      <div>
        <Title order={2} size="h3">
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {action}
    </Group>
  );
}
