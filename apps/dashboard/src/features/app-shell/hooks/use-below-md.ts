import { em, px, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * True on screens narrower than a landscape tablet (below the theme's `md`, 992 px): the
 * navigation folds into the menu, lists become cards, and controls grow to touch size.
 * Asked before the first paint, so a phone never flashes the desktop layout; the same edge
 * as Mantine's `hiddenFrom="md"` / `visibleFrom="md"`.
 */
export function useBelowMd(): boolean {
  const theme = useMantineTheme();
  const edge = Number(px(theme.breakpoints.md)) - 0.1;
  return useMediaQuery(`(max-width: ${em(edge)})`, false, { getInitialValueInEffect: false });
}
