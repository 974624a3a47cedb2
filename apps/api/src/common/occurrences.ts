import type { Occurrence, OccurrenceStatus, RecurrenceFrequency } from '@trustwork/contracts';

/**
 * When homework is due and where each date stands. Pure: the clock comes in as `today`,
 * a calendar date (YYYY-MM-DD) in the practice's time zone, so the unit tests can walk
 * across week boundaries and clock changes. Dates are calendar dates throughout:
 * arithmetic on them is done at UTC midnight, where no day is 23 or 25 hours long.
 */

export type Schedule =
  | { dueOn: string }
  | { frequency: RecurrenceFrequency; daysOfWeek: readonly number[] | null; startsOn: string; endsOn: string };

/** How far back and ahead a recurrence's dates are listed: enough for the Homework tab and the portal. */
export const WEEKS_SHOWN_BEFORE = 8;
export const WEEKS_SHOWN_AFTER = 2;

const DAY_MS = 24 * 60 * 60 * 1000;

/** An assignments row's schedule columns, as `SCHEDULE_COLUMNS` selects them (dates as text, never shifted by a time zone). */
export interface ScheduleColumns {
  due_on: string | null;
  frequency: RecurrenceFrequency | null;
  days_of_week: number[] | null;
  starts_on: string | null;
  ends_on: string | null;
}

/** The schedule columns of `assignments a`, for `scheduleOf`. */
export const SCHEDULE_COLUMNS = 'a.due_on::text, a.frequency, a.days_of_week, a.starts_on::text, a.ends_on::text';

/** A row's schedule: its one date, or its recurrence (the table's CHECK makes sure one of the two is complete). */
export function scheduleOf(row: ScheduleColumns): Schedule {
  if (row.due_on) return { dueOn: row.due_on };
  return { frequency: row.frequency ?? 'daily', daysOfWeek: row.days_of_week, startsOn: row.starts_on ?? '', endsOn: row.ends_on ?? '' };
}

/** One formatter per time zone: making one costs far more than using it, and portal screens ask on every request. */
const calendarDateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date it is at `now` in the time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = calendarDateFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    calendarDateFormats.set(timeZone, format);
  }
  return format.format(now);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 for Sunday to 6 for Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function isOccurrence(schedule: Schedule, date: string): boolean {
  if ('dueOn' in schedule) return date === schedule.dueOn;
  if (date < schedule.startsOn || date > schedule.endsOn) return false;
  return schedule.frequency === 'daily' || (schedule.daysOfWeek ?? []).includes(dayOfWeek(date));
}

/** The schedule's dates from `from` to `to`, both included, oldest first. */
export function datesBetween(schedule: Schedule, from: string, to: string): string[] {
  if ('dueOn' in schedule) return from <= schedule.dueOn && schedule.dueOn <= to ? [schedule.dueOn] : [];
  const dates: string[] = [];
  const last = to < schedule.endsOn ? to : schedule.endsOn;
  for (let date = from > schedule.startsOn ? from : schedule.startsOn; date <= last; date = addDays(date, 1)) {
    if (isOccurrence(schedule, date)) dates.push(date);
  }
  return dates;
}

export function occurrenceStatus(on: string, done: boolean, today: string): OccurrenceStatus {
  if (done) return 'done';
  if (on === today) return 'due';
  return on < today ? 'overdue' : 'upcoming';
}

/**
 * The dates to show with their status: a single sheet's one date, however far away;
 * a recurrence's dates from WEEKS_SHOWN_BEFORE weeks ago to WEEKS_SHOWN_AFTER ahead.
 */
export function occurrences(schedule: Schedule, doneOn: ReadonlySet<string>, today: string): Occurrence[] {
  const dates =
    'dueOn' in schedule ? [schedule.dueOn] : datesBetween(schedule, addDays(today, -7 * WEEKS_SHOWN_BEFORE), addDays(today, 7 * WEEKS_SHOWN_AFTER));
  return dates.map((on) => ({ on, status: occurrenceStatus(on, doneOn.has(on), today) }));
}

/** The first date of the schedule after today, if any (a week ahead holds every weekday). */
function nextOccurrence(schedule: Schedule, today: string): string | null {
  if ('dueOn' in schedule) return today < schedule.dueOn ? schedule.dueOn : null;
  return datesBetween(schedule, addDays(today, 1), addDays(today, 7))[0] ?? null;
}

/**
 * Whether a sheet for this date may be sent today: any date of the schedule up to today
 * (late is better than never), and the next one ahead, for someone who does it early.
 */
export function isAnswerable(schedule: Schedule, date: string, today: string): boolean {
  if (!isOccurrence(schedule, date)) return false;
  return date <= today || date === nextOccurrence(schedule, today);
}

/**
 * The date a sheet sent without one answers: today's, else the latest still open in the
 * window shown, else the next one ahead. Null when there is nothing left to answer.
 */
export function defaultOccurrence(schedule: Schedule, doneOn: ReadonlySet<string>, today: string): string | null {
  const open = occurrences(schedule, doneOn, today).filter((occurrence) => occurrence.status !== 'done');
  const due = open.find((occurrence) => occurrence.status === 'due');
  const overdue = open.filter((occurrence) => occurrence.status === 'overdue').at(-1);
  const next = nextOccurrence(schedule, today);
  const upcoming = next !== null && !doneOn.has(next) ? next : null;
  return due?.on ?? overdue?.on ?? upcoming;
}
