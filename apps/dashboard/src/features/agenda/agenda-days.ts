import { type AgendaSession } from '@trustwork/contracts';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { practiceDate, practiceDayRange } from '../../lib/practice-time';

dayjs.extend(utc);

/** How many days the agenda shows at a time: today and the six after it. */
export const AGENDA_DAYS = 7;

/** A calendar date `days` later (or earlier), "2026-03-14" → "2026-03-21"; pure date arithmetic, no zone. */
export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

export interface AgendaWeek {
  /** First and last practice-local dates shown, inclusive. */
  firstDate: string;
  lastDate: string;
  /** The same days as instants, for the API. */
  from: string;
  to: string;
}

/** The seven days starting `offset` weeks from today, in the practice's zone. */
export function agendaWeek(today: string, offset: number, timeZone: string): AgendaWeek {
  const firstDate = addDays(today, offset * AGENDA_DAYS);
  return { firstDate, lastDate: addDays(firstDate, AGENDA_DAYS - 1), ...practiceDayRange(firstDate, AGENDA_DAYS, timeZone) };
}

const dateRangeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "17–23 June" for two calendar dates. */
export function formatDateRange(firstDate: string, lastDate: string): string {
  return dateRangeFormat.formatRange(new Date(`${firstDate}T00:00:00Z`), new Date(`${lastDate}T00:00:00Z`));
}

export interface AgendaDay {
  /** The practice-local date, "2026-03-14". */
  date: string;
  /** Earliest first, as the API sends them. */
  sessions: AgendaSession[];
}

/** Sessions grouped by the practice's calendar day, so a late session never slips onto the UTC day. */
export function groupByPracticeDay(sessions: AgendaSession[], timeZone: string): AgendaDay[] {
  const days = new Map<string, AgendaSession[]>();
  for (const session of sessions) {
    const date = practiceDate(session.startsAt, timeZone);
    days.set(date, [...(days.get(date) ?? []), session]);
  }
  return [...days].map(([date, daySessions]) => ({ date, sessions: daySessions }));
}

/** When the session ends, in milliseconds since the epoch. */
export function sessionEndsAt(session: Pick<AgendaSession, 'startsAt' | 'durationMinutes'>): number {
  return new Date(session.startsAt).getTime() + session.durationMinutes * 60_000;
}

/** "Alex Morgan & Jordan Lee": how a case is named on the agenda. */
export function caseTitle(session: AgendaSession): string {
  return session.participants.map((participant) => participant.displayName).join(' & ') || 'Unnamed case';
}
