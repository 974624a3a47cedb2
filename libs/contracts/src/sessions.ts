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

/** Joint: both people of the case; individual: one of them. Follows from `attendeeIds`. */
export const SessionKind = { Joint: 'joint', Individual: 'individual' } as const;
export type SessionKind = (typeof SessionKind)[keyof typeof SessionKind];
export const SESSION_KIND_LABELS: Record<SessionKind, string> = { joint: 'Joint', individual: 'With one person' };

/** How often a series repeats. Occurrences keep their local time in the practice's zone. */
export const SeriesFrequency = { Weekly: 'weekly', EveryTwoWeeks: 'every-two-weeks' } as const;
export type SeriesFrequency = (typeof SeriesFrequency)[keyof typeof SeriesFrequency];
export const SERIES_FREQUENCIES: readonly SeriesFrequency[] = Object.values(SeriesFrequency);
export const SERIES_FREQUENCY_LABELS: Record<SeriesFrequency, string> = { weekly: 'Every week', 'every-two-weeks': 'Every two weeks' };
/** The most sessions one series creates (a year of weekly sessions). */
export const MAX_SERIES_SESSIONS = 52;

/** Which sessions of a series a change or a cancellation applies to. */
export const SeriesScope = { This: 'this', Following: 'following', All: 'all' } as const;
export type SeriesScope = (typeof SeriesScope)[keyof typeof SeriesScope];
export const SERIES_SCOPES: readonly SeriesScope[] = Object.values(SeriesScope);

/** A recurring session's place in its series. */
export interface SessionSeriesRef {
  id: string;
  frequency: SeriesFrequency;
  /** 1 for the first session of the series. */
  position: number;
  /** How many sessions the series has (cancelled ones included). */
  count: number;
}

/** A person's answer to a session, from the portal or a reminder's link. */
export const AttendanceResponse = { Confirmed: 'confirmed', Cancelled: 'cancelled' } as const;
export type AttendanceResponse = (typeof AttendanceResponse)[keyof typeof AttendanceResponse];

export interface SessionAttendance {
  participantId: string;
  /** null: not answered yet. */
  response: AttendanceResponse | null;
  respondedAt: string | null;
}

/** Who cancelled a session, when, and whether it was inside the practice's notice period. */
export interface SessionCancellation {
  by: { kind: 'participant'; participantId: string } | { kind: 'team'; userId: string; name: string };
  at: string;
  /** Inside the practice's notice period before the start. */
  late: boolean;
  /** The person's own words, for the clinician only; null when none given (or for roles that may not read it). */
  reason: string | null;
}

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
  kind: SessionKind;
  /** The office address of an in-person session; null otherwise. */
  address: string | null;
  /** The video link of a video session (the practice's own video service); null otherwise. */
  videoUrl: string | null;
  series: SessionSeriesRef | null;
  /** One entry per attendee, in the case's order. */
  attendance: SessionAttendance[];
  cancellation: SessionCancellation | null;
}

/** Repeat a new session: weekly or every two weeks, until a date (inclusive, practice-local) or for a count. */
export interface SessionRepeat {
  frequency: SeriesFrequency;
  /** How many sessions in all, the first included (2 to MAX_SERIES_SESSIONS); or give `until`. */
  count?: number;
  /** The last date a session may fall on (YYYY-MM-DD, practice-local); or give `count`. */
  until?: string;
}

/**
 * POST /api/cases/:id/sessions. Answers the first session created. A clash for the
 * clinician or either person answers 409 with `clashes` unless `allowClashes` is true.
 */
export interface ScheduleSessionRequest {
  startsAt: string;
  durationMinutes: number;
  modality: SessionModality;
  attendeeIds?: string[];
  /** In-person: the office; the practice's address when left out. */
  address?: string | null;
  /** Video: the link from the practice's video service (https). */
  videoUrl?: string | null;
  repeat?: SessionRepeat;
  allowClashes?: boolean;
}

/**
 * PATCH /api/sessions/:id. `scope` applies the change to this session only (the default),
 * this and the following scheduled sessions of its series, or all scheduled ones. A
 * new start moves the others by the same change of local day and time.
 */
export interface UpdateSessionRequest {
  startsAt?: string;
  durationMinutes?: number;
  modality?: SessionModality;
  status?: SessionStatus;
  attendeeIds?: string[];
  address?: string | null;
  videoUrl?: string | null;
  scope?: SeriesScope;
  allowClashes?: boolean;
}

/** POST /api/sessions/:id/cancel (team). Cancels one session, or this and following / all of its series. */
export interface CancelSessionRequest {
  scope?: SeriesScope;
  reason?: string;
}

/** Another session that overlaps the one being scheduled, and for whom. */
export interface SessionClash {
  sessionId: string;
  caseId: string;
  startsAt: string;
  durationMinutes: number;
  /** The clinician's name, or the person's first name, who would be in two places. */
  who: { kind: 'clinician'; id: string; name: string } | { kind: 'participant'; id: string; name: string };
}

/** The body of a 409 for clashes: the same error shape, plus the clashes to show. */
export interface SessionClashResponse {
  statusCode: 409;
  error: 'Conflict';
  message: string;
  clashes: SessionClash[];
}

/** GET /api/sessions/clashes: the same check the writes make, for a form to warn before saving. */
export interface SessionClashQuery {
  caseId: string;
  startsAt: string;
  durationMinutes: number;
  attendeeIds?: string[];
  /** The session being moved, left out of its own clashes. */
  excludeSessionId?: string;
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

/** The practice's scheduling rules (owner setting; part of PracticeSummary). */
export const REMINDER_LEAD_DEFAULT_HOURS = 24;
export const REMINDER_LEAD_MIN_HOURS = 1;
export const REMINDER_LEAD_MAX_HOURS = 72;
export const CANCELLATION_NOTICE_DEFAULT_HOURS = 24;
export const CANCELLATION_NOTICE_MAX_HOURS = 72;
/** How long before its start a video session's link shows in the portal. */
export const VIDEO_LINK_SHOWN_MINUTES_BEFORE = 15;

/**
 * A team member's calendar feed (GET/PUT/DELETE /api/me/calendar-feed): a secret address
 * serving their sessions as iCalendar. The token is stored hashed; `url` is only in the
 * answer that creates (or replaces) it.
 */
export interface CalendarFeed {
  active: boolean;
  /** Video links are left out unless the member chose to include them. */
  includeVideoLinks: boolean;
  createdAt: string | null;
  /** Present only when just created; never shown again. */
  url?: string;
}

/** PUT /api/me/calendar-feed: creates a new address (the old one stops working) and/or changes its options. */
export interface UpdateCalendarFeedRequest {
  /** true: a new secret address, replacing any old one. */
  newAddress?: boolean;
  includeVideoLinks?: boolean;
}

/**
 * One of the person's sessions in the portal (GET /api/portal/sessions): their own
 * individual sessions and the joint ones, upcoming first. No other person's name.
 */
export interface PortalSession {
  id: string;
  startsAt: string;
  durationMinutes: number;
  kind: SessionKind;
  modality: SessionModality;
  address: string | null;
  /** Shown from VIDEO_LINK_SHOWN_MINUTES_BEFORE minutes before the start until the end; null otherwise. */
  videoUrl: string | null;
  /** When the video link shows (null for sessions that are not by video). */
  videoLinkFrom: string | null;
  status: SessionStatus;
  /** This person's own answer. */
  response: AttendanceResponse | null;
  /** Whether a cancellation now would be inside the notice period. */
  cancellingIsLate: boolean;
  therapistName: string | null;
}

/** POST /api/portal/sessions/:id/cancel */
export interface PortalCancelSessionRequest {
  /** Optional; read by the clinician only. */
  reason?: string;
}

export const CANCEL_REASON_MAX_LENGTH = 1000;
