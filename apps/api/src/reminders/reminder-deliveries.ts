import { Injectable, Logger } from '@nestjs/common';
import { PracticeScope } from '../database/practice-scope';

export type DeliveryKind = 'homework-due' | 'safety-report' | 'weekly-digest' | 'session-reminder' | 'session-cancelled';

/** What makes one delivery: a second with the same three is never sent. */
export interface Delivery {
  kind: DeliveryKind;
  recipientId: string;
  subject: string;
}

/** The bookkeeping every reminder shares: each practice in turn, and each message once. */
@Injectable()
export class ReminderDeliveries {
  private readonly logger = new Logger(ReminderDeliveries.name);

  constructor(private readonly scope: PracticeScope) {}

  /**
   * Records the delivery and sends in one transaction: of several instances only the one
   * whose insert wins sends (the others wait on the unique key, then find it taken), and
   * a failed send rolls the record back so the next run tries again.
   */
  async once(practiceId: string, delivery: Delivery, send: () => Promise<void>): Promise<void> {
    await this.scope.runInBackground(practiceId, async () => {
      const inserted: unknown[] = await this.scope.manager.query(
        `INSERT INTO reminder_deliveries (practice_id, kind, recipient_id, subject) VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT reminder_deliveries_once DO NOTHING RETURNING id`,
        [practiceId, delivery.kind, delivery.recipientId, delivery.subject],
      );
      if (inserted.length > 0) await send();
    });
  }

  /** Each practice under its own row-level security; one practice's failure does not stop the rest. */
  async forEachPractice(work: (practiceId: string) => Promise<void>): Promise<void> {
    const failures: unknown[] = [];
    for (const id of await this.scope.allPracticeIds()) {
      await work(id).catch((error: unknown) => {
        this.logger.error(`Practice ${id}: ${error instanceof Error ? error.message : String(error)}`);
        failures.push(error);
      });
    }
    // Failing the job lets pg-boss retry it; what was delivered is not sent again.
    if (failures.length > 0) throw failures[0];
  }
}
