import { ConflictError, InvalidRequest, NotFoundError } from '../common/errors/domain-error';

export class ExerciseNotFound extends NotFoundError {
  constructor() {
    super('No exercise with that id in your library.');
  }
}

export class ExerciseVersionNotFound extends NotFoundError {
  constructor() {
    super('This exercise has no version with that number.');
  }
}

export class BuiltInExerciseIsReadOnly extends ConflictError {
  constructor(change: 'edited' | 'archived') {
    super(`Built-in exercises can't be ${change}; duplicate it to make your own version.`);
  }
}

/** The edit was based on an older version; `currentVersion` tells the client what to reload. */
export class ExerciseVersionConflict extends ConflictError {
  readonly details: { currentVersion: number };
  constructor(currentVersion: number) {
    super('This exercise was changed elsewhere since you opened it. Reload it, then make your change again.');
    this.details = { currentVersion };
  }
}

/** A template that is not well formed; each problem is one message, as for DTO errors. */
export class InvalidExerciseTemplate extends InvalidRequest {}

/** An exercise library that cannot be imported; nothing of it was saved. Each problem is one message, as for DTO errors. */
export class InvalidExerciseLibrary extends InvalidRequest {}
