export const AuditActorType = { User: 'user', Participant: 'participant', System: 'system' } as const;
export type AuditActorType = (typeof AuditActorType)[keyof typeof AuditActorType];

/** What was done: `<record>.<verb>`, e.g. `case.read`, `note.sign`. */
export type AuditAction = string;

/** The verbs of actions that only looked at records; every other verb changed something. */
export const AUDIT_READ_VERBS: readonly string[] = ['read', 'list', 'export', 'brief', 'match', 'read-shared', 'statement', 'superbill'];

/** Whether the action only looked at records (an owner may leave these out of the log). */
export function isAuditRead(action: AuditAction): boolean {
  return AUDIT_READ_VERBS.includes(action.slice(action.indexOf('.') + 1));
}

export const AuditRecordType = {
  Case: 'case',
  Participant: 'participant',
  CaseEvent: 'case-event',
  Session: 'session',
  Note: 'note',
  User: 'user',
  PortalLink: 'portal-link',
  ExerciseTemplate: 'exercise-template',
  Assignment: 'assignment',
  Submission: 'submission',
  CheckIn: 'check-in',
  SafetyReport: 'safety-report',
  Alert: 'alert',
  MeasureScore: 'measure-score',
  Practice: 'practice',
  /** One signed-in device of a team member (not a therapy session). */
  SignIn: 'sign-in',
  /** A practice's own agreement template (consent, policy wording). */
  Agreement: 'agreement',
  /** One person's signature of one agreement. */
  Signature: 'signature',
  /** A service the practice charges for. */
  BillingService: 'billing-service',
  /** Who pays for a case: a person of the case or a third party. */
  Payer: 'payer',
  Charge: 'charge',
  /** An invoice or a credit note. */
  Invoice: 'invoice',
  /** A payment or a refund. */
  Payment: 'payment',
  /** A person's diagnosis codes, for superbills. */
  Diagnosis: 'diagnosis',
} as const;
export type AuditRecordType = (typeof AuditRecordType)[keyof typeof AuditRecordType];
export const AUDIT_RECORD_TYPES: readonly AuditRecordType[] = Object.values(AuditRecordType);

/** A case an audit event concerns, named by its people so the log never has to open it. */
export interface AuditCase {
  id: string;
  participantNames: string[];
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorType: AuditActorType;
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  recordType: AuditRecordType;
  /** The one record acted on; null for a list read, which names its records in `recordIds`. */
  recordId: string | null;
  /** Every record a list read showed (of `recordType`), in the order shown; null otherwise. */
  recordIds: string[] | null;
  /** The case, when the event concerns exactly one. */
  caseId: string | null;
  /** Every case the event concerns (a list can span several), by their people. */
  cases: AuditCase[];
  ipAddress: string | null;
  requestId: string | null;
}

export interface AuditEventQuery {
  actorId?: string;
  recordType?: AuditRecordType;
  recordId?: string;
  caseId?: string;
  /** Leave out reads (opening, listing, exporting records): only what changed. */
  changesOnly?: boolean;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/** GET /api/audit-events/verify (owner): the practice's hash chain, checked from its first row. */
export interface AuditChainVerification {
  intact: boolean;
  /** Rows checked. */
  checkedEvents: number;
  /** The first row whose stored hash does not match its content and predecessor; null when intact, or when the break is that the newest rows are missing. */
  firstBrokenEvent: { id: string; occurredAt: string; action: string } | null;
  verifiedAt: string;
}
