import type { RegisterPracticeRequest } from '@trustwork/contracts';
import { EmailField, NameField, NewPasswordField } from '../../common/dto-fields';

export class RegisterPracticeDto implements RegisterPracticeRequest {
  @NameField('practiceName')
  practiceName: string;

  @NameField('name')
  name: string;

  @EmailField()
  email: string;

  @NewPasswordField()
  password: string;
}
