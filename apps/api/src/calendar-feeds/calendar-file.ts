import ical, { ICalEventStatus } from 'ical-generator';
import type { FeedSessionRow } from './calendar-feeds.queries';

export interface CalendarFileOptions {
  memberName: string;
  includeVideoLinks: boolean;
  dashboardUrl: string;
}

/** "Alex Rivera" → "A.R.": a calendar lives on other companies' servers, so it never holds a client's name. */
export function initialsOf(displayName: string): string {
  return displayName
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => `${Array.from(word)[0].toLocaleUpperCase()}.`)
    .join('');
}

/** The member's sessions as iCalendar: times, initials, place, and how many people confirmed; no names, no notes. */
export function calendarFile(sessions: FeedSessionRow[], options: CalendarFileOptions): string {
  const calendar = ical({ name: `Trustwork: ${options.memberName}`, prodId: { company: 'Trustwork', product: 'Sessions', language: 'EN' } });
  for (const session of sessions) {
    const start = new Date(session.starts_at);
    const cancelled = session.status === 'cancelled';
    calendar.createEvent({
      id: `session-${session.id}@trustwork`,
      start,
      end: new Date(start.getTime() + Number(session.duration_minutes) * 60_000),
      summary: `Session: ${session.attendee_names.map(initialsOf).join(' & ')}`,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      location: locationOf(session, options.includeVideoLinks),
      description: [
        cancelled ? 'Cancelled' : `Confirmed: ${session.confirmed} of ${session.attendee_names.length}`,
        session.modality === 'phone' ? 'By phone' : null,
        `${options.dashboardUrl}/cases/${session.case_id}/sessions`,
      ]
        .filter((line) => line !== null)
        .join('\n'),
    });
  }
  return calendar.toString();
}

function locationOf(session: FeedSessionRow, includeVideoLinks: boolean): string | null {
  if (session.modality === 'in-person') return session.address;
  if (session.modality === 'video') return includeVideoLinks ? session.video_url : null;
  return null;
}
