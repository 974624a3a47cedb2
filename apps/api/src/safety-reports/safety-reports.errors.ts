import { ConflictError, NotFoundError } from '../common/errors/domain-error';

export class SafetyReportNotFound extends NotFoundError {
  constructor() {
    super('No safety report with that id in your caseload.');
  }
}

/** The key names a report already sent with other words: most likely a client bug, never merged silently. */
export class SafetyReportKeyReused extends ConflictError {
  constructor() {
    super('This Idempotency-Key was already used for a different message. Send it again with a new key.');
  }
}
