import { SessionStatus, type Participant, type TherapySession } from '@trustwork/contracts';
import { formatDateTime, formatTime, practiceDate, practiceToday } from '../../lib/practice-time';

/** When the session ends, in milliseconds since the epoch. */
function sessionEnd(session: Pick<TherapySession, 'startsAt' | 'durationMinutes'>): number {
  return new Date(session.startsAt).getTime() + session.durationMinutes * 60_000;
}

/** "14 Jul 2026, 10:00 – 10:50", in the practice's zone. */
export function sessionTimeRange(session: TherapySession, timeZone: string): string {
  return `${formatDateTime(session.startsAt, timeZone)} – ${formatTime(new Date(sessionEnd(session)).toISOString(), timeZone)}`;
}

/** "Both", "Jordan Lee only": who the session is for, by the case's own names. */
export function attendeesText(attendeeIds: string[], participants: Pick<Participant, 'id' | 'displayName'>[]): string {
  const attending = participants.filter((participant) => attendeeIds.includes(participant.id));
  if (attending.length === 0 || attending.length === participants.length) return 'Both';
  return `${attending.map((participant) => participant.displayName).join(' & ')} only`;
}

/**
 * Whether the session has (most likely) taken place, so its note is due: marked completed,
 * or still marked scheduled after its start time.
 */
export function sessionTookPlace(session: TherapySession, now: Date): boolean {
  if (session.status === SessionStatus.Completed) return true;
  return session.status === SessionStatus.Scheduled && new Date(session.startsAt).getTime() <= now.getTime();
}

interface SessionGroups {
  /** Today (in the practice's zone) and later, soonest first. */
  upcoming: TherapySession[];
  /** Before today, most recent first. */
  past: TherapySession[];
}

/**
 * Splits at the start of the practice's today rather than at this minute: this morning's
 * session stays beside the rest of the day, where the therapist will look for it to write its note.
 */
export function groupSessions(sessions: TherapySession[], now: Date, timeZone: string): SessionGroups {
  const today = practiceToday(timeZone, now);
  const byStart = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return {
    upcoming: byStart.filter((session) => practiceDate(session.startsAt, timeZone) >= today),
    past: byStart.filter((session) => practiceDate(session.startsAt, timeZone) < today).reverse(),
  };
}
