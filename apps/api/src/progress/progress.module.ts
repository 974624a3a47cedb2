import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

/** A case's progress over time: check-ins, measures, homework, events and phases on one chart. */
@Module({
  imports: [AuditModule, CasesModule],
  controllers: [ProgressController],
  providers: [ProgressService],
})
export class ProgressModule {}
