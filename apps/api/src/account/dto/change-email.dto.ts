import type { ChangeEmailRequest } from '@trustwork/contracts';
import { CurrentPasswordField, EmailField } from '../../common/dto-fields';

export class ChangeEmailDto implements ChangeEmailRequest {
  @EmailField()
  email: string;

  @CurrentPasswordField()
  currentPassword: string;
}
