import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/** Stands in for a list of sessions while it loads: a heading and a few rows. */
export function SessionListSkeleton({ rows }: { rows: number }) {
  return (
    <Stack gap="xs" role="status" aria-busy="true">
      <VisuallyHidden>Loading sessions…</VisuallyHidden>
      <Skeleton height={24} width={180} radius="sm" />
      {Array.from({ length: rows }, (_, row) => (
        <Skeleton key={row} height={64} radius="md" />
      ))}
    </Stack>
  );
}
