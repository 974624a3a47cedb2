import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiErrorCode, STEP_UP_WINDOW_MINUTES } from '@trustwork/contracts';
import type { AuthenticatedRequest } from '../authenticated-user';
import { ForbiddenError } from '../errors/domain-error';

export class StepUpRequired extends ForbiddenError {
  constructor() {
    super(
      "For your security, confirm it's you: enter a code from your authenticator app (or your password) and try again.",
      ApiErrorCode.StepUpRequired,
    );
  }
}

/** See RequireRecentStepUp. */
@Injectable()
export class RecentStepUpGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (user && Date.now() - user.verifiedAt.getTime() <= STEP_UP_WINDOW_MINUTES * 60_000) return true;
    throw new StepUpRequired();
  }
}
