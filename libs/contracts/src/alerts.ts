import type { ClinicianRef } from './cases';

/**
 * Why a case needs attention. Each alert is worked out when something is written (a
 * check-in, a safety report, a measure's score) or by the hourly sweep (homework overdue,
 * check-ins stopped), and stored, so the caseload reads counts without recomputing them.
 */
export const AlertKind = {
  SafetyReport: 'safety-report',
  RatingDrop: 'rating-drop',
  MeasureBelowCutoff: 'measure-below-cutoff',
  HomeworkOverdue: 'homework-overdue',
  CheckInGap: 'check-in-gap',
} as const;
export type AlertKind = (typeof AlertKind)[keyof typeof AlertKind];
/** Most urgent first: lists and badges keep this order. */
export const ALERT_KINDS: readonly AlertKind[] = Object.values(AlertKind);
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  'safety-report': 'Safety report',
  'rating-drop': 'Sharp drop in a check-in',
  'measure-below-cutoff': 'Measure below cut-off',
  'homework-overdue': 'Homework overdue',
  'check-in-gap': 'No recent check-in',
};

/** The thresholds of the alert rules, in one place for the API, the dashboard and the README. */
export const ALERT_RULES = {
  /** A trust or safety rating this far below the participant's average of their previous check-ins… */
  ratingDrop: 3,
  /** …of this many previous check-ins (fewer: no baseline yet, no alert). */
  ratingDropBaseline: 3,
  /** Homework not done this many days after its date. */
  overdueDays: 3,
  /** No check-in for this many days in an active case. */
  checkInGapDays: 14,
} as const;

/** Open: needs a look. Acknowledged: a clinician has handled it. Resolved: the reason went away by itself. */
export const AlertStatus = { Open: 'open', Acknowledged: 'acknowledged', Resolved: 'resolved' } as const;
export type AlertStatus = (typeof AlertStatus)[keyof typeof AlertStatus];
export const ALERT_STATUSES: readonly AlertStatus[] = Object.values(AlertStatus);

export interface CaseAlert {
  id: string;
  caseId: string;
  kind: AlertKind;
  status: AlertStatus;
  /** Whose it is; null for a case-wide one. */
  participant: { id: string; displayName: string } | null;
  /** One plain sentence of numbers and dates (never clinical free text), e.g. "Trust 4, down from an average of 8". */
  summary: string;
  /** For a safety-report alert, the report to read (GET /api/cases/:id/safety-reports); otherwise null. */
  safetyReportId: string | null;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: ClinicianRef | null;
  /** The clinician's note on how it was handled. */
  note: string | null;
  resolvedAt: string | null;
}

export interface CaseAlertQuery {
  /** Default `open`; `all` lists every alert of the case, newest first. */
  status?: AlertStatus | 'all';
}

/** Marks an alert handled; an acknowledged safety-report alert also acknowledges the report. */
export interface AcknowledgeAlertRequest {
  note?: string | null;
}

export const ALERT_NOTE_MAX_LENGTH = 1000;
