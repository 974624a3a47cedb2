import { IDEMPOTENCY_KEY_MAX_LENGTH } from '@trustwork/contracts';
import { InvalidRequest } from './errors/domain-error';

export class InvalidIdempotencyKey extends InvalidRequest {}

/** Printable ASCII without spaces: a UUID, a ULID or any client-made random string fits. */
const KEY_SHAPE = new RegExp(`^[\\x21-\\x7E]{1,${IDEMPOTENCY_KEY_MAX_LENGTH}}$`);

/** The optional `Idempotency-Key` header: absent is fine, malformed is a 400 rather than a silently ignored key. */
export function idempotencyKeyOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (!KEY_SHAPE.test(header)) {
    throw new InvalidIdempotencyKey(`Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} letters, digits or symbols without spaces, such as a UUID`);
  }
  return header;
}
