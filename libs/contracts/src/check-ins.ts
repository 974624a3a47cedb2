/**
 * A participant's weekly check-in: four 0-10 ratings and an optional note, the basis of
 * the progress charts. The questions' wording is CHECK_IN in @trustwork/trust-program.
 */
export interface CheckInRequest {
  trust: number;
  safety: number;
  heard: number;
  closeness: number;
  /** Blank is the same as none. */
  note?: string | null;
}

export interface CheckIn {
  id: string;
  /** Whose check-in it is: the therapist's list holds both participants' series. */
  participantId: string;
  trust: number;
  safety: number;
  heard: number;
  closeness: number;
  note: string | null;
  submittedAt: string;
}

/** How far back `GET /api/portal/check-ins` shows a participant their own check-ins. */
export const PORTAL_CHECK_IN_WEEKS = 12;

/** Send it as `Idempotency-Key` with a check-in: a retry with the same key is stored once. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;
