import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AttentionQuery } from '@trustwork/contracts';
import { IsOptional, IsUUID } from 'class-validator';

export class AttentionQueryDto implements AttentionQuery {
  @ApiPropertyOptional({ description: "only cases assigned to this clinician (Home's \"Only my cases\")" })
  @IsOptional()
  @IsUUID('loose', { message: 'clinicianId must be a UUID' })
  clinicianId?: string;
}
