import { ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_EXPORT_FORMATS, CaseExportFormat, type CaseExportQuery } from '@trustwork/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class CaseExportQueryDto implements CaseExportQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'a participant of the case: only what belongs to their records request (never the other participant’s private records)',
  })
  @IsOptional()
  @IsUUID('loose', { message: 'participant must be the id of one of this case’s participants' })
  participant?: string;

  @ApiPropertyOptional({
    enum: CASE_EXPORT_FORMATS,
    default: CaseExportFormat.Json,
    description: '`json` for a transfer between systems; `pdf` for a person to read (the same content and exclusions)',
  })
  @IsOptional()
  @IsIn(CASE_EXPORT_FORMATS, { message: `format must be one of: ${CASE_EXPORT_FORMATS.join(', ')}` })
  format?: CaseExportFormat;
}
