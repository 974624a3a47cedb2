export const AuditActorType = { User: 'user', Participant: 'participant', System: 'system' } as const;
export type AuditActorType = (typeof AuditActorType)[keyof typeof AuditActorType];

/** What was done: `<record>.<verb>`, e.g. `case.read`, `note.sign`. */
export type AuditAction = string;

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
} as const;
export type AuditRecordType = (typeof AuditRecordType)[keyof typeof AuditRecordType];
export const AUDIT_RECORD_TYPES: readonly AuditRecordType[] = Object.values(AuditRecordType);

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorType: AuditActorType;
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  recordType: AuditRecordType;
  recordId: string;
  caseId: string | null;
  ipAddress: string | null;
  requestId: string | null;
}

export interface AuditEventQuery {
  actorId?: string;
  recordType?: AuditRecordType;
  recordId?: string;
  caseId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}
