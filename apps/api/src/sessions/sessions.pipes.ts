import { ParseUUIDPipe } from '@nestjs/common';
import { SessionNotFound } from './sessions.errors';

/** A session id that is not even a UUID cannot exist: 404 like any unknown session. */
export const SessionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new SessionNotFound() });
