import { Injectable } from '@nestjs/common';
import type { PortalReminders, UpdatePortalRemindersRequest } from '@trustwork/contracts';
import { PracticeScope } from '../database/practice-scope';

/** Changes to a participant's record that other features ask for (cases owns the participants table). */
@Injectable()
export class ParticipantsService {
  constructor(private readonly scope: PracticeScope) {}

  /** Homework and/or session reminders on or off (a choice left out stays), with whether there is an e-mail address to send them to. */
  async setReminders(practiceId: string, participantId: string, choice: UpdatePortalRemindersRequest): Promise<PortalReminders> {
    // TypeORM answers an UPDATE with [rows, count].
    const [[row]]: [PortalReminders[], number] = await this.scope.manager.query(
      `UPDATE participants SET homework_reminders = coalesce($3, homework_reminders), session_reminders = coalesce($4, session_reminders), updated_at = now()
       WHERE practice_id = $1 AND id = $2
       RETURNING nullif(trim(email), '') IS NOT NULL AS email, homework_reminders AS homework, session_reminders AS sessions`,
      [practiceId, participantId, choice.homework ?? null, choice.sessions ?? null],
    );
    return row;
  }
}
