import { ConflictError, InvalidRequest, NotFoundError } from '../common/errors/domain-error';

export class AssignmentNotFound extends NotFoundError {
  constructor() {
    super('No assignment with that id.');
  }
}

/**
 * A request whose fields are each fine but do not fit together (a due date and a
 * recurrence, answers that do not match the prompts); each problem is one message, as for
 * DTO errors.
 */
export class InvalidAssignment extends InvalidRequest {}

export class AssignmentIsCancelled extends ConflictError {
  constructor() {
    super('This assignment was cancelled and can no longer change. Assign the exercise again instead.');
  }
}

/** Said to the participant: the therapist paused or cancelled it while the sheet was open. */
export class AssignmentNotOpen extends ConflictError {
  constructor() {
    super('Your therapist has paused or closed this exercise, so it cannot take answers right now.');
  }
}

export class OccurrenceAlreadyAnswered extends ConflictError {
  constructor(occurrenceOn: string) {
    super(`You already sent your answers for ${occurrenceOn}.`);
  }
}

export class NothingLeftToAnswer extends ConflictError {
  constructor() {
    super('Every date of this exercise already has your answers.');
  }
}

/** The key names answers already sent that differ from these: most likely a client bug. */
export class SubmissionKeyReused extends ConflictError {
  constructor() {
    super('This Idempotency-Key was already used for different answers. Send these answers with a new key.');
  }
}
