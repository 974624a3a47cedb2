import { ApiPropertyOptional } from '@nestjs/swagger';
import type { StepUpRequest } from '@trustwork/contracts';
import { ValidateIf } from 'class-validator';
import { CurrentPasswordField, TwoFactorCodeField } from '../../common/dto-fields';

/** A code when the person has two-factor, otherwise their password (the service says which is missing). */
export class StepUpDto implements StepUpRequest {
  @ApiPropertyOptional({ example: '123456' })
  @ValidateIf((_object, value) => value !== undefined)
  @TwoFactorCodeField('code')
  code?: string;

  @ApiPropertyOptional()
  @ValidateIf((_object, value) => value !== undefined)
  @CurrentPasswordField('password')
  password?: string;
}
