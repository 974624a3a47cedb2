import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BREACH_ROLES, type BreachRole, type ParticipantInput, type ParticipantUpdate } from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

const trimOrNull = Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));

/** The contact fields, shared by new participants and updates. */
class ParticipantContactDto {
  @ApiPropertyOptional({ nullable: true, example: 'jordan@example.com' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() || null : value))
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '+44 7700 900123' })
  @IsOptional()
  @trimOrNull
  @Matches(/^[+()\d\s.-]{5,30}$/, { message: 'phone must be a phone number (digits, spaces, + ( ) - .)' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'they/them' })
  @IsOptional()
  @trimOrNull
  @MaxLength(40, { message: 'pronouns must be at most 40 characters' })
  @IsString({ message: 'pronouns must be text' })
  pronouns?: string | null;
}

export class ParticipantInputDto extends ParticipantContactDto implements ParticipantInput {
  @ApiProperty({ example: 'Jordan' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(120, { message: 'displayName must be at most 120 characters' })
  @IsString({ message: 'displayName must be text' })
  @IsNotEmpty({ message: 'displayName is required' })
  displayName: string;

  @ApiProperty({ enum: BREACH_ROLES })
  @IsIn(BREACH_ROLES, { message: `breachRole must be one of: ${BREACH_ROLES.join(', ')}` })
  breachRole: BreachRole;
}

export class ParticipantUpdateDto extends ParticipantContactDto implements ParticipantUpdate {
  @ApiProperty()
  @IsUUID('loose', { message: 'id must be the id of one of the case’s participants' })
  id: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(120, { message: 'displayName must be at most 120 characters' })
  @IsNotEmpty({ message: 'displayName cannot be empty' })
  @IsString({ message: 'displayName must be text' })
  displayName?: string;

  @ApiPropertyOptional({ enum: BREACH_ROLES })
  @IsOptional()
  @IsIn(BREACH_ROLES, { message: `breachRole must be one of: ${BREACH_ROLES.join(', ')}` })
  breachRole?: BreachRole;
}
