import { ApiPropertyOptional } from '@nestjs/swagger';
import { CANCEL_REASON_MAX_LENGTH, type PortalCancelSessionRequest } from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class PortalCancelSessionDto implements PortalCancelSessionRequest {
  @ApiPropertyOptional({ maxLength: CANCEL_REASON_MAX_LENGTH, description: 'Why they cannot come, in their own words; read by the clinician only' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || undefined : value))
  // Stacked constraints run bottom first.
  @MaxLength(CANCEL_REASON_MAX_LENGTH, { message: `reason must be at most ${CANCEL_REASON_MAX_LENGTH} characters` })
  @IsString({ message: 'reason must be text' })
  @IsOptional()
  reason?: string;
}
