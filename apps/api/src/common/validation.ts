import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';

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

/** Keys Nest strips silently before validating, so the whitelist never sees them to refuse them. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Where a NUL character sits in a body or query (PostgreSQL cannot store one in text), found without recursion so any depth is safe. */
function nulCharacterPath(value: unknown): string | undefined {
  const pending: [string, unknown][] = [['', value]];
  while (pending.length > 0) {
    const [path, item] = pending.pop() as [string, unknown];
    if (typeof item === 'string' && item.includes('\u0000')) return path || 'the request';
    if (item !== null && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) {
        if (key.includes('\u0000')) return path || 'the request';
        pending.push([path ? `${path}.${key}` : key, inner]);
      }
    }
  }
  return undefined;
}

/**
 * Nest's pipe reads a JSON `null` body as `{}` and drops prototype keys unseen, so such a request
 * would pass as an empty or a smaller one; and a NUL character would reach PostgreSQL, which refuses it.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype, type } = metadata;
    if (!metatype || !this.toValidate(metadata) || (type !== 'body' && type !== 'query')) return super.transform(value, metadata);
    if (type === 'body' && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new BadRequestException(['The request body must be a JSON object.']);
    }
    const fields = value === undefined ? {} : (value as Record<string, unknown>);
    const refused = PROTOTYPE_KEYS.filter((key) => Object.prototype.hasOwnProperty.call(fields, key));
    if (refused.length > 0) throw new BadRequestException(refused.map((key) => `${key} is not a field this request accepts`));
    const withNul = nulCharacterPath(fields);
    if (withNul) throw new BadRequestException([`${withNul} must not contain the NUL character`]);
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused, types converted, and every field problem listed. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new BadRequestException(messagesOf(errors)),
  });
}
