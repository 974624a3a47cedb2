import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType, PickType } from '@nestjs/swagger';
import type { IntakeExercise } from '@trustwork/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { CreateAssignmentDto } from '../../assignments/dto/create-assignment.dto';
import { CreateCaseDto } from '../../cases/dto/create-case.dto';
import { ParticipantInputDto } from '../../cases/dto/participant.dto';

export const MAX_INTAKE_EXERCISES = 10;
const PARTICIPANT_INDEX_MESSAGE = 'participantIndex must be 0 (the first person) or 1 (the second)';

/**
 * New details (displayName required), or `linkTo` an earlier record of the same person with
 * no details (they are reused). The side of the breach belongs to this case: always sent.
 * Which of the two a request is, the service checks, so the message names the field.
 */
export class IntakeParticipantDto extends IntersectionType(PickType(ParticipantInputDto, ['breachRole'] as const), PartialType(OmitType(ParticipantInputDto, ['breachRole'] as const))) {
  @ApiPropertyOptional({ description: 'the id of a participant of your practice who is this same person (their details are reused)' })
  @IsOptional()
  @IsUUID('loose', { message: 'linkTo must be the id of a participant of your practice' })
  linkTo?: string;
}

export class IntakeExerciseDto extends OmitType(CreateAssignmentDto, ['participantId'] as const) implements IntakeExercise {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1, description: 'with assignTo participant: 0 for the first person, 1 for the second' })
  @IsOptional()
  @IsIn([0, 1], { message: PARTICIPANT_INDEX_MESSAGE })
  @IsInt({ message: PARTICIPANT_INDEX_MESSAGE })
  participantIndex?: number;
}

/** The case's own fields as for POST /api/cases; the two people, the first exercises and whether to make portal links. */
export class CreateIntakeDto extends OmitType(CreateCaseDto, ['participants'] as const) {
  @ApiProperty({ type: [IntakeParticipantDto], minItems: 2, maxItems: 2 })
  @ValidateNested({ each: true })
  @Type(() => IntakeParticipantDto)
  @ArrayMaxSize(2, { message: 'participants must list exactly two people' })
  @ArrayMinSize(2, { message: 'participants must list exactly two people' })
  @IsArray({ message: 'participants must list exactly two people' })
  participants: IntakeParticipantDto[];

  @ApiPropertyOptional({ type: [IntakeExerciseDto], maxItems: MAX_INTAKE_EXERCISES })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => IntakeExerciseDto)
  @ArrayMaxSize(MAX_INTAKE_EXERCISES, { message: `exercises can list at most ${MAX_INTAKE_EXERCISES} exercises` })
  @IsArray({ message: 'exercises must be a list' })
  exercises?: IntakeExerciseDto[];

  @ApiProperty({ description: 'make both portal links now (their URLs are in this response only)' })
  @IsBoolean({ message: 'createPortalLinks must be true or false' })
  createPortalLinks: boolean;
}
