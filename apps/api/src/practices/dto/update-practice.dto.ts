import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdatePracticeRequest } from '@trustwork/contracts';
import { IsOptional } from 'class-validator';
import { NameField } from '../../common/dto-fields';
import { IsTimeZone } from '../../common/time-zone';

export class UpdatePracticeDto implements UpdatePracticeRequest {
  @IsOptional()
  @NameField('name')
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be a time zone name such as Europe/London' })
  timeZone?: string;
}
