import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { PracticeScope } from '../database/practice-scope';
import type { PortalRequest } from '../common/authenticated-participant';
import { PortalLinkInvalid } from './portal.errors';
import { portalTokenHash, presentedPortalToken } from './portal-token';

/**
 * Portal routes authenticate by the link token alone. The practice is not known until
 * the token is, so portal_link_for_token() (SECURITY DEFINER) names it for live links only.
 */
@Injectable()
export class PortalAuthGuard implements CanActivate {
  constructor(private readonly scope: PracticeScope) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<PortalRequest>();
    const token = presentedPortalToken(request);
    if (!token) throw new PortalLinkInvalid();
    const [found]: { practice_id: string; link_id: string }[] = await this.scope.manager.query(
      'SELECT practice_id, link_id FROM portal_link_for_token($1)',
      [portalTokenHash(token)],
    );
    if (!found) throw new PortalLinkInvalid();
    request.portalLink = { practiceId: found.practice_id, linkId: found.link_id };
    return true;
  }
}
