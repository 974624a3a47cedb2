import { Injectable } from '@nestjs/common';
import type { PortalReminders } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import { ParticipantsService } from '../cases/participants.service';
import type { AuthenticatedParticipant } from '../common/authenticated-participant';

/** A participant's own choice of e-mails, made from their portal. */
@Injectable()
export class ReminderPreferencesService {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly audit: AuditService,
  ) {}

  async update(participant: AuthenticatedParticipant, homework: boolean): Promise<PortalReminders> {
    const reminders = await this.participants.setHomeworkReminders(participant.practiceId, participant.participantId, homework);
    await this.audit.record(participant.practiceId, {
      action: 'participant.update',
      recordType: 'participant',
      recordId: participant.participantId,
      caseId: participant.caseId,
    });
    return reminders;
  }
}
