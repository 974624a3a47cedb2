import { type ReactNode } from 'react';
import { Paper, Stack, ThemeIcon, Title } from '@mantine/core';

interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  /** 2 directly under the page title; 3 under a section's own heading, such as a case tab's. */
  headingOrder?: 2 | 3;
  /** What this place is for, as one or more <Text> paragraphs. */
  children: ReactNode;
  /** The next step, usually a button or a group of them. */
  action?: ReactNode;
}

/** Nothing to show yet (or nothing matches): says why, and what to do next. */
export function EmptyState({ icon, title, headingOrder = 2, children, action }: EmptyStateProps) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="sm" ta="center">
        {icon && (
          <ThemeIcon variant="light" size="xl" radius="xl" aria-hidden>
            {icon}
          </ThemeIcon>
        )}
        <Title order={headingOrder} size="h4">
          {title}
        </Title>
        <Stack gap="xs" maw={480} c="dimmed">
          {children}
        </Stack>
        {action}
      </Stack>
    </Paper>
  );
}
