import { PROGRESS_DEFAULT_WEEKS, PROGRESS_MAX_DAYS } from '@trustwork/contracts';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { type ProgressRange } from './api/progress-api';

dayjs.extend(utc);

export const PROGRESS_PERIODS = ['4w', '12w', '6m', '1y', 'max'] as const;
export type ProgressPeriod = (typeof PROGRESS_PERIODS)[number];
export const DEFAULT_PROGRESS_PERIOD: ProgressPeriod = '12w';

const MAX_YEARS = Math.floor(PROGRESS_MAX_DAYS / 365);

/** How far back each period reaches from today; the longest is all one request may cover. */
const PERIODS: Record<ProgressPeriod, { label: string; start: (to: dayjs.Dayjs) => dayjs.Dayjs }> = {
  '4w': { label: '4 weeks', start: (to) => to.subtract(4, 'week') },
  '12w': { label: `${PROGRESS_DEFAULT_WEEKS} weeks`, start: (to) => to.subtract(PROGRESS_DEFAULT_WEEKS, 'week') },
  '6m': { label: '6 months', start: (to) => to.subtract(6, 'month') },
  '1y': { label: '1 year', start: (to) => to.subtract(1, 'year') },
  // Both ends count, so the longest range starts one day less than the maximum back.
  max: { label: `${MAX_YEARS} years`, start: (to) => to.subtract(PROGRESS_MAX_DAYS - 1, 'day') },
};

export const PROGRESS_PERIOD_OPTIONS = PROGRESS_PERIODS.map((value) => ({ value, label: PERIODS[value].label }));

export function progressPeriodLabel(period: ProgressPeriod): string {
  return PERIODS[period].label;
}

export function readProgressPeriod(value: string | null): ProgressPeriod {
  return PROGRESS_PERIODS.find((period) => period === value) ?? DEFAULT_PROGRESS_PERIOD;
}

/** The dates a period covers, ending on `today` (the practice's, "2026-03-14"). */
export function progressRange(period: ProgressPeriod, today: string): ProgressRange {
  // Calendar arithmetic in UTC: the dates are already the practice's, so no zone may shift them.
  const to = dayjs.utc(today);
  return { from: PERIODS[period].start(to).format('YYYY-MM-DD'), to: today };
}
