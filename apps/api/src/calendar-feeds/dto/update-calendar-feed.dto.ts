import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateCalendarFeedRequest } from '@trustwork/contracts';
import { IsBoolean, ValidateIf } from 'class-validator';

export class UpdateCalendarFeedDto implements UpdateCalendarFeedRequest {
  @ApiPropertyOptional({ description: 'true: a new secret address; the old one stops working' })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean({ message: 'newAddress must be true or false' })
  newAddress?: boolean;

  @ApiPropertyOptional({ description: 'Put video links in the feed (left out by default)' })
  @ValidateIf((_object, value) => value !== undefined)
  @IsBoolean({ message: 'includeVideoLinks must be true or false' })
  includeVideoLinks?: boolean;
}
