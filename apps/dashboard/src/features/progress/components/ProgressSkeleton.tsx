import { SimpleGrid, Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { CHART_HEIGHTS } from './chart-heights';

function PanelSkeleton({ height }: { height: number }) {
  return (
    <Stack gap={6}>
      <Skeleton height={20} width="40%" radius="sm" />
      <Skeleton height={14} width="85%" radius="sm" />
      <Skeleton height={height} radius="sm" mt={4} />
    </Stack>
  );
}

/** Both people's panels in the report's own layout, so the report takes their place without a jump. */
export function ProgressSkeleton() {
  return (
    <Stack gap="xl" role="status" aria-busy="true">
      <VisuallyHidden>Loading the progress…</VisuallyHidden>
      {[CHART_HEIGHTS.checkIns, CHART_HEIGHTS.measure].map((height) => (
        <Stack key={height} gap="sm">
          <Skeleton height={24} width="25%" radius="sm" />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <PanelSkeleton height={height} />
            <PanelSkeleton height={height} />
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}

/** Where a chart appears while its code loads: the chart's own height. */
export function ChartSkeleton({ height }: { height: number }) {
  return <Skeleton height={height} radius="sm" />;
}
