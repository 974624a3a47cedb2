import { Injectable } from '@nestjs/common';
import type { PortalReminders } from '@trustwork/contracts';
import { PracticeScope } from '../database/practice-scope';

/** Changes to a participant's record that other features ask for (cases owns the participants table). */
@Injectable()
export class ParticipantsService {
  constructor(private readonly scope: PracticeScope) {}

  /** Homework reminders on or off, with whether there is an e-mail address to send them to. */
  async setHomeworkReminders(practiceId: string, participantId: string, homework: boolean): Promise<PortalReminders> {
    // TypeORM answers an UPDATE with [rows, count].
    const [[row]]: [PortalReminders[], number] = await this.scope.manager.query(
      `UPDATE participants SET homework_reminders = $3, updated_at = now() WHERE practice_id = $1 AND id = $2
       RETURNING nullif(trim(email), '') IS NOT NULL AS email, homework_reminders AS homework`,
      [practiceId, participantId, homework],
    );
    return row;
  }
}
