import {
  OccurrenceStatus,
  type Assignment,
  type CaseDetail,
  type ExercisePrompt,
  type Recurrence,
} from '@trustwork/contracts';
import { formatCalendarDate } from '../../lib/practice-time';

/** Weekdays as the API numbers them (0 is Sunday), listed Monday first as a diary would. */
export const WEEKDAYS = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 0, short: 'Sun', long: 'Sunday' },
] as const;

export const OCCURRENCE_STATUS_STYLES: Record<OccurrenceStatus, { label: string; color: string }> = {
  [OccurrenceStatus.Done]: { label: 'Done', color: 'teal' },
  [OccurrenceStatus.Due]: { label: 'Due today', color: 'blue' },
  [OccurrenceStatus.Overdue]: { label: 'Overdue', color: 'red' },
  [OccurrenceStatus.Upcoming]: { label: 'Upcoming', color: 'gray' },
};

const shortDateFormat = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });

/** A calendar date as "Mon 9 Mar", for dense rows; never shifted by a time zone. */
export function formatShortCalendarDate(date: string): string {
  return shortDateFormat.format(new Date(`${date}T00:00:00Z`));
}

function recurrenceText(recurrence: Recurrence): string {
  const until = `until ${formatCalendarDate(recurrence.endsOn)}`;
  if (recurrence.frequency === 'daily') return `Daily from ${formatCalendarDate(recurrence.startsOn)} ${until}`;
  const days = WEEKDAYS.filter(({ day }) => recurrence.daysOfWeek?.includes(day)).map(({ short }) => short);
  return `Weekly on ${days.join(', ')} from ${formatCalendarDate(recurrence.startsOn)} ${until}`;
}

/** "Due 14 Mar 2026", "Weekly on Mon, Thu from 2 Mar 2026 until 30 Apr 2026". */
export function scheduleText(assignment: Pick<Assignment, 'dueOn' | 'recurrence'>): string {
  if (assignment.recurrence) return recurrenceText(assignment.recurrence);
  return assignment.dueOn ? `Due ${formatCalendarDate(assignment.dueOn)}` : 'No due date';
}

/** One-off homework every person has answered: nothing is left to pause or cancel. */
export function isFinishedOneOff(assignment: Pick<Assignment, 'recurrence' | 'progress'>): boolean {
  return (
    !assignment.recurrence &&
    assignment.progress.length > 0 &&
    assignment.progress.every((progress) => progress.occurrences.length > 0 && progress.occurrences.every((occurrence) => occurrence.status === OccurrenceStatus.Done))
  );
}

/** A participant's name, or "Both together" for a joint sheet. */
export function assigneeText(assignment: Pick<Assignment, 'participantId'>, caseRecord: CaseDetail): string {
  if (!assignment.participantId) return 'Both together';
  return participantName(caseRecord, assignment.participantId);
}

export function participantName(caseRecord: CaseDetail, participantId: string): string {
  return caseRecord.participants.find((participant) => participant.id === participantId)?.displayName ?? 'A former participant';
}

/** One answer in words, as its prompt asked for it; null when it was left blank. */
export function answerText(prompt: ExercisePrompt, value: unknown): string | null {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  switch (prompt.type) {
    case 'scale':
      return `${String(value)} / ${prompt.max}`;
    case 'yes-no':
      return value ? 'Yes' : 'No';
    case 'choice': {
      const keys = Array.isArray(value) ? value : [value];
      return keys.map((key) => prompt.options.find((option) => option.key === key)?.label ?? String(key)).join(', ');
    }
    case 'date':
      return typeof value === 'string' ? formatCalendarDate(value) : String(value);
    case 'text':
      return String(value);
  }
}
