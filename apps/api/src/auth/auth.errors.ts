import { ForbiddenError, UnauthenticatedError } from '../common/errors/domain-error';

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
