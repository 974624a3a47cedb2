import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AgendaQuery } from '@trustwork/contracts';
import { IsISO8601, IsNotEmpty, IsOptional, IsUUID } from 'class-validator';

const RANGE_MESSAGE = (field: string) => `${field} must be a date and time with its time zone, such as 2026-03-14T00:00:00Z`;

export class AgendaQueryDto implements AgendaQuery {
  @ApiProperty({ format: 'date-time', description: 'inclusive' })
  @IsISO8601({ strict: true }, { message: RANGE_MESSAGE('from') })
  @IsNotEmpty({ message: 'from is required' })
  from: string;

  @ApiProperty({ format: 'date-time', description: 'exclusive; at most 31 days after from' })
  @IsISO8601({ strict: true }, { message: RANGE_MESSAGE('to') })
  @IsNotEmpty({ message: 'to is required' })
  to: string;

  @ApiPropertyOptional({ description: 'only cases assigned to this clinician' })
  @IsOptional()
  @IsUUID('loose', { message: 'clinicianId must be a UUID' })
  clinicianId?: string;
}
