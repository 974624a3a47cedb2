import { ConflictError, NotFoundError } from '../common/errors/domain-error';

export class TeamMemberNotFound extends NotFoundError {
  constructor() {
    super('No team member with that id in your practice.');
  }
}

export class EmailAlreadyRegistered extends ConflictError {
  constructor() {
    super('An account with this e-mail address already exists.');
  }
}

export class CannotChangeOwnAccess extends ConflictError {
  constructor() {
    super('You cannot deactivate yourself or change your own role. Ask another owner.');
  }
}
