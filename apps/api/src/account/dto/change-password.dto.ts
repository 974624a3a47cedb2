import type { ChangePasswordRequest } from '@trustwork/contracts';
import { CurrentPasswordField, NewPasswordField } from '../../common/dto-fields';

export class ChangePasswordDto implements ChangePasswordRequest {
  @CurrentPasswordField()
  currentPassword: string;

  @NewPasswordField('newPassword')
  newPassword: string;
}
