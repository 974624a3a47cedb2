import type { AlertKind } from './alerts';
import type { CaseEventKind } from './cases';
import type { MeasureScore, MeasureSummary } from './measures';
import type { SafetyReportUrgency } from './safety-reports';
import type { SessionStatus, TherapySession } from './sessions';

/**
 * The pre-session brief (`GET /api/sessions/:id/brief`): what happened in the case since
 * its previous session, for a clinician to read in the minutes before this one. Titles,
 * dates and numbers only: answers, check-in notes and safety-report messages stay in
 * their own views.
 */

/**
 * The latest session before this one that was held or missed: the brief's period starts
 * there. One still marked scheduled counts once its time is over (not yet marked held).
 */
export interface BriefPreviousSession {
  id: string;
  startsAt: string;
  status: Exclude<SessionStatus, 'cancelled'>;
}

/**
 * The instants the brief covers, `from` included, `to` excluded: from the previous
 * session's start (or the case's opening) up to this session's start, or now if earlier.
 * `fromDate` and `toDate` are the same two moments as practice-local calendar dates.
 */
export interface BriefPeriod {
  from: string;
  to: string;
  fromDate: string;
  toDate: string;
  since: 'previous-session' | 'case-opened';
  previousSession: BriefPreviousSession | null;
}

/** One homework date: the sheet's assignment, its title and the date it was due. */
export interface BriefHomeworkItem {
  assignmentId: string;
  title: string;
  on: string;
}

/**
 * One participant's homework dates in the period (their own and the together ones).
 * Done: answered. Overdue: not answered yet and still expected, the latest date of
 * active homework. Missed: not answered and replaced by a later date, or the homework was
 * paused. A date on the period's last day counts only once done.
 */
export interface BriefHomework {
  participantId: string;
  done: BriefHomeworkItem[];
  missed: BriefHomeworkItem[];
  overdue: BriefHomeworkItem[];
}

/** An answer sheet sent in the period: which, by whom, when; its answers are read in the Homework tab. */
export interface BriefAnswer {
  /** The submission's id. */
  id: string;
  assignmentId: string;
  title: string;
  participantId: string;
  occurrenceOn: string;
  submittedAt: string;
  /** True when its author let the other participant read it. */
  shared: boolean;
}

/** The four check-in ratings averaged (one decimal); null with no check-in. */
export interface BriefRatings {
  count: number;
  trust: number | null;
  safety: number | null;
  heard: number | null;
  closeness: number | null;
}

/**
 * One participant's check-ins in the period against their own last few before it (up to
 * four, however long ago), so a weekly check-in just before the period still counts.
 */
export interface BriefCheckIns {
  participantId: string;
  period: BriefRatings;
  /** Their last check-ins before the period's start. */
  earlier: BriefRatings;
  /** When the earliest of those was sent; null without any. */
  earlierFrom: string | null;
}

export interface BriefEvent {
  id: string;
  kind: CaseEventKind;
  occurredOn: string;
  title: string;
  participantId: string | null;
  createdAt: string;
}

/** An alert still open now, whenever it was raised. */
export interface BriefAlert {
  id: string;
  kind: AlertKind;
  participantId: string | null;
  /** Numbers and dates only, as the alert list shows it. */
  summary: string;
  raisedAt: string;
}

/** A safety report sent in the period: never its message, which the safety report view shows. */
export interface BriefSafetyReport {
  id: string;
  participantId: string;
  urgency: SafetyReportUrgency;
  submittedAt: string;
  acknowledgedAt: string | null;
}

/** A library exercise of the case's current phase. */
export interface BriefSuggestion {
  /** `builtin:<key>`, as the assign dialog takes it. */
  exerciseId: string;
  title: string;
  purpose: string;
  minutes: number;
  /** The case already has active or paused homework of this exercise. */
  assigned: boolean;
}

export interface BriefPhase {
  number: number;
  title: string;
  summary: string;
  suggestions: BriefSuggestion[];
}

export interface SessionBrief {
  sessionId: string;
  caseId: string;
  startsAt: string;
  /** The session itself as the agenda shows it: who comes, where, and who has confirmed. */
  session: Pick<TherapySession, 'durationMinutes' | 'status' | 'kind' | 'modality' | 'address' | 'videoUrl' | 'attendance' | 'cancellation'>;
  period: BriefPeriod;
  /** Both participants, in the case's order. */
  participants: { id: string; displayName: string }[];
  homework: BriefHomework[];
  /** Oldest first. */
  answers: BriefAnswer[];
  checkIns: BriefCheckIns[];
  /** Scores of sheets sent in the period, oldest first, with their measures' cut-offs. */
  measures: { scores: MeasureScore[]; summaries: MeasureSummary[] };
  /** Timeline events dated or recorded in the period. */
  events: BriefEvent[];
  /** Most urgent first. */
  openAlerts: BriefAlert[];
  /** Newest first. */
  safetyReports: BriefSafetyReport[];
  phase: BriefPhase;
  /** The case's agreements someone has still to sign (this version, this policy), with who. */
  unsignedAgreements: BriefUnsignedAgreement[];
}

export interface BriefUnsignedAgreement {
  agreementId: string;
  title: string;
  /** The people who have not signed it yet. */
  participants: { id: string; displayName: string }[];
}
