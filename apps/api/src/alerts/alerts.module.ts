import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

/** Why a case needs attention, stored when it arises and acknowledged by a clinician. */
@Module({
  imports: [AuditModule, CasesModule],
  controllers: [AlertsController],
  providers: [AlertsService],
  exports: [AlertsService],
})
export class AlertsModule {}
