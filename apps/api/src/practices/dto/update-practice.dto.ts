import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdatePracticeRequest } from '@trustwork/contracts';
import { ValidateIf } from 'class-validator';
import { NameField } from '../../common/dto-fields';
import { IsTimeZone } from '../../common/time-zone';

export class UpdatePracticeDto implements UpdatePracticeRequest {
  @ValidateIf((_object, value) => value !== undefined)
  @NameField('name')
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @ValidateIf((_object, value) => value !== undefined)
  @IsTimeZone({ message: 'timeZone must be a time zone name such as Europe/London' })
  timeZone?: string;
}
