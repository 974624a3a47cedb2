import type { Occurrence, PortalAssignment } from '@trustwork/contracts';
import { calendarDate, formatCalendarDate, today } from './dates';

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
  const daysAgo = Math.round((calendarDate(today()).getTime() - calendarDate(on).getTime()) / DAY_MS);
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

export interface HomeworkSummary {
  /** Exercises with a date still to answer (late, today or ahead). */
  toDo: number;
  /** Of those, how many have a date gone by unanswered. */
  overdue: number;
  /** The soonest date from today on that is still to answer. */
  next: Occurrence | null;
}

/** What is left to do, for the home screen. */
export function homeworkSummary(assignments: readonly PortalAssignment[]): HomeworkSummary {
  const next = assignments
    .flatMap((assignment) => assignment.occurrences)
    .filter((occurrence) => occurrence.status === 'due' || occurrence.status === 'upcoming')
    .sort((first, second) => first.on.localeCompare(second.on))[0];
  return {
    toDo: assignments.filter((assignment) => occurrenceToAnswer(assignment) !== null).length,
    overdue: assignments.filter((assignment) => assignment.occurrences.some((occurrence) => occurrence.status === 'overdue')).length,
    next: next ?? null,
  };
}

/** The summary in words, each part on its own: "2 things to do", "1 overdue", "next due Thursday, March 5". */
export function homeworkSummaryParts({ toDo, overdue, next }: HomeworkSummary): string[] {
  if (toDo === 0) return ['Nothing to do just now'];
  const parts = [`${toDo} ${toDo === 1 ? 'thing' : 'things'} to do`];
  if (overdue > 0) parts.push(`${overdue} overdue`);
  if (next) {
    const when = next.status === 'due' ? 'today' : formatCalendarDate(next.on, { weekday: 'long', day: 'numeric', month: 'long' });
    parts.push(`${toDo === 1 && overdue === 0 ? 'due' : 'next due'} ${when}`);
  }
  return parts;
}
