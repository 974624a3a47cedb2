import type { UpdatePortalRemindersRequest } from '@trustwork/contracts';
import { IsBoolean } from 'class-validator';

export class UpdateRemindersDto implements UpdatePortalRemindersRequest {
  @IsBoolean({ message: 'homework must be true or false' })
  homework: boolean;
}
