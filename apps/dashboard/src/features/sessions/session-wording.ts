import { IconArmchair, IconPhone, IconVideo, type Icon } from '@tabler/icons-react';
import {
  SERIES_FREQUENCY_LABELS,
  SESSION_MODALITY_LABELS,
  SessionKind,
  SessionStatus,
  type SessionClash,
  type SessionModality,
  type SessionSeriesRef,
  type TherapySession,
} from '@trustwork/contracts';

/** One of the case's people, as a session names them. */
type Person = { id: string; displayName: string };

const firstName = (displayName: string) => displayName.trim().split(/\s+/)[0];

export const MODALITY_ICONS: Record<SessionModality, Icon> = {
  'in-person': IconArmchair,
  video: IconVideo,
  phone: IconPhone,
};

/** "Joint", or "With Alex" for a session with one of the two people. */
export function kindText(kind: TherapySession['kind'], attendeeIds: string[], participants: Person[]): string {
  if (kind === SessionKind.Joint) return 'Joint';
  const person = participants.find((participant) => participant.id === attendeeIds[0]);
  return person ? `With ${firstName(person.displayName)}` : 'With one person';
}

const officeAddress = (session: Pick<TherapySession, 'modality' | 'address'>) => (session.modality === 'in-person' && session.address) || null;

/** "In person, 12 Harbour Street", "Video", "Phone". */
export function placeText(session: Pick<TherapySession, 'modality' | 'address'>): string {
  const label = SESSION_MODALITY_LABELS[session.modality];
  const address = officeAddress(session);
  return address ? `${label}, ${address}` : label;
}

/** For a line of facts: "Video", "Phone", the office address's first line, or "In person" when it has none. */
export function shortPlaceText(session: Pick<TherapySession, 'modality' | 'address'>): string {
  return officeAddress(session)?.split(/\r?\n/)[0].trim() ?? SESSION_MODALITY_LABELS[session.modality];
}

/** "3 of 8, every week". */
export function seriesText(series: SessionSeriesRef): string {
  return `${series.position} of ${series.count}, ${SERIES_FREQUENCY_LABELS[series.frequency].toLowerCase()}`;
}

const cancelledWords = (late: boolean) => (late ? 'Late cancellation' : 'Cancelled');

/** "Late cancellation by Alex Morgan", "Cancelled by Sam Rivera" (a team member); null unless cancelled with a known who. */
export function cancellationText(session: Pick<TherapySession, 'status' | 'cancellation'>, participants: Person[]): string | null {
  const cancellation = session.cancellation;
  if (session.status !== SessionStatus.Cancelled || !cancellation) return null;
  const by = cancellation.by;
  const who = by.kind === 'team' ? by.name : participants.find((participant) => participant.id === by.participantId)?.displayName;
  if (!who) return null;
  return `${cancelledWords(cancellation.late)} by ${who}`;
}

export type PersonAnswer = 'Confirmed' | 'Not confirmed yet' | 'Cancelled' | 'Late cancellation';

/**
 * One person's answer to a session, in words (never colour alone). Only the person who
 * cancelled inside the notice period reads "Late cancellation"; everyone else "Cancelled".
 */
export function personAnswer(session: Pick<TherapySession, 'status' | 'attendance' | 'cancellation'>, participantId: string): PersonAnswer {
  if (session.status === SessionStatus.Cancelled) {
    const by = session.cancellation?.by;
    const byThisPerson = by?.kind === 'participant' && by.participantId === participantId;
    return cancelledWords(byThisPerson && !!session.cancellation?.late);
  }
  const response = session.attendance.find((entry) => entry.participantId === participantId)?.response ?? null;
  if (response === 'confirmed') return 'Confirmed';
  if (response === 'cancelled') return 'Cancelled';
  return 'Not confirmed yet';
}

export const ANSWER_COLORS: Record<PersonAnswer, string> = {
  Confirmed: 'teal',
  'Not confirmed yet': 'gray',
  Cancelled: 'gray',
  'Late cancellation': 'orange',
};

/** "Sam Rivera already has a session then" (the clinician), "Alex has another session then" (a person). */
export function clashText(clash: SessionClash): string {
  return clash.who.kind === 'participant' ? `${clash.who.name} has another session then` : `${clash.who.name} already has a session then`;
}
