import { SessionStatus, type PortalSession } from '@trustwork/contracts';

/** "Thursday, December 10 at 3:00 PM", on this device's clock like the portal's other times. */
export function appointmentTime(startsAt: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(startsAt));
}

export function appointmentKind(session: PortalSession): string {
  return session.kind === 'joint' ? 'Together' : 'Just you';
}

/** Where to be: the office's address, or how to join. */
export function appointmentPlace(session: PortalSession): string {
  if (session.modality === 'video') return 'Video';
  if (session.modality === 'phone') return 'Phone';
  return session.address ?? 'In person';
}

/** Where this person stands with the appointment, in a few words. */
export function appointmentAnswer(session: PortalSession): string {
  if (session.status === SessionStatus.Cancelled) return 'Cancelled';
  if (session.response === 'confirmed') return "You said you'll be there";
  return 'Not answered yet';
}

export function hasStarted(session: PortalSession, now = Date.now()): boolean {
  return Date.parse(session.startsAt) <= now;
}

/** Whether the person can still say they will come or cancel. */
export function canAnswer(session: PortalSession, now = Date.now()): boolean {
  return session.status === SessionStatus.Scheduled && !hasStarted(session, now);
}

export type ReplyChoice = 'confirm' | 'cancel';

/**
 * The choice a reminder e-mail's link asks for (`?reply=confirm`). It only gets that choice
 * ready: mail scanners open links too, so nothing is ever sent without a tap.
 */
export function replyChoice(search: string): ReplyChoice | null {
  const reply = new URLSearchParams(search).get('reply');
  return reply === 'confirm' || reply === 'cancel' ? reply : null;
}
