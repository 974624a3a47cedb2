import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsModule } from '../agreements/agreements.module';
import { AssignmentsModule } from '../assignments/assignments.module';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { CheckInsModule } from '../check-ins/check-ins.module';
import { noteCipherProvider } from '../common/crypto/note-cipher.provider';
import { PracticesModule } from '../practices/practices.module';
import { SafetyReportsModule } from '../safety-reports/safety-reports.module';
import { SessionsModule } from '../sessions/sessions.module';
import { CaseExportController } from './case-export.controller';
import { CaseExportService } from './case-export.service';
import { NoteAddendumRecord } from './note-addendum.entity';
import { NoteRecord } from './note.entity';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';

@Module({
  imports: [TypeOrmModule.forFeature([NoteRecord, NoteAddendumRecord]), AuditModule, CasesModule, SessionsModule, AssignmentsModule, CheckInsModule, SafetyReportsModule, PracticesModule, AgreementsModule],
  controllers: [NotesController, CaseExportController],
  providers: [
    NotesService,
    CaseExportService,
    noteCipherProvider,
  ],
})
export class NotesModule {}
