/**
 * A failure the user can act on. Features name their own (CaseNotFound,
 * EmailAlreadyRegistered, ...); the one exception filter maps them to HTTP.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** Extra fields the client can act on, sent beside statusCode/error/message (e.g. a 409's currentVersion). */
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
}

export class ConflictError extends DomainError {
  readonly status = 409;
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
}
