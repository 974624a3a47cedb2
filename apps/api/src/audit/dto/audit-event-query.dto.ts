import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_RECORD_TYPES, type AuditEventQuery, type AuditRecordType } from '@trustwork/contracts';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { QueryFlagField } from '../../common/dto-fields';
import { PageQueryDto } from '../../common/dto-pagination';

export class AuditEventQueryDto extends PageQueryDto implements AuditEventQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('loose', { message: 'actorId must be a UUID' })
  actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_RECORD_TYPES })
  @IsOptional()
  @IsIn(AUDIT_RECORD_TYPES, { message: `recordType must be one of: ${AUDIT_RECORD_TYPES.join(', ')}` })
  recordType?: AuditRecordType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('loose', { message: 'recordId must be a UUID' })
  recordId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('loose', { message: 'caseId must be a UUID' })
  caseId?: string;

  @QueryFlagField('changesOnly', 'leave out reads: only what was created or changed')
  changesOnly?: boolean;

  @ApiPropertyOptional({ description: 'ISO 8601 date or time, inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date such as 2026-01-31' })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 date or time, exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date such as 2026-01-31' })
  to?: string;
}
