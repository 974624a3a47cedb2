import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { JobsModule } from '../jobs/jobs.module';
import { MailModule } from '../mail/mail.module';
import { Clock } from './clock';
import { ReminderPreferencesService } from './reminder-preferences.service';
import { PortalRemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

/**
 * E-mail reminders and notices, sent by background jobs: homework due today to
 * participants, safety reports and the weekly digest to the team, and the hourly
 * alerts sweep. Other features queue work through RemindersService.
 */
@Module({
  imports: [JobsModule, MailModule, AlertsModule, AuditModule, CasesModule],
  controllers: [PortalRemindersController],
  providers: [RemindersService, ReminderPreferencesService, Clock],
  exports: [RemindersService],
})
export class RemindersModule {}
