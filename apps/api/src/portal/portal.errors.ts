import { PORTAL_LINK_INVALID_MESSAGE } from '@trustwork/contracts';
import { NotFoundError, UnauthenticatedError } from '../common/errors/domain-error';

/** Unknown, expired, revoked or mangled: one answer, so a token's fate cannot be probed. */
export class PortalLinkInvalid extends UnauthenticatedError {
  constructor() {
    super(PORTAL_LINK_INVALID_MESSAGE);
  }
}

export class ParticipantNotFound extends NotFoundError {
  constructor() {
    super('No participant with that id in this case.');
  }
}

export class NoLivePortalLink extends NotFoundError {
  constructor() {
    super('This participant has no portal link that still works.');
  }
}
