import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { AuditModule } from '../audit/audit.module';
import { SessionsModule } from '../sessions/sessions.module';
import { BriefsController } from './briefs.controller';
import { BriefsService } from './briefs.service';

/** The pre-session brief: what changed in a case since its previous session. */
@Module({
  imports: [AuditModule, SessionsModule, AgreementsModule],
  controllers: [BriefsController],
  providers: [BriefsService],
})
export class BriefsModule {}
