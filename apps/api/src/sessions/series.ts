import { MAX_SERIES_SESSIONS, SeriesFrequency } from '@trustwork/contracts';
import { DateTime } from 'luxon';

const WEEKS_BETWEEN: Record<SeriesFrequency, number> = { weekly: 1, 'every-two-weeks': 2 };

/** How long a series runs: a number of sessions, or up to a practice-local date (inclusive). */
export type SeriesLength = { count: number } | { until: string };

/** The date a moment falls on in a zone, as YYYY-MM-DD. */
export function localDate(moment: Date, timeZone: string): string {
  return DateTime.fromJSDate(moment, { zone: timeZone }).toISODate() ?? '';
}

/**
 * The starts of a series, the first included. Each keeps the first's local wall time in
 * `timeZone`, so a session at 18:00 stays at 18:00 across a daylight-saving change (its UTC
 * instant moves instead). Stops one past MAX_SERIES_SESSIONS, so a caller can tell
 * "too many" without an unbounded list.
 */
export function seriesStarts(first: Date, timeZone: string, frequency: SeriesFrequency, length: SeriesLength): Date[] {
  const start = DateTime.fromJSDate(first, { zone: timeZone });
  const step = WEEKS_BETWEEN[frequency];
  const starts: Date[] = [];
  for (let index = 0; starts.length <= MAX_SERIES_SESSIONS; index++) {
    if ('count' in length && index >= length.count) break;
    const next = start.plus({ weeks: index * step });
    if ('until' in length && (next.toISODate() ?? '') > length.until) break;
    starts.push(next.toJSDate());
  }
  return starts;
}

/**
 * Where one session of a series goes when another of it moved: by the same number of local
 * calendar days, to the same new local time. Moving Tuesday 18:00 to Wednesday 17:30 moves
 * each later session to its own Wednesday at 17:30, whatever the UTC offset that week.
 */
export function movedLikeAnother(start: Date, timeZone: string, moved: { from: Date; to: Date }): Date {
  const from = DateTime.fromJSDate(moved.from, { zone: timeZone });
  const to = DateTime.fromJSDate(moved.to, { zone: timeZone });
  const days = calendarDays(from, to);
  return DateTime.fromJSDate(start, { zone: timeZone })
    .plus({ days })
    .set({ hour: to.hour, minute: to.minute, second: to.second, millisecond: to.millisecond })
    .toJSDate();
}

/** Whole local days from one date to another, counted on the calendar (a 23-hour day still counts one). */
function calendarDays(from: DateTime, to: DateTime): number {
  const day = (moment: DateTime) => DateTime.fromISO(moment.toISODate() ?? '', { zone: 'utc' });
  return Math.round(day(to).diff(day(from), 'days').days);
}
