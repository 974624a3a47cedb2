import type { LoginRequest } from '@trustwork/contracts';
import { CurrentPasswordField, EmailField } from '../../common/dto-fields';

export class LoginDto implements LoginRequest {
  @EmailField()
  email: string;

  // No length rule beyond a cap: a sign-in checks the password, it does not judge it.
  @CurrentPasswordField('password')
  password: string;
}
