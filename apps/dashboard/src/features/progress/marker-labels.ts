import { dateToTime } from './progress-wording';

/** The labels are 12 px text: a generous width per character, and the space recharts leaves before one. */
const LABEL_CHAR_PX = 7;
const LABEL_INSET_PX = 10;
/** The least space between two labels in one row. */
export const LABEL_GAP_PX = 4;
/** How far each row of labels sits below the one above it. */
export const LABEL_ROW_PX = 14;

export function labelWidthPx(label: string): number {
  return label.length * LABEL_CHAR_PX + LABEL_INSET_PX;
}

/** Where a marker's label goes: its row from the top, and the side of its line it runs to. */
export interface LabelPlacement {
  row: number;
  side: 'right' | 'left';
}

/**
 * Places the labels of the markers (oldest first) along a time axis `plotWidth` pixels wide
 * so that no two overlap: each runs right from its line (left, at the right edge) in the
 * first row where the labels before it have ended. Events a few days apart then stack
 * instead of printing over each other. Before the chart has a width, all stay in the first row.
 */
export function placeMarkerLabels(markers: { on: string; label: string }[], range: { from: string; to: string }, plotWidth: number): LabelPlacement[] {
  if (plotWidth <= 0) return markers.map(() => ({ row: 0, side: 'right' }));
  const from = dateToTime(range.from);
  const span = Math.max(dateToTime(range.to) - from, 1);
  // The right end of the last label in each row so far.
  const rowEnds: number[] = [];
  return markers.map((marker) => {
    const x = ((dateToTime(marker.on) - from) / span) * plotWidth;
    const width = labelWidthPx(marker.label);
    const side = x + width > plotWidth ? 'left' : 'right';
    const start = side === 'right' ? x : x - width;
    const free = rowEnds.findIndex((end) => end + LABEL_GAP_PX <= start);
    const row = free === -1 ? rowEnds.length : free;
    rowEnds[row] = start + width;
    return { row, side };
  });
}
