import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AgreementReminderRequest } from '@trustwork/contracts';
import { IsOptional, IsUUID } from 'class-validator';

export class AgreementReminderDto implements AgreementReminderRequest {
  @ApiPropertyOptional({ description: 'only this person; both when left out' })
  @IsOptional()
  @IsUUID('loose', { message: 'participantId must be the id of one of the case’s participants' })
  participantId?: string;
}
