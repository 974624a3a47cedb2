import type { SessionClash } from '@trustwork/contracts';
import { ConflictError, InvalidRequest, NotFoundError } from '../common/errors/domain-error';

export class SessionNotFound extends NotFoundError {
  constructor() {
    super('No session with that id in your caseload.');
  }
}

export class InvalidSessionChange extends InvalidRequest {}

export class InvalidAgendaRange extends InvalidRequest {}

/** The 409 that lists the clashes, so the form can show them and offer to save anyway. */
export class SessionClashes extends ConflictError {
  readonly details: { clashes: SessionClash[] };
  constructor(clashes: SessionClash[]) {
    const names = [...new Set(clashes.map((clash) => clash.who.name))];
    const who = names.length === 1 ? `${names[0]} already has` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} already have`;
    super(`${who} a session at that time. Choose another time, or save anyway with allowClashes.`);
    this.details = { clashes };
  }
}

export class SessionNotCancellable extends ConflictError {
  constructor(status: string) {
    super(`Only a scheduled session can be cancelled; this one is ${status}.`);
  }
}
