import { Injectable } from '@nestjs/common';
import type { PortalReminders, UpdatePortalRemindersRequest } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import { ParticipantsService } from '../cases/participants.service';
import type { AuthenticatedParticipant } from '../common/authenticated-participant';
import { InvalidReminderChoice } from './reminders.errors';

/** A participant's own choice of e-mails, made from their portal. */
@Injectable()
export class ReminderPreferencesService {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly audit: AuditService,
  ) {}

  async update(participant: AuthenticatedParticipant, choice: UpdatePortalRemindersRequest): Promise<PortalReminders> {
    if (choice.homework === undefined && choice.sessions === undefined) {
      throw new InvalidReminderChoice('Say which e-mails to turn on or off: homework, sessions, or both (true or false).');
    }
    const reminders = await this.participants.setReminders(participant.practiceId, participant.participantId, choice);
    await this.audit.record(participant.practiceId, {
      action: 'participant.update',
      recordType: 'participant',
      recordId: participant.participantId,
      caseId: participant.caseId,
    });
    return reminders;
  }
}
