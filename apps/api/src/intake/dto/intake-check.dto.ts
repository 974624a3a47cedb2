import { ApiProperty } from '@nestjs/swagger';
import type { IntakeCheckRequest } from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, MaxLength } from 'class-validator';

const EMAILS_MESSAGE = 'emails must list one or two e-mail addresses';

export class IntakeCheckDto implements IntakeCheckRequest {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 2, example: ['sam@example.com'] })
  // Stored e-mails are trimmed and lower-case (the participant DTO does it); compare alike.
  @Transform(({ value }) => (Array.isArray(value) ? value.map((email) => (typeof email === 'string' ? email.trim().toLowerCase() : email)) : value))
  @IsEmail({}, { each: true, message: EMAILS_MESSAGE })
  @MaxLength(254, { each: true, message: 'emails must be at most 254 characters each' })
  @ArrayMaxSize(2, { message: EMAILS_MESSAGE })
  @ArrayMinSize(1, { message: EMAILS_MESSAGE })
  @IsArray({ message: EMAILS_MESSAGE })
  emails: string[];
}
