import { describe, expect, it } from 'vitest';
import { LABEL_GAP_PX, labelWidthPx, placeMarkerLabels } from '../marker-labels';

// The demo case's twelve weeks, on a chart about 480 pixels wide.
const range = { from: '2026-08-31', to: '2026-11-23' };
const WIDTH = 480;
const markers = [
  { on: '2026-09-14', label: 'Breach' },
  { on: '2026-09-18', label: 'Phase 1' },
  { on: '2026-10-09', label: 'Phase 2' },
  { on: '2026-10-24', label: 'Milestone' },
  { on: '2026-10-30', label: 'Phase 3' },
  { on: '2026-11-21', label: 'Setback' },
];

/** Each label's span in pixels, as drawn from its placement. */
function spans(placed: ReturnType<typeof placeMarkerLabels>) {
  const days = (date: string) => (Date.parse(date) - Date.parse(range.from)) / 86_400_000;
  const total = days(range.to);
  return placed.map((placement, index) => {
    const marker = markers[index];
    const x = (days(marker.on) / total) * WIDTH;
    const width = labelWidthPx(marker.label);
    const start = placement.side === 'right' ? x : x - width;
    return { row: placement.row, start, end: start + width };
  });
}

describe('placing the event labels on a chart', () => {
  it('never lets two labels in one row overlap, moving a crowded one to the next row', () => {
    const placed = placeMarkerLabels(markers, range, WIDTH);
    const drawn = spans(placed);
    for (const [index, a] of drawn.entries()) {
      for (const b of drawn.slice(index + 1)) {
        if (a.row === b.row) expect(a.end + LABEL_GAP_PX <= b.start || b.end + LABEL_GAP_PX <= a.start).toBe(true);
      }
    }
    // Breach and Phase 1 are four days apart; so are Milestone and Phase 3.
    expect(placed.map((placement) => placement.row)).toEqual([0, 1, 0, 0, 1, 0]);
  });

  it('keeps every label inside the chart, turning one at the right edge to the left of its line', () => {
    const drawn = spans(placeMarkerLabels(markers, range, WIDTH));
    expect(placeMarkerLabels(markers, range, WIDTH).at(-1)?.side).toBe('left');
    expect(drawn.every((span) => span.start >= 0 && span.end <= WIDTH)).toBe(true);
  });

  it('puts labels far apart in the first row, and all in the first row before the chart has a width', () => {
    const apart = [markers[0], markers[2]];
    expect(placeMarkerLabels(apart, range, WIDTH).map((placement) => placement.row)).toEqual([0, 0]);
    expect(placeMarkerLabels(markers, range, 0).every((placement) => placement.row === 0)).toBe(true);
  });
});
