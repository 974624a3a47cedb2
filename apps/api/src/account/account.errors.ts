import { InvalidRequest } from '../common/errors/domain-error';

/** A 400, not a 401: the person is signed in, and one field of the form is wrong. */
export class WrongCurrentPassword extends InvalidRequest {
  constructor() {
    super('currentPassword is not your current password.');
  }
}

export class SamePassword extends InvalidRequest {
  constructor() {
    super('newPassword must be different from your current password.');
  }
}

export class SameEmail extends InvalidRequest {
  constructor() {
    super('email is already the address of your account.');
  }
}

/** Unknown, used and expired links look alike, so a guess learns nothing. */
export class LinkExpiredOrUsed extends InvalidRequest {
  constructor() {
    super('This link has expired or was already used.');
  }
}
