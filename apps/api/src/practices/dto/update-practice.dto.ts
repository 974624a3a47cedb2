import { ApiPropertyOptional } from '@nestjs/swagger';
import { IDLE_TIMEOUT_MAX_MINUTES, IDLE_TIMEOUT_MIN_MINUTES, type UpdatePracticeRequest } from '@trustwork/contracts';
import { IsBoolean, IsInt, Max, Min, ValidateIf } from 'class-validator';
import { NameField } from '../../common/dto-fields';
import { IsTimeZone } from '../../common/time-zone';

const IDLE_TIMEOUT_RANGE = `idleTimeoutMinutes must be a whole number of minutes from ${IDLE_TIMEOUT_MIN_MINUTES} to ${IDLE_TIMEOUT_MAX_MINUTES}`;

// Left out means unchanged; null is refused (IsOptional would let it through to a NOT NULL column).
const unlessLeftOut = ValidateIf((_object, value) => value !== undefined);

export class UpdatePracticeDto implements UpdatePracticeRequest {
  @unlessLeftOut
  @NameField('name')
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @unlessLeftOut
  @IsTimeZone({ message: 'timeZone must be a time zone name such as Europe/London' })
  timeZone?: string;

  @ApiPropertyOptional({ minimum: IDLE_TIMEOUT_MIN_MINUTES, maximum: IDLE_TIMEOUT_MAX_MINUTES, example: 15 })
  @unlessLeftOut
  @Max(IDLE_TIMEOUT_MAX_MINUTES, { message: IDLE_TIMEOUT_RANGE })
  @Min(IDLE_TIMEOUT_MIN_MINUTES, { message: IDLE_TIMEOUT_RANGE })
  @IsInt({ message: IDLE_TIMEOUT_RANGE })
  idleTimeoutMinutes?: number;

  @ApiPropertyOptional()
  @unlessLeftOut
  @IsBoolean({ message: 'requireTwoFactor must be true or false' })
  requireTwoFactor?: boolean;
}
