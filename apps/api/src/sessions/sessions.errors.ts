import { DomainError, NotFoundError } from '../common/errors/domain-error';

export class SessionNotFound extends NotFoundError {
  constructor() {
    super('No session with that id in your caseload.');
  }
}

export class InvalidSessionChange extends DomainError {
  readonly status = 400;
}

export class InvalidAgendaRange extends DomainError {
  readonly status = 400;
}
