import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSIGN_TO, RECURRENCE_FREQUENCIES, type AssignTo, type CreateAssignmentRequest, type Recurrence, type RecurrenceFrequency } from '@trustwork/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CalendarDate, InstructionsField } from './assignment-fields';

const DAYS_MESSAGE = 'recurrence.daysOfWeek must list days as numbers from 0 (Sunday) to 6 (Saturday)';

export class RecurrenceDto implements Recurrence {
  @ApiProperty({ enum: RECURRENCE_FREQUENCIES })
  @IsIn(RECURRENCE_FREQUENCIES, { message: `recurrence.frequency must be one of: ${RECURRENCE_FREQUENCIES.join(', ')}` })
  frequency: RecurrenceFrequency;

  @ApiPropertyOptional({ type: [Number], description: 'weekly only: 0 (Sunday) to 6 (Saturday)', example: [1, 4] })
  @IsInt({ each: true, message: DAYS_MESSAGE })
  @Min(0, { each: true, message: DAYS_MESSAGE })
  @Max(6, { each: true, message: DAYS_MESSAGE })
  @ArrayUnique({ message: 'recurrence.daysOfWeek must not list the same day twice' })
  @ArrayMaxSize(7, { message: DAYS_MESSAGE })
  @ArrayMinSize(1, { message: 'recurrence.daysOfWeek must list at least one day' })
  @IsArray({ message: DAYS_MESSAGE })
  @IsOptional()
  daysOfWeek?: number[];

  @ApiProperty({ example: '2026-03-02' })
  @CalendarDate('recurrence.startsOn')
  @IsNotEmpty({ message: 'recurrence.startsOn is required' })
  startsOn: string;

  @ApiProperty({ example: '2026-04-26' })
  @CalendarDate('recurrence.endsOn')
  @IsNotEmpty({ message: 'recurrence.endsOn is required' })
  endsOn: string;
}

export class CreateAssignmentDto implements CreateAssignmentRequest {
  @ApiProperty({ description: '`builtin:<key>` or a practice template’s id', example: 'builtin:daily-transparency-log' })
  @MaxLength(200, { message: 'exerciseId must name an exercise in your library' })
  @IsString({ message: 'exerciseId must name an exercise in your library' })
  @IsNotEmpty({ message: 'exerciseId is required' })
  exerciseId: string;

  @ApiPropertyOptional({ minimum: 1, description: 'the current version by default' })
  @Min(1, { message: 'version must be a whole number from 1' })
  @IsInt({ message: 'version must be a whole number from 1' })
  @IsOptional()
  version?: number;

  @ApiProperty({ enum: ASSIGN_TO, description: 'one participant, each (one assignment apiece) or both together' })
  @IsIn(ASSIGN_TO, { message: `assignTo must be one of: ${ASSIGN_TO.join(', ')}` })
  assignTo: AssignTo;

  @ApiPropertyOptional({ description: 'with assignTo participant' })
  @IsUUID('loose', { message: 'participantId must be the id of one of the case’s participants' })
  @IsOptional()
  participantId?: string;

  @ApiPropertyOptional({ example: '2026-03-14', description: 'a single sheet due on this date; or send recurrence' })
  @CalendarDate('dueOn')
  @IsOptional()
  dueOn?: string;

  @ApiPropertyOptional({ type: RecurrenceDto })
  @ValidateNested()
  @Type(() => RecurrenceDto)
  @IsObject({ message: 'recurrence must be an object with frequency, startsOn and endsOn' })
  @IsOptional()
  recurrence?: RecurrenceDto;

  @InstructionsField()
  instructions?: string | null;
}
