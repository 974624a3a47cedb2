import { ConflictError, InvalidRequest, NotFoundError, StaleVersion } from '../common/errors/domain-error';

export class AgreementNotFound extends NotFoundError {
  constructor() {
    super('No agreement with that id in your library.');
  }
}

export class AgreementVersionNotFound extends NotFoundError {
  constructor() {
    super('This agreement has no version with that number.');
  }
}

export class BuiltInAgreementIsReadOnly extends ConflictError {
  constructor() {
    super("Built-in agreements can't be changed; write your practice's own version instead, and choose it for your cases.");
  }
}

export class AgreementVersionConflict extends StaleVersion {
  constructor(currentVersion: number) {
    super('This agreement was changed elsewhere since you opened it. Reload it, then make your change again.', currentVersion);
  }
}

/** An agreement, a policy or a case's set of agreements that cannot be saved as sent; one message per problem. */
export class InvalidAgreement extends InvalidRequest {}

export class PolicyUnchanged extends ConflictError {
  constructor() {
    super('This case already works under that policy.');
  }
}

/** Not an agreement of this person's case: nothing to read or sign, so 404 like an unknown one. */
export class CaseAgreementNotFound extends NotFoundError {
  constructor() {
    super('This agreement is not one of your case’s agreements.');
  }
}

/** The text or version signed is not the one the agreement renders now: nothing is stored. */
export class AgreementChangedSinceRead extends ConflictError {
  constructor() {
    super('This agreement has changed since you opened it: read it again, then sign.');
  }
}

export class AgreementAlreadySigned extends ConflictError {
  constructor() {
    super('You have already signed this agreement.');
  }
}

export class SignatureNotFound extends NotFoundError {
  constructor() {
    super('No signed copy with that id on this case.');
  }
}

export class ReminderParticipantNotFound extends NotFoundError {
  constructor() {
    super('This case has no participant with that id.');
  }
}
