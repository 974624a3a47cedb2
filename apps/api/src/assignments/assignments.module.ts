import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { ExercisesModule } from '../exercises/exercises.module';
import { MeasuresModule } from '../measures/measures.module';
import { AssignmentsController, PortalAssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';

/** Homework: assignments a clinician gives, and the answers participants send from their portal. */
@Module({
  imports: [AuditModule, CasesModule, ExercisesModule, MeasuresModule, AlertsModule],
  controllers: [AssignmentsController, PortalAssignmentsController],
  providers: [AssignmentsService],
  exports: [AssignmentsService],
})
export class AssignmentsModule {}
