import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateExerciseRequest } from '@trustwork/contracts';
import {
  EXERCISE_AUDIENCES,
  EXERCISE_PHASES,
  type ExerciseAudience,
  type ExerciseCadence,
  type ExercisePhase,
  type ExercisePrompt,
  type ExerciseSheet,
} from '@trustwork/trust-program';
import { IsArray, IsIn, IsInt, IsObject, IsOptional } from 'class-validator';
import { OptionalTemplateTextField, Required, TemplateTextField } from './exercise-fields';

const SHEETS: ExerciseSheet[] = ['own', 'shared'];
const PHASE_MESSAGE = 'phase must be 1 to 9 or "throughout"';
const AUDIENCE_MESSAGE = `audience must be one of: ${EXERCISE_AUDIENCES.join(', ')}`;

// Stacked decorators register bottom-up, so "is required" sits last to be checked first.
export class CreateExerciseDto implements CreateExerciseRequest {
  @TemplateTextField('title', 'shown to the client; at most 80 characters')
  title: string;

  @ApiProperty({ oneOf: [{ type: 'integer', minimum: 1, maximum: 9 }, { type: 'string', enum: ['throughout'] }] })
  @IsIn(EXERCISE_PHASES, { message: PHASE_MESSAGE })
  @Required('phase')
  phase: ExercisePhase;

  @ApiProperty({ enum: EXERCISE_AUDIENCES })
  @IsIn(EXERCISE_AUDIENCES, { message: AUDIENCE_MESSAGE })
  @Required('audience')
  audience: ExerciseAudience;

  @ApiPropertyOptional({ enum: EXERCISE_AUDIENCES, isArray: true, description: 'other audiences it also works for' })
  @IsOptional()
  @IsArray({ message: 'otherAudiences must be a list of audiences' })
  @IsIn(EXERCISE_AUDIENCES, { each: true, message: `otherAudiences may only list: ${EXERCISE_AUDIENCES.join(', ')}` })
  otherAudiences?: ExerciseAudience[];

  @ApiPropertyOptional({ enum: SHEETS, default: 'own', description: '"shared": one sheet the two fill in together' })
  @IsOptional()
  @IsIn(SHEETS, { message: 'sheet must be "own" or "shared"' })
  sheet?: ExerciseSheet;

  @ApiProperty({ example: { kind: 'weekly', timesPerWeek: 2 }, description: 'kind: once (dueInDays), daily, weekly (timesPerWeek) or as-needed' })
  @IsObject({ message: 'cadence must be an object such as { "kind": "weekly", "timesPerWeek": 2 }' })
  @Required('cadence')
  cadence: ExerciseCadence;

  @ApiProperty({ minimum: 1, maximum: 240, description: 'rough time it takes' })
  @IsInt({ message: 'minutes must be a whole number from 1 to 240' })
  @Required('minutes')
  minutes: number;

  @TemplateTextField('purpose', 'for the clinician: what the exercise is for')
  purpose: string;

  @TemplateTextField('instructions', 'for the client: a short paragraph or a few steps')
  instructions: string;

  @OptionalTemplateTextField('clinicianNotes', 'for the clinician: cautions, when not to assign it, how to adapt it; optional')
  clinicianNotes?: string;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'typed prompts: text, scale (0-10), yes-no, choice, date' })
  @IsArray({ message: 'prompts must be a list of prompts' })
  @Required('prompts')
  prompts: ExercisePrompt[];
}
