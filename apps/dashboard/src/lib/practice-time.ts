import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useCurrentUser } from '../features/auth/hooks/use-session';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Dates and times are shown in the practice's time zone (a practice setting), not the
 * browser's: a therapist travelling, or an assistant abroad, still sees 10:00 for the
 * session the clients will attend at 10:00.
 */
export function usePracticeTimeZone(): string {
  return useCurrentUser().practice.timeZone;
}

/** This browser's IANA time zone, e.g. America/New_York: what a new practice starts with. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The hint beside a field where a time is typed: which zone it is in, and whether this computer differs. */
export function practiceTimeHint(timeZone: string): string {
  const here = browserTimeZone();
  return here === timeZone ? `Times are in ${timeZone} (practice time).` : `Times are in ${timeZone} (practice time). This computer is set to ${here}.`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

/** "14 Mar 2026, 15:00". */
export function formatDateTime(iso: string, timeZone: string): string {
  return formatter(timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "14 Mar, 15:00", with the year only when it is not this year's: for dense tables. */
export function formatShortDateTime(iso: string, timeZone: string, now: Date = new Date()): string {
  const sameYear = practiceDate(iso, timeZone).slice(0, 4) === practiceToday(timeZone, now).slice(0, 4);
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };
  return formatter(timeZone, sameYear ? options : { ...options, year: 'numeric' }).format(new Date(iso));
}

/** "15:00". */
export function formatTime(iso: string, timeZone: string): string {
  return formatter(timeZone, { timeStyle: 'short' }).format(new Date(iso));
}

/** "Saturday 14 March". */
export function formatDay(iso: string, timeZone: string): string {
  return formatter(timeZone, { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso));
}

/** A calendar date without a time ("2026-03-14", e.g. a timeline event) as "14 Mar 2026", never shifted by a zone. */
export function formatCalendarDate(date: string): string {
  return formatter('UTC', { dateStyle: 'medium' }).format(new Date(`${date}T00:00:00Z`));
}

/** The practice-local calendar date of an instant, "2026-03-14": for grouping by day. */
export function practiceDate(iso: string, timeZone: string): string {
  return dayjs(iso).tz(timeZone).format('YYYY-MM-DD');
}

/** Today in the practice, "2026-03-14". */
export function practiceToday(timeZone: string, now: Date = new Date()): string {
  return dayjs(now).tz(timeZone).format('YYYY-MM-DD');
}

/** A wall-clock time in the practice ("2026-03-14 15:00:00", as date pickers give it) as an ISO instant. */
export function practiceWallTimeToIso(wallTime: string, timeZone: string): string {
  return dayjs.tz(wallTime, timeZone).toISOString();
}

/** An ISO instant as the practice's wall-clock time, "2026-03-14 15:00:00", for date pickers. */
export function isoToPracticeWallTime(iso: string, timeZone: string): string {
  return dayjs(iso).tz(timeZone).format('YYYY-MM-DD HH:mm:ss');
}

/** From the start of the practice's day `date` for `days` days, as an ISO range (DST-safe). */
export function practiceDayRange(date: string, days: number, timeZone: string): { from: string; to: string } {
  // Count calendar days first, then place each end in the zone: adding days to a zoned
  // instant would carry a daylight-saving hour across.
  const endDate = dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
  return { from: dayjs.tz(date, timeZone).toISOString(), to: dayjs.tz(endDate, timeZone).toISOString() };
}
