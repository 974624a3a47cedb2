import { ApiPropertyOptional } from '@nestjs/swagger';
import type { RegisterPracticeRequest } from '@trustwork/contracts';
import { IsOptional } from 'class-validator';
import { EmailField, NameField, NewPasswordField } from '../../common/dto-fields';
import { IsTimeZone } from '../../common/time-zone';

export class RegisterPracticeDto implements RegisterPracticeRequest {
  @NameField('practiceName')
  practiceName: string;

  @NameField('name')
  name: string;

  @EmailField()
  email: string;

  @NewPasswordField()
  password: string;

  @ApiPropertyOptional({ example: 'Europe/London', default: 'UTC' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be a time zone name such as Europe/London' })
  timeZone?: string;
}
