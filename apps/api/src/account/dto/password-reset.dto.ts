import type { PasswordResetRequest } from '@trustwork/contracts';
import { EmailField } from '../../common/dto-fields';

export class PasswordResetDto implements PasswordResetRequest {
  @EmailField()
  email: string;
}
