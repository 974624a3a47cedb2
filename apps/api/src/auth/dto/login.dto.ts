import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, type LoginRequest } from '@trustwork/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { EmailField } from '../../common/dto-fields';

export class LoginDto implements LoginRequest {
  @EmailField()
  email: string;

  // No length rule beyond a cap: a sign-in checks the password, it does not judge it.
  @ApiProperty()
  // Property decorators run bottom-up: the required check comes first.
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `password must be at most ${PASSWORD_MAX_LENGTH} characters` })
  @IsString({ message: 'password must be text' })
  @IsNotEmpty({ message: 'password is required' })
  password: string;
}
