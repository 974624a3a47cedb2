import { SESSION_MODALITY_LABELS, SessionKind, SessionStatus, type TherapySession } from '@trustwork/contracts';

type Person = { id: string; displayName: string };

const firstName = (displayName: string) => displayName.trim().split(/\s+/)[0];

/** "Joint", or "With Alex" for a session with one of the two people. */
export function kindText(kind: TherapySession['kind'], attendeeIds: string[], participants: Person[]): string {
  if (kind === SessionKind.Joint) return 'Joint';
  const person = participants.find((participant) => participant.id === attendeeIds[0]);
  return person ? `With ${firstName(person.displayName)}` : 'With one person';
}

/** "Video", "Phone", the office address's first line, or "In person" when it has none. */
export function placeText(session: Pick<TherapySession, 'modality' | 'address'>): string {
  if (session.modality === 'in-person' && session.address) return session.address.split(/\r?\n/)[0].trim();
  return SESSION_MODALITY_LABELS[session.modality];
}

/** "Late cancellation by Alex Morgan", "Cancelled by Sam Rivera" (a team member); null unless cancelled with a known who. */
export function cancellationText(session: Pick<TherapySession, 'status' | 'cancellation'>, participants: Person[]): string | null {
  const cancellation = session.cancellation;
  if (session.status !== SessionStatus.Cancelled || !cancellation) return null;
  const by = cancellation.by;
  const who = by.kind === 'team' ? by.name : participants.find((participant) => participant.id === by.participantId)?.displayName;
  if (!who) return null;
  return `${cancellation.late ? 'Late cancellation' : 'Cancelled'} by ${who}`;
}
