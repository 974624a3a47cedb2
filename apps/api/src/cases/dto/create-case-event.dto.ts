import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_EVENT_KINDS, type CaseEventKind, type CreateCaseEventRequest } from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class CreateCaseEventDto implements CreateCaseEventRequest {
  @ApiProperty({ enum: CASE_EVENT_KINDS })
  @IsIn(CASE_EVENT_KINDS, { message: `kind must be one of: ${CASE_EVENT_KINDS.join(', ')}` })
  kind: CaseEventKind;

  @ApiProperty({ example: '2026-03-14' })
  @IsISO8601({ strict: true }, { message: 'occurredOn must be a real date written as YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'occurredOn must be a real date written as YYYY-MM-DD' })
  occurredOn: string;

  @ApiProperty({ maxLength: 200 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title is required' })
  title: string;

  @ApiPropertyOptional({ nullable: true, maxLength: 4000 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  @MaxLength(4000, { message: 'details must be at most 4000 characters' })
  @IsString({ message: 'details must be text' })
  details?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'the participant it concerns, if one' })
  @IsOptional()
  @IsUUID('loose', { message: 'participantId must be the id of one of the case’s participants' })
  participantId?: string | null;
}
