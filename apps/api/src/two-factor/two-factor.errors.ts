import { ApiErrorCode } from '@trustwork/contracts';
import { ConflictError, InvalidRequest, TooManyAttemptsError, UnauthenticatedError } from '../common/errors/domain-error';

/** A wrong, old or already used code while signed in (turning two-factor on or off, new recovery codes); it names its field for the form. */
export class TwoFactorCodeRejected extends InvalidRequest {
  constructor() {
    super('code is not right, or was already used: check the time on your phone and try the newest code.');
  }
}

/** The second sign-in step: a wrong, old or already used code. */
export class SignInCodeRejected extends UnauthenticatedError {
  constructor() {
    super("That code didn't work. Check the time on your phone and try the newest code.");
  }
}

export class SignInRecoveryCodeRejected extends UnauthenticatedError {
  constructor() {
    super("That recovery code didn't work. Each one works only once: check it, or try another from your list.");
  }
}

/** Wrong codes count against the account, not only the challenge and address they came with. */
export class TooManyWrongCodes extends TooManyAttemptsError {
  constructor(windowSeconds: number) {
    super(`Too many wrong codes were tried for this account. Please wait ${Math.ceil(windowSeconds / 60)} minutes and try again.`);
  }
}

/** Unknown, expired, used, or voided by too many wrong codes: the password step starts again. */
export class SignInChallengeExpired extends UnauthenticatedError {
  constructor() {
    super('This sign-in has expired. Please enter your password again.', ApiErrorCode.SignInExpired);
  }
}

export class TwoFactorAlreadyOn extends ConflictError {
  constructor() {
    super('Two-factor sign-in is already on. Turn it off first to move it to another phone.');
  }
}

export class TwoFactorNotStarted extends ConflictError {
  constructor() {
    super('Start setting up two-factor sign-in first: scan the QR code, then enter the code your app shows.');
  }
}

export class TwoFactorNotOn extends ConflictError {
  constructor() {
    super('Two-factor sign-in is not on for your account.');
  }
}

export class TwoFactorRequiredByPractice extends ConflictError {
  constructor() {
    super('Your practice requires two-factor sign-in, so it cannot be turned off. For a new phone, ask your practice owner to reset it.');
  }
}

export class CannotResetOwnTwoFactor extends ConflictError {
  constructor() {
    super('To change your own two-factor sign-in, use Your settings.');
  }
}

/** The stored secret no longer decrypts (its key was removed from NOTES_ENCRYPTION_KEY, or the row was damaged). */
export class TwoFactorSecretUnreadable extends ConflictError {
  constructor() {
    super('Your two-factor set-up can no longer be read. Sign in with a recovery code, or ask your practice owner to reset your two-factor sign-in.');
  }
}
