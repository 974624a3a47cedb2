import { ApiProperty } from '@nestjs/swagger';
import type { CompletePasswordResetRequest, ConfirmEmailRequest } from '@trustwork/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NewPasswordField } from '../../common/dto-fields';

/** The secret from an e-mailed link's `#token=`. */
class EmailedLinkDto {
  @ApiProperty({ description: "The token from the link's address, after #token=" })
  // Property decorators run bottom-up: the required check comes first.
  @MaxLength(100, { message: 'token must be at most 100 characters' })
  @IsString({ message: 'token must be text' })
  @IsNotEmpty({ message: 'token is required' })
  token: string;
}

export class ConfirmEmailDto extends EmailedLinkDto implements ConfirmEmailRequest {}

export class CompletePasswordResetDto extends EmailedLinkDto implements CompletePasswordResetRequest {
  @NewPasswordField('newPassword')
  newPassword: string;
}
