import type { AlertKind } from './alerts';
import type { NoteState } from './sessions';

/** The case an item belongs to, named by its people. */
export interface AttentionCase {
  id: string;
  participants: { id: string; displayName: string }[];
}

/** An open alert; a safety report marked urgent comes before everything else. */
export interface AttentionAlert {
  id: string;
  kind: AlertKind;
  /** A safety report the person marked "contact me as soon as possible". */
  urgent: boolean;
  /** One plain sentence of numbers and dates, as on the case's alert panel. */
  summary: string;
  raisedAt: string;
  case: AttentionCase;
}

/** A session whose note is still to be signed, or which is over but still marked scheduled. */
export interface AttentionSession {
  id: string;
  startsAt: string;
  durationMinutes: number;
  noteState: NoteState;
  case: AttentionCase;
}

/**
 * What needs attention today, for Home and the count beside it in the navigation.
 * Alerts and notes are clinical: a role without clinical records gets none.
 */
export interface Attention {
  /** Open alerts, urgent safety reports first, then by kind (most urgent first), newest first. */
  alerts: AttentionAlert[];
  /** The user's own drafts, and completed sessions without a signed note; oldest first. */
  unsignedNotes: AttentionSession[];
  /** Sessions past their end still marked scheduled, to mark completed (or a no-show); oldest first. */
  sessionsToClose: AttentionSession[];
  /** Every item, counted in full even where a list stops at ATTENTION_LIST_LIMIT. */
  count: number;
}

export interface AttentionQuery {
  /** Only cases assigned to this clinician (Home's "Only my cases"); a clinician always sees only theirs. */
  clinicianId?: string;
}

/** Items per list: enough for a day's work; the count says if there are more. */
export const ATTENTION_LIST_LIMIT = 50;
