import { BadRequestException } from '@nestjs/common';

/**
 * An intake whose fields are each fine but do not fit together (a linked person sent with
 * new details, an exercise for a person not named). A BadRequestException, so the one filter
 * lists each problem under its field path, as for DTO errors.
 */
export class InvalidIntake extends BadRequestException {
  constructor(problems: string[]) {
    super(problems);
  }
}
