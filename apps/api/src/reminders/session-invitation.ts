import ical, { ICalCalendarMethod } from 'ical-generator';
import type { SessionReminder } from './reminder-channel';

/**
 * The reminder's calendar file (RFC 5545): one event, its UID stable per session so a
 * calendar replaces the event when the session moves. No names and no video link: the
 * file may be synced to calendars others can see.
 */
export function sessionInvitation(reminder: SessionReminder): string {
  const calendar = ical({ prodId: { company: 'Trustwork', product: 'Appointments', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  calendar.createEvent({
    id: `session-${reminder.sessionId}@trustwork`,
    start: reminder.startsAt,
    end: new Date(reminder.startsAt.getTime() + reminder.durationMinutes * 60_000),
    summary: 'Appointment',
    location: reminder.modality === 'in-person' ? reminder.address : null,
  });
  return calendar.toString();
}
