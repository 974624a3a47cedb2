import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SessionClashQuery } from '@trustwork/contracts';
import { Transform, Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsUUID } from 'class-validator';
import { AttendeeIdsField, DurationField, StartsAtField } from './session-fields';

export class SessionClashQueryDto implements SessionClashQuery {
  @ApiProperty()
  @IsUUID('loose', { message: 'caseId must be a UUID' })
  @IsNotEmpty({ message: 'caseId is required' })
  caseId: string;

  @StartsAtField(true)
  startsAt: string;

  @DurationField(true)
  @Type(() => Number)
  durationMinutes: number;

  /** A query names one attendee as a single value: still a list of one. */
  @AttendeeIdsField()
  @Transform(({ value }) => (typeof value === 'string' ? [value] : value))
  attendeeIds?: string[];

  @ApiPropertyOptional({ description: 'the session being moved, left out of its own clashes' })
  @IsUUID('loose', { message: 'excludeSessionId must be a UUID' })
  @IsOptional()
  excludeSessionId?: string;
}
