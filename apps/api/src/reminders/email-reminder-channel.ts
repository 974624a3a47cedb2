import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { sessionReminderMail } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { appointmentTime } from './appointment-time';
import type { ReminderChannel, ReminderRecipient, SessionReminder } from './reminder-channel';
import { sessionInvitation } from './session-invitation';

/** The reminder as an e-mail with the appointment's calendar file attached. */
@Injectable()
export class EmailReminderChannel implements ReminderChannel {
  readonly name = 'email';

  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  reaches(recipient: ReminderRecipient): boolean {
    return recipient.email !== null;
  }

  async send(recipient: ReminderRecipient, reminder: SessionReminder): Promise<void> {
    if (!recipient.email) return;
    const { long, short } = appointmentTime(reminder.startsAt, reminder.timeZone);
    const content = sessionReminderMail({
      sessionId: reminder.sessionId,
      when: long,
      shortWhen: short,
      durationMinutes: reminder.durationMinutes,
      modality: reminder.modality,
      address: reminder.address,
      portalUrl: this.config.links.portalUrl,
    });
    await this.mail.send(recipient.email, {
      ...content,
      attachments: [{ filename: 'appointment.ics', content: sessionInvitation(reminder), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
    });
  }
}
