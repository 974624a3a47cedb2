/** pg-boss queue names of this feature. */
export const ReminderJob = {
  /** Hourly: e-mails participants whose homework is due today (from 08:00 practice time). */
  HomeworkReminders: 'homework-reminders',
  /** Hourly: Monday from 08:00 practice time, the weekly digest to team members who asked for it. */
  WeeklyDigest: 'weekly-digest',
  /** Hourly: raises the alerts no single write raises (overdue homework, missed check-ins). */
  AlertsSweep: 'alerts-sweep',
  /** At once: tells a case's clinicians that a safety report arrived. */
  SafetyReportEmail: 'safety-report-email',
  /** Every ten minutes: reminds people of sessions starting within their practice's reminder lead. */
  SessionReminders: 'session-reminders',
  /** At once: tells the clinician that a client cancelled a session from the portal. */
  SessionCancelledEmail: 'session-cancelled-email',
} as const;

export interface SafetyReportEmailJob {
  practiceId: string;
  reportId: string;
}

export interface SessionCancelledEmailJob {
  practiceId: string;
  sessionId: string;
}

/** Every hour on the hour (UTC); each practice's local hour decides what is due. */
export const HOURLY = '0 * * * *';

/** Often enough that a reminder goes out within ten minutes of its lead time. */
export const EVERY_TEN_MINUTES = '*/10 * * * *';
