import { ApiPropertyOptional } from '@nestjs/swagger';
import { ALERT_NOTE_MAX_LENGTH, type AcknowledgeAlertRequest } from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class AcknowledgeAlertDto implements AcknowledgeAlertRequest {
  @ApiPropertyOptional({ maxLength: ALERT_NOTE_MAX_LENGTH, nullable: true, description: 'How it was handled' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  // Stacked constraints run bottom first.
  @MaxLength(ALERT_NOTE_MAX_LENGTH, { message: `note must be at most ${ALERT_NOTE_MAX_LENGTH} characters` })
  @IsString({ message: 'note must be text' })
  @IsOptional()
  note?: string | null;
}
