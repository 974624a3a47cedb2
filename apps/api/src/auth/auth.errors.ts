import { ForbiddenError, InvalidRequest, NotFoundError, UnauthenticatedError } from '../common/errors/domain-error';

export class InvalidCredentials extends UnauthenticatedError {
  constructor() {
    super('Incorrect e-mail or password.');
  }
}

export class AccountDeactivated extends ForbiddenError {
  constructor() {
    super('This account has been deactivated. Ask your practice owner to reactivate it.');
  }
}

export class InvalidRefreshToken extends UnauthenticatedError {
  constructor() {
    super('Your session has ended. Please sign in again.');
  }
}

/** A refresh without the dashboard's header: a cross-site form or image cannot send one. */
export class RefreshNotFromDashboard extends ForbiddenError {
  constructor() {
    super('This request must come from the Trustwork dashboard. Reload the page and try again.');
  }
}

export class SignInSessionNotFound extends NotFoundError {
  constructor() {
    super('That signed-in device was not found. It may already be signed out.');
  }
}

/** A step-up whose code or password is missing or wrong, named by its field as a form shows it. */
export class StepUpRefused extends InvalidRequest {}
