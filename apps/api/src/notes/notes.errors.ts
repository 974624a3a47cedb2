import { ConflictError, DomainError, StaleVersion, ForbiddenError, InvalidRequest, NotFoundError } from '../common/errors/domain-error';

export class NoteNotFound extends NotFoundError {
  constructor() {
    super('This session has no note yet.');
  }
}

export class NoteVersionConflict extends StaleVersion {
  constructor(currentVersion: number, message = 'This note was changed elsewhere since you opened it. Reload it, then save again.') {
    super(message, currentVersion);
  }
}

export class NoteAlreadyExists extends NoteVersionConflict {
  constructor(currentVersion: number) {
    super(currentVersion, 'This session already has a note. Reload it, then save again with its version.');
  }
}

export class NoteNotCreatedYet extends NoteVersionConflict {
  constructor() {
    super(0, 'This session has no note yet; save it with version 0 to start one.');
  }
}

export class NoteIsSigned extends ConflictError {
  constructor() {
    super('This note is signed and can no longer change; add an addendum instead.');
  }
}

export class NoteAlreadySigned extends ConflictError {
  constructor() {
    super('This note is already signed.');
  }
}

export class NoteNotSignedYet extends ConflictError {
  constructor() {
    super('Addenda are added to signed notes. This note is still a draft: edit it instead.');
  }
}

export class OnlyAuthorCanSign extends ForbiddenError {
  constructor() {
    super('Only the author can sign this note.');
  }
}

/**
 * The stored ciphertext failed authentication or its key is not configured. Nothing of
 * it is shown; 422 so clients never mistake it for a version conflict and retry.
 */
export class NoteUnreadable extends DomainError {
  readonly status = 422;
  constructor() {
    super(
      'This note could not be decrypted: it was altered outside Trustwork, or the key it was written with is no longer configured. ' +
        'Ask the practice owner to check NOTES_ENCRYPTION_KEY or restore the note from a backup.',
    );
  }
}

/** Sections that do not fit the note's template; each problem is one message, as for DTO errors. */
export class InvalidNote extends InvalidRequest {}

export class InvalidNoteVersion extends InvalidRequest {}

export class NoteAboutUnknownParticipant extends InvalidRequest {
  constructor() {
    super('aboutParticipantId must be one of this case’s participants, or null for a joint note');
  }
}

export class ExportParticipantNotFound extends NotFoundError {
  constructor() {
    super('This case has no participant with that id.');
  }
}
