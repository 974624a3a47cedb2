import { type AgendaSession } from '@trustwork/contracts';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { formatTime, practiceDayRange } from '../../lib/practice-time';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CalendarView = { Week: 'week', Day: 'day' } as const;
export type CalendarView = (typeof CalendarView)[keyof typeof CalendarView];

/** The working day the grid shows, in the practice's hours; sessions outside it sit at its edge. */
export const FIRST_HOUR = 7;
export const LAST_HOUR = 21;
export const GRID_MINUTES = (LAST_HOUR - FIRST_HOUR) * 60;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A date from the address, or null when it is not a real calendar date. */
export function parseDate(value: string | null): string | null {
  if (!value || !DATE_PATTERN.test(value)) return null;
  const parsed = dayjs.utc(value);
  return parsed.isValid() && parsed.format('YYYY-MM-DD') === value ? value : null;
}

function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

/** The practice-local dates on screen: Monday to Sunday of the date's week, or the one day. */
export function visibleDates(view: CalendarView, date: string): string[] {
  if (view === CalendarView.Day) return [date];
  const monday = addDays(date, -((dayjs.utc(date).day() + 6) % 7));
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The date a week or a day before (-1) or after (1). */
export function stepDate(view: CalendarView, date: string, direction: -1 | 1): string {
  return addDays(date, direction * (view === CalendarView.Week ? 7 : 1));
}

/** The instants the API is asked for: the start of the first day to the start of the day after the last. */
export function visibleRange(dates: string[], timeZone: string): { from: string; to: string } {
  return practiceDayRange(dates[0], dates.length, timeZone);
}

const dayHeadingFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const rangeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** "Tuesday 8 December". */
export function dayName(date: string): string {
  return dayHeadingFormat.format(utcDate(date));
}

/** "Tue 8 Dec", for a narrow column. */
export function shortDayName(date: string): string {
  return shortDayFormat.format(utcDate(date));
}

/** "7–13 December 2026" for a week, "Tuesday 8 December 2026" for a day. */
export function rangeHeading(dates: string[]): string {
  if (dates.length === 1) return `${dayName(dates[0])} ${dates[0].slice(0, 4)}`;
  return rangeFormat.formatRange(utcDate(dates[0]), utcDate(dates[dates.length - 1]));
}

/** "10:00". */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** An hour as this browser's language writes times ("10:00 AM", "10:00"), as the sessions' own times are. */
export function hourName(hour: number): string {
  return formatTime(new Date(Date.UTC(2000, 0, 1, hour)).toISOString(), 'UTC');
}

/** The grid's hours, each the start of a slot: 07:00 to 20:00. */
export const SLOT_HOURS = Array.from({ length: LAST_HOUR - FIRST_HOUR }, (_, index) => FIRST_HOUR + index);

/** Minutes after midnight, practice time. */
export function minutesIntoDay(iso: string, timeZone: string): number {
  const local = dayjs(iso).tz(timeZone);
  return local.hour() * 60 + local.minute();
}

/** Where a session sits in its day's column, as minutes from the top of the grid, kept inside the grid. */
export function placement(session: Pick<AgendaSession, 'startsAt' | 'durationMinutes'>, timeZone: string): { top: number; height: number } {
  const start = Math.min(Math.max(minutesIntoDay(session.startsAt, timeZone) - FIRST_HOUR * 60, 0), GRID_MINUTES - 15);
  return { top: start, height: Math.max(Math.min(session.durationMinutes, GRID_MINUTES - start), 15) };
}

/** Whether a session (not cancelled) takes any of the hour starting at `hour`: that slot is not free. */
export function takesHour(session: Pick<AgendaSession, 'startsAt' | 'durationMinutes'>, hour: number, timeZone: string): boolean {
  const start = minutesIntoDay(session.startsAt, timeZone);
  return start < (hour + 1) * 60 && start + session.durationMinutes > hour * 60;
}

export interface Lane {
  /** 0 for the leftmost. */
  lane: number;
  /** How many side by side in its group of overlapping sessions. */
  lanes: number;
}

/** Side-by-side places for sessions that overlap in time, so none hides another; by session id. */
export function sessionLanes(sessions: Pick<AgendaSession, 'id' | 'startsAt' | 'durationMinutes'>[]): Map<string, Lane> {
  const placed = new Map<string, Lane>();
  const byStart = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  let group: { id: string; lane: number }[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -Infinity;
  const closeGroup = () => {
    for (const member of group) placed.set(member.id, { lane: member.lane, lanes: laneEnds.length });
    group = [];
    laneEnds = [];
  };
  for (const session of byStart) {
    const start = Date.parse(session.startsAt);
    const end = start + session.durationMinutes * 60_000;
    if (start >= groupEnd) closeGroup();
    groupEnd = group.length === 0 ? end : Math.max(groupEnd, end);
    const free = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    const lane = free === -1 ? laneEnds.length : free;
    laneEnds[lane] = end;
    group.push({ id: session.id, lane });
  }
  closeGroup();
  return placed;
}
