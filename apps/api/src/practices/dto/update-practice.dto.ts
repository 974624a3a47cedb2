import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  CANCELLATION_NOTICE_MAX_HOURS,
  IDLE_TIMEOUT_MAX_MINUTES,
  IDLE_TIMEOUT_MIN_MINUTES,
  REMINDER_LEAD_MAX_HOURS,
  REMINDER_LEAD_MIN_HOURS,
  type UpdatePracticeRequest,
} from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { NameField } from '../../common/dto-fields';
import { IsTimeZone } from '../../common/time-zone';

const REMINDER_LEAD_RANGE = `reminderLeadHours must be a whole number of hours from ${REMINDER_LEAD_MIN_HOURS} to ${REMINDER_LEAD_MAX_HOURS}`;
const NOTICE_RANGE = `cancellationNoticeHours must be a whole number of hours from 0 to ${CANCELLATION_NOTICE_MAX_HOURS}`;
const ADDRESS_MESSAGE = 'officeAddress must be text of at most 300 characters, or null for none';
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

  @ApiPropertyOptional({ minimum: REMINDER_LEAD_MIN_HOURS, maximum: REMINDER_LEAD_MAX_HOURS, example: 24 })
  @unlessLeftOut
  @Max(REMINDER_LEAD_MAX_HOURS, { message: REMINDER_LEAD_RANGE })
  @Min(REMINDER_LEAD_MIN_HOURS, { message: REMINDER_LEAD_RANGE })
  @IsInt({ message: REMINDER_LEAD_RANGE })
  reminderLeadHours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: CANCELLATION_NOTICE_MAX_HOURS, example: 24 })
  @unlessLeftOut
  @Max(CANCELLATION_NOTICE_MAX_HOURS, { message: NOTICE_RANGE })
  @Min(0, { message: NOTICE_RANGE })
  @IsInt({ message: NOTICE_RANGE })
  cancellationNoticeHours?: number;

  /** Blank text clears the address, as null does. */
  @ApiPropertyOptional({ type: String, nullable: true, example: '12 Harbour Street, Bristol BS1 4XX' })
  @IsOptional()
  @MaxLength(300, { message: ADDRESS_MESSAGE })
  @IsString({ message: ADDRESS_MESSAGE })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  officeAddress?: string | null;
}
