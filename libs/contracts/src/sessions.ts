import type { ClinicianRef } from './cases';

export const SessionModality = { InPerson: 'in-person', Video: 'video', Phone: 'phone' } as const;
export type SessionModality = (typeof SessionModality)[keyof typeof SessionModality];
export const SESSION_MODALITIES: readonly SessionModality[] = Object.values(SessionModality);
export const SESSION_MODALITY_LABELS: Record<SessionModality, string> = { 'in-person': 'In person', video: 'Video', phone: 'Phone' };

export const SessionStatus = { Scheduled: 'scheduled', Completed: 'completed', Cancelled: 'cancelled', NoShow: 'no-show' } as const;
export type SessionStatus = (typeof SessionStatus)[keyof typeof SessionStatus];
export const SESSION_STATUSES: readonly SessionStatus[] = Object.values(SessionStatus);
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  scheduled: 'Scheduled',
  completed: 'Completed',
  cancelled: 'Cancelled',
  'no-show': 'No-show',
};

export type NoteState = 'none' | 'draft' | 'signed';

export interface TherapySession {
  id: string;
  caseId: string;
  startsAt: string;
  durationMinutes: number;
  modality: SessionModality;
  status: SessionStatus;
  /** Participant ids; both by default. */
  attendeeIds: string[];
  clinician: ClinicianRef | null;
  noteState: NoteState;
  /**
   * The one participant the session's note is about (a confidential note); null for a
   * joint note or no note. Optional only so older clients' copies stay valid.
   */
  noteAboutParticipantId?: string | null;
}

export interface ScheduleSessionRequest {
  startsAt: string;
  durationMinutes: number;
  modality: SessionModality;
  attendeeIds?: string[];
}

export interface UpdateSessionRequest {
  startsAt?: string;
  durationMinutes?: number;
  modality?: SessionModality;
  status?: SessionStatus;
  attendeeIds?: string[];
}

/** A session on the Home agenda: which case, and who the two people are. */
export interface AgendaSession extends TherapySession {
  participants: { id: string; displayName: string }[];
}

export interface AgendaQuery {
  /** Start of the range, inclusive (date and time with zone). */
  from: string;
  /** End of the range, exclusive; at most 31 days after `from`. */
  to: string;
  /** Only cases assigned to this clinician. */
  clinicianId?: string;
}

export const MAX_AGENDA_DAYS = 31;
