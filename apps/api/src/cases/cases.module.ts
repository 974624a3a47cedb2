import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CaseAccess } from './case-access.service';
import { CaseEventsService } from './case-events.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CaseClinician } from './entities/case-clinician.entity';
import { CaseEventRecord } from './entities/case-event.entity';
import { CasePhaseChange } from './entities/case-phase-change.entity';
import { ParticipantRecord } from './entities/participant.entity';
import { TherapyCase } from './entities/therapy-case.entity';
import { ParticipantsService } from './participants.service';

@Module({
  imports: [TypeOrmModule.forFeature([TherapyCase, ParticipantRecord, CaseClinician, CasePhaseChange, CaseEventRecord]), AuditModule],
  controllers: [CasesController],
  providers: [CasesService, CaseEventsService, CaseAccess, ParticipantsService],
  exports: [CaseAccess, CasesService, CaseEventsService, ParticipantsService],
})
export class CasesModule {}
