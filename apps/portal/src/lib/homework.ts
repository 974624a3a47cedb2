import type { Occurrence, PortalAssignment } from '@trustwork/contracts';
import { calendarDate, formatCalendarDate } from './dates';

/**
 * The date a sheet is answered for, as the API picks it when none is sent: today's,
 * else the latest one missed, else the next one ahead. Null when everything is done.
 */
export function occurrenceToAnswer(assignment: PortalAssignment): Occurrence | null {
  const open = assignment.occurrences.filter((occurrence) => occurrence.status !== 'done');
  return (
    open.find((occurrence) => occurrence.status === 'due') ??
    open.filter((occurrence) => occurrence.status === 'overdue').at(-1) ??
    open.find((occurrence) => occurrence.status === 'upcoming') ??
    null
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Tue" within the last six days, where the weekday is unambiguous; "12 Nov" before that. */
function shortDay(on: string): string {
  const now = new Date();
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const daysAgo = Math.round((today.getTime() - calendarDate(on).getTime()) / DAY_MS);
  return formatCalendarDate(on, daysAgo < 7 ? { weekday: 'short' } : { day: 'numeric', month: 'short' });
}

/** Where a sheet stands, in words: Due today, Overdue since Tue, Upcoming, Done. */
export function statusWords(assignment: PortalAssignment): { text: string; tone: 'due' | 'overdue' | 'upcoming' | 'done' } {
  const next = occurrenceToAnswer(assignment);
  if (!next && assignment.occurrences.length === 0) {
    // Further ahead than the dates the API lists (the next two weeks).
    const starts = assignment.recurrence?.startsOn ?? assignment.dueOn;
    return { text: starts ? `Starts ${formatCalendarDate(starts, { day: 'numeric', month: 'short' })}` : 'Upcoming', tone: 'upcoming' };
  }
  if (!next) return { text: 'Done', tone: 'done' };
  switch (next.status) {
    case 'due':
      return { text: 'Due today', tone: 'due' };
    case 'overdue':
      return { text: `Overdue since ${shortDay(next.on)}`, tone: 'overdue' };
    default:
      return {
        text: `Upcoming: ${formatCalendarDate(next.on, { weekday: 'short', day: 'numeric', month: 'short' })}`,
        tone: 'upcoming',
      };
  }
}
