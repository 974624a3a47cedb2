import { ApiPropertyOptional } from '@nestjs/swagger';
import { CANCEL_REASON_MAX_LENGTH, type CancelSessionRequest, type SeriesScope } from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { SeriesScopeField } from './session-fields';

const REASON_MESSAGE = `reason must be text of at most ${CANCEL_REASON_MAX_LENGTH} characters`;

export class CancelSessionDto implements CancelSessionRequest {
  @SeriesScopeField()
  scope?: SeriesScope;

  /** For the team's own record; blank means none. */
  @ApiPropertyOptional({ maxLength: CANCEL_REASON_MAX_LENGTH, example: 'Clinician unwell' })
  @MaxLength(CANCEL_REASON_MAX_LENGTH, { message: REASON_MESSAGE })
  @IsString({ message: REASON_MESSAGE })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || undefined : value))
  reason?: string;
}
