import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ScheduleSessionRequest, SessionModality } from '@trustwork/contracts';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { AddressField, AllowClashesField, AttendeeIdsField, DurationField, ModalityField, StartsAtField, VideoUrlField } from './session-fields';
import { SessionRepeatDto } from './session-repeat.dto';

export class ScheduleSessionDto implements ScheduleSessionRequest {
  @StartsAtField(true)
  startsAt: string;

  @DurationField(true)
  durationMinutes: number;

  @ModalityField(true)
  modality: SessionModality;

  @AttendeeIdsField()
  attendeeIds?: string[];

  @AddressField()
  address?: string | null;

  @VideoUrlField()
  videoUrl?: string | null;

  @ApiPropertyOptional({ type: SessionRepeatDto })
  @ValidateNested()
  @Type(() => SessionRepeatDto)
  @IsObject({ message: 'repeat must be an object with frequency and either count or until' })
  @IsOptional()
  repeat?: SessionRepeatDto;

  @AllowClashesField()
  allowClashes?: boolean;
}
