import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AttentionController } from './attention.controller';
import { AttentionService } from './attention.service';

@Module({
  imports: [AuditModule],
  controllers: [AttentionController],
  providers: [AttentionService],
})
export class AttentionModule {}
