import { type ReactNode } from 'react';
import { Group, type GroupProps, Text, Title } from '@mantine/core';

interface TabSectionHeaderProps extends Omit<GroupProps, 'title'> {
  title: string;
  description?: string;
  action?: ReactNode;
  /** 2 for a tab's panel (the default); 3 for a part of a panel, under its h2. */
  order?: 2 | 3;
  /** The heading's id, for a region named by it. */
  headingId?: string;
}

/** The h2 that opens a tab's panel, with the tab's main action beside it; with `order`, a part's heading the same way. */
export function TabSectionHeader({ title, description, action, order = 2, headingId, ...group }: TabSectionHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" gap="sm" mb="md" {...group}>
      <div>
        <Title order={order} size="h3" id={headingId}>
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
