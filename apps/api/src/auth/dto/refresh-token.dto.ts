import { ApiProperty } from '@nestjs/swagger';
import type { RefreshRequest } from '@trustwork/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of refresh and logout: the refresh token the client holds. */
export class RefreshTokenDto implements RefreshRequest {
  @ApiProperty()
  // Property decorators run bottom-up: the required check comes first.
  @MaxLength(200, { message: 'refreshToken is not a valid token' })
  @IsString({ message: 'refreshToken must be text' })
  @IsNotEmpty({ message: 'refreshToken is required' })
  refreshToken: string;
}
