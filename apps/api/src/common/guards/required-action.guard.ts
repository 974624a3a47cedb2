import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiErrorCode, RequiredAccountAction } from '@trustwork/contracts';
import type { AuthenticatedRequest } from '../authenticated-user';
import { ALLOWED_DURING_REQUIRED_ACTION } from '../decorators/allow-during-required-action.decorator';
import { ForbiddenError } from '../errors/domain-error';

const WHAT_TO_DO: Record<RequiredAccountAction, string> = {
  [RequiredAccountAction.ChoosePassword]: 'Choose your own password before you continue: you signed in with a temporary one.',
  [RequiredAccountAction.EnrolTwoFactor]: 'Your practice requires two-factor sign-in: set it up in your settings before you continue.',
};

export class AccountActionRequired extends ForbiddenError {
  constructor(action: RequiredAccountAction) {
    super(WHAT_TO_DO[action], ApiErrorCode.AccountActionRequired);
  }
}

/** Global guard, after sign-in: while a required step is pending, only the routes that lead to it are open. */
@Injectable()
export class RequiredActionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const action = context.switchToHttp().getRequest<AuthenticatedRequest>().user?.requiredAction;
    if (!action) return true;
    const allowed = this.reflector.getAllAndOverride<boolean>(ALLOWED_DURING_REQUIRED_ACTION, [context.getHandler(), context.getClass()]);
    if (allowed) return true;
    throw new AccountActionRequired(action);
  }
}
