import { ConflictError, InvalidRequest, NotFoundError, StaleVersion } from '../common/errors/domain-error';

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

export class ExerciseVersionConflict extends StaleVersion {
  constructor(currentVersion: number) {
    super('This exercise was changed elsewhere since you opened it. Reload it, then make your change again.', currentVersion);
  }
}

/** A template that is not well formed; each problem is one message, as for DTO errors. */
export class InvalidExerciseTemplate extends InvalidRequest {}

/** An exercise library that cannot be imported; nothing of it was saved. Each problem is one message, as for DTO errors. */
export class InvalidExerciseLibrary extends InvalidRequest {}
