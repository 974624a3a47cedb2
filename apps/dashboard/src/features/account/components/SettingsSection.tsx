import { type ReactNode, useId } from 'react';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';

interface SettingsSectionProps {
  title: string;
  description?: ReactNode;
  /** Beside the title: a status badge. */
  badge?: ReactNode;
  children: ReactNode;
}

/** One titled part of a settings page, named by its title for screen readers. */
export function SettingsSection({ title, description, badge, children }: SettingsSectionProps) {
  const titleId = useId();
  return (
    <Paper component="section" aria-labelledby={titleId} withBorder p="lg" radius="md">
      <Stack>
        <div>
          <Group gap="sm">
            <Title order={2} size="h4" id={titleId}>
              {title}
            </Title>
            {badge}
          </Group>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
