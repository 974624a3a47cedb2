import { SESSION_STATUS_LABELS, type BriefPeriod, type SessionBrief } from '@trustwork/contracts';
import { formatDateTime } from '../../lib/practice-time';

/** "Since the session on 9 Nov 2026, 10:00 (completed)" or "Since the case opened on …". */
export function periodInWords(period: BriefPeriod, timeZone: string): string {
  const since = period.previousSession
    ? `Since the session on ${formatDateTime(period.previousSession.startsAt, timeZone)} (${SESSION_STATUS_LABELS[period.previousSession.status].toLowerCase()})`
    : `Since the case opened on ${formatDateTime(period.from, timeZone)}`;
  return `${since}, up to ${formatDateTime(period.to, timeZone)}`;
}

/** Participant id to display name, for the sections that name whose something is. */
export function participantNames(brief: SessionBrief): Map<string, string> {
  return new Map(brief.participants.map((participant) => [participant.id, participant.displayName]));
}

export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatAverage(value: number | null): string {
  return value === null ? '–' : oneDecimal.format(value);
}

/** "up 1.5", "down 2", "no change"; nothing to say without check-ins on both sides. */
export function changeInWords(now: number | null, before: number | null): string | null {
  if (now === null || before === null) return null;
  const change = Math.round((now - before) * 10) / 10;
  if (change === 0) return 'no change';
  return `${change > 0 ? 'up' : 'down'} ${oneDecimal.format(Math.abs(change))}`;
}
