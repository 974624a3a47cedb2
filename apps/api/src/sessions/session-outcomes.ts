import { Injectable } from '@nestjs/common';
import type { SessionStatus } from '@trustwork/contracts';

/** A session whose status changed: held, missed, cancelled, or put back to scheduled. */
export interface SessionOutcome {
  practiceId: string;
  sessionId: string;
  caseId: string;
  status: SessionStatus;
  previousStatus: SessionStatus;
  /** A person cancelled inside the practice's notice period (never set for the team's cancellations). */
  cancellationLate: boolean;
  /** The team member who made the change; null when a person did (from the portal). */
  userId: string | null;
}

export type SessionOutcomeListener = (outcomes: SessionOutcome[]) => Promise<void>;

/**
 * Lets features that act on what became of a session (billing charges a held one) register
 * here rather than be called by sessions, which would make a module cycle. Listeners run in
 * the same transaction as the change, so a refused charge rolls the status change back.
 */
@Injectable()
export class SessionOutcomes {
  private readonly listeners: SessionOutcomeListener[] = [];

  onOutcome(listener: SessionOutcomeListener): void {
    this.listeners.push(listener);
  }

  async changed(outcomes: SessionOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    for (const listener of this.listeners) await listener(outcomes);
  }
}
