import { Injectable } from '@nestjs/common';
import type { PortalReminders } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import { PracticeScope } from '../database/practice-scope';
import type { AuthenticatedParticipant } from '../portal/authenticated-participant';

/** A participant's own choice of e-mails, made from their portal. */
@Injectable()
export class ReminderPreferencesService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
  ) {}

  async update(participant: AuthenticatedParticipant, homework: boolean): Promise<PortalReminders> {
    // TypeORM answers an UPDATE with [rows, count].
    const [[row]]: [PortalReminders[], number] = await this.scope.manager.query(
      `UPDATE participants SET homework_reminders = $3, updated_at = now() WHERE practice_id = $1 AND id = $2
       RETURNING nullif(trim(email), '') IS NOT NULL AS email, homework_reminders AS homework`,
      [participant.practiceId, participant.participantId, homework],
    );
    await this.audit.record(participant.practiceId, {
      action: 'participant.update',
      recordType: 'participant',
      recordId: participant.participantId,
      caseId: participant.caseId,
    });
    return row;
  }
}
