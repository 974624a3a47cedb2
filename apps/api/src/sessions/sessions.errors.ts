import { InvalidRequest, NotFoundError } from '../common/errors/domain-error';

export class SessionNotFound extends NotFoundError {
  constructor() {
    super('No session with that id in your caseload.');
  }
}

export class InvalidSessionChange extends InvalidRequest {}

export class InvalidAgendaRange extends InvalidRequest {}
