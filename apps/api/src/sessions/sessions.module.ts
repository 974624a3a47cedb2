import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { RemindersModule } from '../reminders/reminders.module';
import { PortalSessionsController } from './portal-sessions.controller';
import { SessionAttendanceService } from './session-attendance.service';
import { SessionOutcomes } from './session-outcomes';
import { SessionSchedulingService } from './session-scheduling.service';
import { SessionSeries } from './session-series.entity';
import { SessionRecord } from './session.entity';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [TypeOrmModule.forFeature([SessionRecord, SessionSeries]), AuditModule, CasesModule, RemindersModule],
  controllers: [SessionsController, PortalSessionsController],
  providers: [SessionsService, SessionSchedulingService, SessionAttendanceService, SessionOutcomes],
  exports: [SessionsService, SessionOutcomes],
})
export class SessionsModule {}
