import { SESSION_STATUS_LABELS, SessionStatus, type BriefCheckIns, type BriefPeriod, type BriefPreviousSession, type SessionBrief } from '@trustwork/contracts';
import { formatDateTime } from '../../lib/practice-time';

/** A session over but still marked scheduled is one the clinician has not marked yet. */
function statusInWords(status: BriefPreviousSession['status']): string {
  return status === SessionStatus.Scheduled ? 'not marked as held yet' : SESSION_STATUS_LABELS[status].toLowerCase();
}

/** "Since the session on 9 Nov 2026, 10:00 (completed)" or "Since the case opened on …". */
export function periodInWords(period: BriefPeriod, timeZone: string): string {
  const since = period.previousSession
    ? `Since the session on ${formatDateTime(period.previousSession.startsAt, timeZone)} (${statusInWords(period.previousSession.status)})`
    : `Since the case opened on ${formatDateTime(period.from, timeZone)}`;
  return `${since}, up to ${formatDateTime(period.to, timeZone)}`;
}

/** "2 check-ins this period, against their last 4 before it (since 3 Jun 2026, 10:00)". */
export function checkInCountsInWords(series: BriefCheckIns, timeZone: string): string {
  const now = `${countOf(series.period.count, 'check-in')} this period`;
  if (!series.earlierFrom) return `${now}, and none before it`;
  return `${now}, against their last ${series.earlier.count} before it (since ${formatDateTime(series.earlierFrom, timeZone)})`;
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
