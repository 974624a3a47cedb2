import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TwoFactorLoginRequest } from '@trustwork/contracts';
import { IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { RecoveryCodeField, TwoFactorCodeField } from '../../common/dto-fields';

/** The sign-in's code step: the challenge from the password step and exactly one of a code or a recovery code. */
export class TwoFactorLoginDto implements TwoFactorLoginRequest {
  @ApiProperty()
  // Property decorators run bottom-up: the required check comes first.
  @MaxLength(200, { message: 'challengeToken is not a valid sign-in challenge' })
  @IsString({ message: 'challengeToken must be text' })
  @IsNotEmpty({ message: 'challengeToken is required' })
  challengeToken: string;

  @ApiPropertyOptional({ example: '123456', description: 'The code from the authenticator app; or send recoveryCode instead.' })
  // Validated when sent, and when no recovery code is, so the answer names what is missing.
  @ValidateIf((login: TwoFactorLoginDto, value) => value !== undefined || login.recoveryCode === undefined)
  @TwoFactorCodeField('code')
  code?: string;

  @ApiPropertyOptional({ example: 'k7pd-m2xq-9frt', description: 'One unused recovery code, instead of code.' })
  @ValidateIf((_login, value) => value !== undefined)
  @RecoveryCodeField('recoveryCode')
  recoveryCode?: string;
}
