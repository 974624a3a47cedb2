import type { ApiErrorCode } from '@trustwork/contracts';

/**
 * A failure the user can act on. Features name their own (CaseNotFound,
 * EmailAlreadyRegistered, ...); the one exception filter maps them to HTTP.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** Extra fields the client can act on, sent beside statusCode/error/message (e.g. a 409's currentVersion, a clash list). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Set where the client must act on the kind of refusal (ask for a code, open the required step, start again). */
  readonly code?: ApiErrorCode;
  constructor(message: string, code?: ApiErrorCode) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * The one 400: a request that cannot be carried out as sent, with one message per problem
 * (each naming its field where it has one), as field validation lists them. Features name
 * their own kinds (InvalidAssignment, InvalidIntake, ...) by extending it.
 */
export class InvalidRequest extends DomainError {
  readonly status = 400;
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.join(' '));
    this.problems = list;
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
}

export class ConflictError extends DomainError {
  readonly status = 409;
}

/**
 * A change based on another version than the stored one (a note, a template). The body carries
 * `currentVersion`, so the client can reload (or compare) and save again.
 */
export class StaleVersion extends ConflictError {
  readonly details: { currentVersion: number };
  constructor(message: string, currentVersion: number) {
    super(message);
    this.details = { currentVersion };
  }
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
}

/** Too many wrong tries at one account's secret (a code, a password), whichever address they came from. */
export class TooManyAttemptsError extends DomainError {
  readonly status = 429;
}
