import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { CheckInsController, PortalCheckInsController } from './check-ins.controller';
import { CheckInsService } from './check-ins.service';

/** Weekly check-ins: sent from the portal, read by the case's clinicians. */
@Module({
  imports: [AuditModule, CasesModule, AlertsModule],
  controllers: [CheckInsController, PortalCheckInsController],
  providers: [CheckInsService],
  exports: [CheckInsService],
})
export class CheckInsModule {}
