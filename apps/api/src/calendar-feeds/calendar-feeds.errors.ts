import { NotFoundError } from '../common/errors/domain-error';

/** Unknown, replaced, turned off or mangled: one answer, so an address's fate cannot be probed. */
export class CalendarFeedNotFound extends NotFoundError {
  constructor() {
    super('This calendar address does not work. Ask for a new one in Trustwork under Your settings.');
  }
}
