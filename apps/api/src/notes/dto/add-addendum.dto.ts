import { ApiProperty } from '@nestjs/swagger';
import type { AddAddendumRequest } from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NOTE_TEXT_MAX_LENGTH } from '../note-sections';

export class AddAddendumDto implements AddAddendumRequest {
  @ApiProperty({ maxLength: NOTE_TEXT_MAX_LENGTH })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(NOTE_TEXT_MAX_LENGTH, { message: `body must be at most ${NOTE_TEXT_MAX_LENGTH} characters` })
  @IsString({ message: 'body must be text' })
  @IsNotEmpty({ message: 'body is required' })
  body: string;
}
