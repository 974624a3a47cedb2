import { type ReactNode } from 'react';
import { Anchor, Paper, SimpleGrid, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';

interface LibraryCardProps {
  title: string;
  onOpen: () => void;
  /** What the card says under its title. */
  children: ReactNode;
}

/** One template in a library's grid (exercises, agreements): its title opens it. */
export function LibraryCard({ title, onOpen, children }: LibraryCardProps) {
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={title}>
      <Stack gap={6}>
        <Text component="h3" fw={650} size="md" m={0}>
          {/* A button, not a link: it opens the template over the list rather than a new page. */}
          <Anchor component="button" type="button" inherit c="inherit" ta="left" onClick={onOpen}>
            {title}
          </Anchor>
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

/** A library's grid while it loads: `sections` headings, each over a row of cards. */
export function LibraryGridSkeleton({ label, sections, cardHeight }: { label: string; sections: number; cardHeight: number }) {
  return (
    <Stack gap="lg" role="status" aria-busy="true">
      <VisuallyHidden>{label}</VisuallyHidden>
      {Array.from({ length: sections }, (_, section) => (
        <Stack key={section} gap="sm">
          <Skeleton height={24} width="40%" radius="sm" />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {Array.from({ length: 3 }, (_, card) => (
              <Skeleton key={card} height={cardHeight} radius="md" />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}
