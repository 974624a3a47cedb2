import { useMediaQuery } from '@mantine/hooks';

/**
 * Narrower than a landscape tablet (below Mantine's `md`, 62em): the case page gives the first screen to
 * a compact header and the tabs. Read before the first paint, so a phone never flashes the wide header.
 */
export function useCompactCase(): boolean {
  return useMediaQuery('(max-width: 61.99em)', false, { getInitialValueInEffect: false });
}
