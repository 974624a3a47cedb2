import { ConflictError } from '../common/errors/domain-error';

/** The key names a check-in already sent with different answers: most likely a client bug, never merged silently. */
export class IdempotencyKeyReused extends ConflictError {
  constructor() {
    super('This Idempotency-Key was already used for a different check-in. Send a new check-in with a new key.');
  }
}
