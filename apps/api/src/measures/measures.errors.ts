import { InvalidRequest } from '../common/errors/domain-error';

/**
 * A sheet whose answers cannot be scored. Answers are checked against the assignment's
 * prompts before they are stored, so this guards against a measure changing under an
 * assignment rather than against a participant's typing.
 */
export class UnscorableMeasureSheet extends InvalidRequest {}
