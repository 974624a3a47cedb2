import { useId, type ReactNode } from 'react';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

interface BriefSectionProps {
  title: string;
  /** Where to read more, e.g. the case's Homework tab. */
  link?: { to: string; label: string };
  /** Said instead of the children when the period has nothing for this section. */
  empty?: string;
  children?: ReactNode;
}

/** One section of the brief: a titled block that keeps together on paper. */
export function BriefSection({ title, link, empty, children }: BriefSectionProps) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" className="brief-section">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {link && (
            <Anchor component={Link} to={link.to} size="sm" className="brief-screen-only">
              {link.label}
            </Anchor>
          )}
        </Group>
        {empty ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          children
        )}
      </Stack>
    </Paper>
  );
}
