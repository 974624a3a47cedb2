import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { PortalSafetyReportsController, SafetyReportsController } from './safety-reports.controller';
import { SafetyReportsService } from './safety-reports.service';

/** Private safety reports from a participant to the therapist; open ones are caseload alerts (see CasesService). */
@Module({
  imports: [AuditModule, CasesModule],
  controllers: [SafetyReportsController, PortalSafetyReportsController],
  providers: [SafetyReportsService],
})
export class SafetyReportsModule {}
