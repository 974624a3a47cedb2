import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { REQUEST_CONTEXT, type RequestContext } from '../common/request-context';
import { PracticeScope } from '../database/practice-scope';
import type { AuthenticatedParticipant, PortalRequest } from '../common/authenticated-participant';
import { PortalLink } from './portal-link.entity';
import { PortalLinkInvalid } from './portal.errors';

/**
 * "Last opened" is kept to the minute: writing it on every request would make a
 * participant's parallel requests queue behind one another's row lock.
 */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * A portal request runs in one transaction scoped to its link's practice (as the
 * dashboard's PracticeTransactionInterceptor does for a user), with the participant
 * as the actor of its audit events.
 */
@Injectable()
export class PortalTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly scope: PracticeScope,
    private readonly cls: ClsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<PortalRequest>();
    const link = request.portalLink;
    if (!link) throw new Error('PortalTransactionInterceptor runs only after PortalAuthGuard');
    return from(
      this.scope.run(link.practiceId, async () => {
        request.portalParticipant = await this.openLink(link.linkId);
        this.cls.set<RequestContext>(REQUEST_CONTEXT, {
          actorType: 'participant',
          actorId: request.portalParticipant.participantId,
          ipAddress: request.ip ?? null,
          requestId: typeof request.id === 'string' ? request.id : null,
        });
        return lastValueFrom(next.handle(), { defaultValue: undefined });
      }),
    );
  }

  /** Checks again under RLS (the link may have been revoked a moment ago) and notes its use. */
  private async openLink(linkId: string): Promise<AuthenticatedParticipant> {
    const links = this.scope.repository(PortalLink);
    const link = await links
      .createQueryBuilder('l')
      .where('l.id = :linkId AND l.revoked_at IS NULL AND l.expires_at > now()', { linkId })
      .getOne();
    if (!link) throw new PortalLinkInvalid();
    if (!link.lastUsedAt || Date.now() - link.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
      await links.update({ id: link.id }, { lastUsedAt: () => 'now()' });
    }
    return { participantId: link.participantId, caseId: link.caseId, practiceId: link.practiceId, linkId: link.id, linkExpiresAt: link.expiresAt };
  }
}
