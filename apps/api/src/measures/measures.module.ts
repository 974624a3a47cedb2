import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { MeasuresController } from './measures.controller';
import { MeasuresService } from './measures.service';

/** Standard questionnaires (the CSI-4), assigned like homework and scored on the server. */
@Module({
  imports: [AlertsModule, AuditModule],
  controllers: [MeasuresController],
  providers: [MeasuresService],
  exports: [MeasuresService],
})
export class MeasuresModule {}
