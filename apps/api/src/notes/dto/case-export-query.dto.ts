import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CaseExportQuery } from '@trustwork/contracts';
import { IsOptional, IsUUID } from 'class-validator';

export class CaseExportQueryDto implements CaseExportQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'a participant of the case: only what belongs to their records request (never the other participant’s private records)',
  })
  @IsOptional()
  @IsUUID('loose', { message: 'participant must be the id of one of this case’s participants' })
  participant?: string;
}
