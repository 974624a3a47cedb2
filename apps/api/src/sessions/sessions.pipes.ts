import { recordIdPipe } from '../common/record-id-pipe';
import { SessionNotFound } from './sessions.errors';

/** A session id that is not even a UUID cannot exist: 404 like any unknown session. */
export const SessionIdPipe = recordIdPipe(() => new SessionNotFound());
