import { ApiPropertyOptional } from '@nestjs/swagger';
import { PROGRESS_DEFAULT_WEEKS, type ProgressQuery } from '@trustwork/contracts';
import { IsOptional } from 'class-validator';
import { CalendarDate } from '../../assignments/dto/assignment-fields';

export class ProgressQueryDto implements ProgressQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-01-05', description: `first day shown, in the practice's time zone; defaults to ${PROGRESS_DEFAULT_WEEKS} weeks before to` })
  @IsOptional()
  @CalendarDate('from')
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-03-29', description: "last day shown, in the practice's time zone; defaults to today" })
  @IsOptional()
  @CalendarDate('to')
  to?: string;
}
