import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

function messagesOf(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      // class-validator's whitelist message names the field already; keep it readable.
      // A nested field's message names its whole path, so it says which person it is about.
      message
        .replace(/^property (\S+) should not exist$/, `${field} is not a field this request accepts`)
        .replace(new RegExp(`^${error.property} `), `${field} `),
    );
    return [...own, ...messagesOf(error.children ?? [], field)];
  });
}

/** Unknown fields are refused, types converted, and every field problem listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new BadRequestException(messagesOf(errors)),
  });
}
