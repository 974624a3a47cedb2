import type { AuditActorType } from '@trustwork/contracts';
import type { ClsService } from 'nestjs-cls';

/** Who is acting and from where, kept for the length of one request (in CLS). */
export interface RequestContext {
  actorType: AuditActorType;
  actorId: string | null;
  ipAddress: string | null;
  requestId: string | null;
}

export const REQUEST_CONTEXT = 'trustwork:request-context';

/** Names who acts, for the audit rows of a route without a sign-in (signed-in routes get it from PracticeTransactionInterceptor). */
export function actAs(cls: ClsService, actorType: AuditActorType, actorId: string | null, origin: Pick<RequestContext, 'ipAddress' | 'requestId'>): void {
  cls.set<RequestContext>(REQUEST_CONTEXT, { actorType, actorId, ipAddress: origin.ipAddress, requestId: origin.requestId });
}
