import { type ReactNode } from 'react';
import { Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';

interface ComingSoonProps {
  /** 'soon' for the next update, 'later' for further out. */
  when: 'soon' | 'later';
  /** One sentence: what this section will be for. */
  summary: ReactNode;
  /** What it will hold, in the therapist's words. */
  items: ReactNode[];
  /** Something useful to do meanwhile. */
  children?: ReactNode;
}

/** Says plainly what a section will hold, so nobody mistakes an empty page for missing data. */
export function ComingSoon({ when, summary, items, children }: ComingSoonProps) {
  return (
    <Paper component="section" aria-labelledby="coming-soon-title" withBorder p="lg" radius="md" maw={760}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
          <IconSparkles size={20} />
        </ThemeIcon>
        <Stack gap="sm" miw={0}>
          <Title order={2} size="h4" id="coming-soon-title">
            {when === 'soon' ? 'Coming soon' : 'Planned for a later update'}
          </Title>
          <Text>{summary}</Text>
          <List spacing={6} c="dimmed">
            {items.map((item, index) => (
              <List.Item key={index}>{item}</List.Item>
            ))}
          </List>
          {children}
        </Stack>
      </Group>
    </Paper>
  );
}
