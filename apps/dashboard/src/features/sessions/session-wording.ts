import { IconArmchair, IconPhone, IconVideo, type Icon } from '@tabler/icons-react';
import {
  SERIES_FREQUENCY_LABELS,
  SESSION_MODALITY_LABELS,
  SessionStatus,
  type SessionClash,
  type SessionModality,
  type SessionSeriesRef,
  type TherapySession,
} from '@trustwork/contracts';

export const MODALITY_ICONS: Record<SessionModality, Icon> = {
  'in-person': IconArmchair,
  video: IconVideo,
  phone: IconPhone,
};

/** "In person, 12 Harbour Street", "Video", "Phone". */
export function placeText(session: Pick<TherapySession, 'modality' | 'address'>): string {
  const label = SESSION_MODALITY_LABELS[session.modality];
  return session.modality === 'in-person' && session.address ? `${label}, ${session.address}` : label;
}

/** "3 of 8, every week". */
export function seriesText(series: SessionSeriesRef): string {
  return `${series.position} of ${series.count}, ${SERIES_FREQUENCY_LABELS[series.frequency].toLowerCase()}`;
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
    return byThisPerson && session.cancellation?.late ? 'Late cancellation' : 'Cancelled';
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
