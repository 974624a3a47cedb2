import type { AuditActorType } from '@trustwork/contracts';

/** Who is acting and from where, kept for the length of one request (in CLS). */
export interface RequestContext {
  actorType: AuditActorType;
  actorId: string | null;
  ipAddress: string | null;
  requestId: string | null;
}

export const REQUEST_CONTEXT = 'trustwork:request-context';
