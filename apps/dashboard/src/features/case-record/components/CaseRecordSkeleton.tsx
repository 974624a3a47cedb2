import { Group, SimpleGrid, Skeleton, Stack, VisuallyHidden } from '@mantine/core';

export function CaseRecordSkeleton() {
  return (
    <Stack gap="md" role="status" aria-busy="true">
      <VisuallyHidden>Loading the case…</VisuallyHidden>
      <Skeleton height={34} width="45%" radius="sm" />
      <Skeleton height={16} width="30%" radius="sm" />
      <Group gap="sm">
        <Skeleton height={22} width={70} radius="xl" />
        <Skeleton height={22} width={180} radius="xl" />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Skeleton height={110} radius="md" />
        <Skeleton height={110} radius="md" />
      </SimpleGrid>
      <Skeleton height={36} radius="sm" mt="md" />
      <Skeleton height={160} radius="md" />
    </Stack>
  );
}
