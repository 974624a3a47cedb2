import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { InvalidRequest } from './errors/domain-error';

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

/** Said of text that holds half a surrogate pair, wherever it arrives. */
export const BROKEN_TEXT = 'must be valid Unicode text (it holds a broken character, such as half of a UTF-16 surrogate pair)';

/** A surrogate outside a pair: with the u flag, a paired one reads as the one character it makes. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why PostgreSQL could not keep this text as written: it refuses a NUL, and turns half a surrogate pair into U+FFFD (or, in JSON, refuses it). */
function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character';
  if (LONE_SURROGATE.test(text)) return BROKEN_TEXT;
  return undefined;
}

/** Text PostgreSQL stores exactly as sent. */
export const isStorableText = (text: string): boolean => textProblem(text) === undefined;

/** The first text in a body, query or path parameter that cannot be stored as sent, named by its path; found without recursion so any depth is safe. */
function unstorableText(value: unknown, root: string): string | undefined {
  const pending: [string, unknown][] = [[root, value]];
  while (pending.length > 0) {
    const [path, item] = pending.pop() as [string, unknown];
    const problem = typeof item === 'string' ? textProblem(item) : undefined;
    if (problem) return `${path || 'the request'} ${problem}`;
    if (item !== null && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) {
        const keyProblem = textProblem(key);
        if (keyProblem) return `a field name in ${path || 'the request'} ${keyProblem}`;
        pending.push([path ? `${path}.${key}` : key, inner]);
      }
    }
  }
  return undefined;
}

/**
 * Nest's pipe reads a JSON `null` body as `{}` and drops prototype keys unseen, so such a request
 * would pass as an empty or a smaller one; and text PostgreSQL cannot keep as written (a NUL, half a
 * surrogate pair) is refused wherever it arrives, whether or not a DTO describes the value.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype, type } = metadata;
    if (type === 'body' || type === 'query' || type === 'param') {
      const broken = unstorableText(value, metadata.data ?? '');
      if (broken) throw new InvalidRequest([broken]);
    }
    if (!metatype || !this.toValidate(metadata) || (type !== 'body' && type !== 'query')) return super.transform(value, metadata);
    if (type === 'body' && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new InvalidRequest(['The request body must be a JSON object.']);
    }
    const fields = value === undefined ? {} : (value as Record<string, unknown>);
    const refused = PROTOTYPE_KEYS.filter((key) => Object.prototype.hasOwnProperty.call(fields, key));
    if (refused.length > 0) throw new InvalidRequest(refused.map((key) => `${key} is not a field this request accepts`));
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
    exceptionFactory: (errors) => new InvalidRequest(messagesOf(errors)),
  });
}
