import { ConflictError } from '../common/errors/domain-error';

export class OwnTwoFactorNeededFirst extends ConflictError {
  constructor() {
    super('Turn on two-factor for your own account first, so you are not locked out.');
  }
}
