import { BadRequestException } from '@nestjs/common';

/**
 * A sheet whose answers cannot be scored. Answers are checked against the assignment's
 * prompts before they are stored, so this guards against a measure changing under an
 * assignment rather than against a participant's typing.
 */
export class UnscorableMeasureSheet extends BadRequestException {
  constructor(problems: string[]) {
    super(problems);
  }
}
