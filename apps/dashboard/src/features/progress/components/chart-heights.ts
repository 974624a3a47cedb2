/** Shared by the charts and their loading placeholders, so nothing moves when a chart arrives. */
export const CHART_HEIGHTS = { checkIns: 260, measure: 180, homework: 160 } as const;
