import type { UpdatePortalRemindersRequest } from '@trustwork/contracts';
import { IsBoolean, IsOptional } from 'class-validator';

/** Either choice or both; the service refuses a body with neither. */
export class UpdateRemindersDto implements UpdatePortalRemindersRequest {
  @IsOptional()
  @IsBoolean({ message: 'homework must be true or false' })
  homework?: boolean;

  @IsOptional()
  @IsBoolean({ message: 'sessions must be true or false' })
  sessions?: boolean;
}
