import type { ClinicianRef } from './cases';

/**
 * A safety report: a private message from one participant to the therapist. The other
 * participant can never see it, and it counts in the case's openAlertCount until a
 * clinician acknowledges it.
 */
export const SafetyReportUrgency = { Concern: 'concern', Urgent: 'urgent' } as const;
export type SafetyReportUrgency = (typeof SafetyReportUrgency)[keyof typeof SafetyReportUrgency];
export const SAFETY_REPORT_URGENCIES: readonly SafetyReportUrgency[] = Object.values(SafetyReportUrgency);

/** The choice as the portal offers it to someone who may be frightened: plain, no jargon. */
export const SAFETY_REPORT_URGENCY_CHOICES: Record<SafetyReportUrgency, string> = {
  concern: 'I am worried and want my therapist to know',
  urgent: 'I need my therapist to contact me as soon as possible',
};

/** The therapist's short names for the dashboard. */
export const SAFETY_REPORT_URGENCY_LABELS: Record<SafetyReportUrgency, string> = {
  concern: 'Concern',
  urgent: 'Urgent',
};

export const SAFETY_REPORT_MESSAGE_MAX_LENGTH = 4000;

export interface SafetyReportRequest {
  message: string;
  urgency: SafetyReportUrgency;
}

/**
 * All the portal answers to a safety report: no id and no copy of the message, so
 * nothing about it can be read back later from the participant's phone or link.
 */
export interface SafetyReportReceived {
  received: true;
  receivedAt: string;
  message: string;
}

export const SAFETY_REPORT_RECEIVED_MESSAGE =
  'Your message has gone to your therapist. The other person in your case will never see it. If you are in danger right now, call your local emergency number.';

export interface SafetyReport {
  id: string;
  participantId: string;
  message: string;
  urgency: SafetyReportUrgency;
  submittedAt: string;
  acknowledgedAt: string | null;
  /** Null while open, or if who acknowledged it is no longer on the team. */
  acknowledgedBy: ClinicianRef | null;
}
