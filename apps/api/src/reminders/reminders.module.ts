import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { JobsModule } from '../jobs/jobs.module';
import { MailModule } from '../mail/mail.module';
import { Clock } from './clock';
import { EmailReminderChannel } from './email-reminder-channel';
import { REMINDER_CHANNELS, type ReminderChannel } from './reminder-channel';
import { ReminderDeliveries } from './reminder-deliveries';
import { ReminderPreferencesService } from './reminder-preferences.service';
import { PortalRemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';
import { SessionRemindersService } from './session-reminders.service';

/**
 * E-mail reminders and notices, sent by background jobs: homework due today and
 * upcoming sessions to participants, safety reports, clients' cancellations and the
 * weekly digest to the team, and the hourly alerts sweep. Other features queue work
 * through RemindersService. A session reminder goes out through every channel in
 * REMINDER_CHANNELS that reaches the person (add a text-message one there).
 */
@Module({
  imports: [JobsModule, MailModule, AlertsModule, AuditModule, CasesModule],
  controllers: [PortalRemindersController],
  providers: [
    RemindersService,
    SessionRemindersService,
    ReminderPreferencesService,
    ReminderDeliveries,
    Clock,
    EmailReminderChannel,
    { provide: REMINDER_CHANNELS, useFactory: (email: EmailReminderChannel): ReminderChannel[] => [email], inject: [EmailReminderChannel] },
  ],
  exports: [RemindersService],
})
export class RemindersModule {}
