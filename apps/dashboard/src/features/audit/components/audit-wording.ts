import { AuditActorType, type AuditEvent, type AuditRecordType } from '@trustwork/contracts';

/** Every action the API records (apps/api: `audit.record(...)`), in the owner's words. */
const ACTION_LABELS: Record<string, string> = {
  'case.create': 'Created case',
  'case.read': 'Opened case',
  'case.list': 'Saw case in the caseload',
  'case.update': 'Changed case details',
  'case.export': 'Exported case records',
  'participant.update': "Changed a participant's details",
  'participant.link': 'Linked a new case to this person',
  'participant.match': 'Found this person while checking for duplicates',
  'case-event.list': 'Viewed timeline',
  'case-event.create': 'Added a timeline event',
  'session.list': 'Viewed sessions',
  'session.create': 'Scheduled a session',
  'session.update': 'Changed a session',
  'session.cancel': 'Cancelled a session',
  'session.brief': 'Read the pre-session brief',
  'session.confirm': 'Said they will come to a session',
  'session.read': 'Looked at a session',
  'note.read': 'Read note',
  'note.save': 'Saved note draft',
  'note.sign': 'Signed note',
  'note.addendum': 'Added an addendum to a note',
  'exercise-template.create': 'Created an exercise',
  'exercise-template.duplicate': 'Copied an exercise',
  'exercise-template.update': 'Changed an exercise',
  'exercise-template.archive': 'Archived an exercise',
  'exercise-template.unarchive': 'Restored an exercise',
  'exercise-template.import': 'Imported an exercise',
  'exercise-template.export': 'Exported an exercise',
  'assignment.create': 'Assigned an exercise',
  'assignment.update': 'Changed an assignment',
  'assignment.list': 'Viewed homework',
  'submission.create': 'Sent homework answers',
  'submission.list': 'Read homework answers',
  'submission.read-shared': 'Read answers shared with them',
  'portal-link.create': 'Created a portal link',
  'portal-link.revoke': 'Revoked a portal link',
  'participant.read': 'Opened their portal',
  'check-in.create': 'Sent a check-in',
  'check-in.list': 'Viewed check-ins',
  'safety-report.create': 'Sent a safety report',
  'safety-report.list': 'Viewed safety reports',
  'safety-report.acknowledge': 'Acknowledged a safety report',
  'alert.list': 'Viewed alerts',
  'alert.acknowledge': 'Acknowledged an alert',
  'measure-score.create': 'Scored a questionnaire',
  'progress.read': 'Viewed progress',
  'attention.list': 'Viewed what needs attention',
  'audit.verify': 'Checked that the audit log is intact',
  'user.password-change': 'Changed their password',
  'user.password-reset-request': 'A password reset link was e-mailed',
  'user.password-reset': 'Chose a new password from a reset link',
  'user.email-change-request': 'Asked to change their e-mail address',
  'user.email-change': 'Confirmed a new e-mail address',
  'practice.update': 'Changed the practice settings',
  'user.two-factor-enable': 'Turned on two-factor sign-in',
  'user.two-factor-disable': 'Turned off two-factor sign-in',
  'user.two-factor-reset': "Reset a team member's two-factor sign-in",
  'user.recovery-codes-regenerate': 'Made new recovery codes',
  'user.recovery-code-use': 'Signed in with a recovery code',
  'user.update': 'Changed their name or settings',
  'user.calendar-feed-create': 'Made a calendar feed address',
  'user.calendar-feed-replace': 'Replaced their calendar feed address',
  'user.calendar-feed-change': 'Changed their calendar feed',
  'user.calendar-feed-revoke': 'Turned off their calendar feed',
  'sign-in.start': 'Signed in',
  'sign-in.end': 'Signed out',
  'sign-in.step-up': 'Confirmed it was them for a sensitive action',
  'sign-in.revoke': 'Signed a device out',
  'user.sign-out-everywhere': 'Signed a team member out everywhere',
  'agreement.create': 'Wrote a practice agreement',
  'agreement.update': 'Changed a practice agreement',
  'agreement.list': 'Viewed their agreements',
  'agreement.read': 'Read an agreement',
  'agreement.sign': 'Signed an agreement',
  'agreement.remind': 'Sent a reminder to sign agreements',
  'signature.list': 'Viewed who has signed the agreements',
  'signature.export': 'Downloaded a signed agreement',
  'case.policy-change': 'Changed the confidentiality policy',
  'case.agreements-change': 'Changed the agreements to sign',
};

/** The action in words, or null for one this version of the dashboard does not know yet. */
export function actionLabel(action: string): string | null {
  return ACTION_LABELS[action] ?? null;
}

export const RECORD_TYPE_LABELS: Record<AuditRecordType, string> = {
  case: 'Case',
  participant: 'Participant',
  'case-event': 'Timeline event',
  session: 'Session',
  note: 'Note',
  user: 'Team member',
  'exercise-template': 'Exercise',
  'portal-link': 'Portal link',
  assignment: 'Assignment',
  submission: 'Homework answers',
  'check-in': 'Check-in',
  'safety-report': 'Safety report',
  alert: 'Alert',
  'measure-score': 'Questionnaire score',
  practice: 'Practice settings',
  'sign-in': 'Signed-in device',
  agreement: 'Agreement',
  signature: 'Signature',
  'billing-service': 'Billing service',
  payer: 'Payer',
  charge: 'Charge',
  invoice: 'Invoice',
  payment: 'Payment',
  diagnosis: 'Diagnosis codes',
};

/** Several records of one kind, as a list read names them: "3 sessions". */
const RECORD_TYPE_PLURALS: Record<AuditRecordType, string> = {
  case: 'cases',
  participant: 'participants',
  'case-event': 'timeline events',
  session: 'sessions',
  note: 'notes',
  user: 'team members',
  'exercise-template': 'exercises',
  'portal-link': 'portal links',
  assignment: 'assignments',
  submission: 'homework answers',
  'check-in': 'check-ins',
  'safety-report': 'safety reports',
  alert: 'alerts',
  'measure-score': 'questionnaire scores',
  practice: 'practice settings',
  'sign-in': 'signed-in devices',
  agreement: 'agreements',
  signature: 'signatures',
  'billing-service': 'billing services',
  payer: 'payers',
  charge: 'charges',
  invoice: 'invoices',
  payment: 'payments',
  diagnosis: 'diagnosis code sets',
};

/** The record column: the kind of the one record, or how many a list read showed. */
export function recordLabel(event: Pick<AuditEvent, 'recordType' | 'recordIds'>): string {
  const singular = RECORD_TYPE_LABELS[event.recordType] ?? event.recordType;
  if (!event.recordIds || event.recordIds.length === 1) return singular;
  return `${event.recordIds.length} ${RECORD_TYPE_PLURALS[event.recordType] ?? event.recordType}`;
}

/** Who acted: a colleague by name, one of the two people through their portal, or Trustwork itself. */
export function actorLabel(event: Pick<AuditEvent, 'actorType' | 'actorName'>): string {
  switch (event.actorType) {
    case AuditActorType.User:
      return event.actorName ?? 'A former team member';
    case AuditActorType.Participant:
      return 'Client portal';
    default:
      return 'System';
  }
}
