import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { RemindersModule } from '../reminders/reminders.module';
import { PortalSafetyReportsController, SafetyReportsController } from './safety-reports.controller';
import { SafetyReportsService } from './safety-reports.service';

/** Private safety reports from a participant to the therapist; each raises a caseload alert until acknowledged (see AlertsService). */
@Module({
  imports: [AuditModule, CasesModule, AlertsModule, RemindersModule],
  controllers: [SafetyReportsController, PortalSafetyReportsController],
  providers: [SafetyReportsService],
  exports: [SafetyReportsService],
})
export class SafetyReportsModule {}
