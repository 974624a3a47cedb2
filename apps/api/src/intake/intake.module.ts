import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { PortalModule } from '../portal/portal.module';
import { IntakeController } from './intake.controller';
import { IntakeService } from './intake.service';

/** Linked intake: one form opens a case with both people, first exercises and portal links. */
@Module({
  imports: [AuditModule, CasesModule, AssignmentsModule, PortalModule],
  controllers: [IntakeController],
  providers: [IntakeService],
})
export class IntakeModule {}
