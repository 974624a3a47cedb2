import { ApiPropertyOptional } from '@nestjs/swagger';
import { ALERT_STATUSES, type AlertStatus, type CaseAlertQuery } from '@trustwork/contracts';
import { IsIn, IsOptional } from 'class-validator';

const STATUS_FILTERS = [...ALERT_STATUSES, 'all'] as const;

export class CaseAlertQueryDto implements CaseAlertQuery {
  @ApiPropertyOptional({ enum: STATUS_FILTERS, default: 'open' })
  @IsIn(STATUS_FILTERS, { message: `status must be one of: ${STATUS_FILTERS.join(', ')}` })
  @IsOptional()
  status?: AlertStatus | 'all';
}
