import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EXERCISE_LIBRARY_FORMAT,
  EXERCISE_LIBRARY_FORMAT_VERSION,
  EXERCISE_LIBRARY_MAX_EXERCISES,
  type ExerciseLibraryImport,
} from '@trustwork/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { NameField } from '../../common/dto-fields';
import { CreateExerciseDto } from './create-exercise.dto';
import { Required } from './exercise-fields';

const KEY_MAX_LENGTH = 100;
const VERSION_MESSAGE = 'version must be a whole number from 1';

/** Told before anything else is checked: a case export or any other file would otherwise answer a page of field errors. */
export const NOT_AN_EXERCISE_LIBRARY = `This file is not a Trustwork exercise library (its format must be "${EXERCISE_LIBRARY_FORMAT}").`;
export const UNREADABLE_FORMAT_VERSION = `This exercise library was saved in a format version this Trustwork cannot read (it reads version ${EXERCISE_LIBRARY_FORMAT_VERSION}).`;

/** One exercise of the document: a template exactly as POST /api/exercises takes it, plus the document's key for it. */
export class ExerciseLibraryEntryDto extends CreateExerciseDto {
  @ApiProperty({ maxLength: KEY_MAX_LENGTH, description: 'names the exercise within this document, so the import report can say which one it means' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(KEY_MAX_LENGTH, { message: `key must be at most ${KEY_MAX_LENGTH} characters` })
  @IsString({ message: 'key must be text' })
  @IsNotEmpty({ message: 'key is required' })
  key: string;

  // Never larger than a route's version number can be (VersionPipe): nine digits.
  @ApiPropertyOptional({ minimum: 1, maximum: 999_999_999, description: 'the version in the practice that exported it; an import numbers its own' })
  @IsOptional()
  @Max(999_999_999, { message: VERSION_MESSAGE })
  @Min(1, { message: VERSION_MESSAGE })
  @IsInt({ message: VERSION_MESSAGE })
  version?: number;
}

class ExerciseLibrarySourceDto {
  @NameField('practiceName')
  practiceName: string;
}

export class ImportExerciseLibraryDto implements ExerciseLibraryImport {
  @ApiProperty({ enum: [EXERCISE_LIBRARY_FORMAT] })
  @IsIn([EXERCISE_LIBRARY_FORMAT], { message: NOT_AN_EXERCISE_LIBRARY })
  @Required('format')
  format: typeof EXERCISE_LIBRARY_FORMAT;

  @ApiProperty({ enum: [EXERCISE_LIBRARY_FORMAT_VERSION] })
  @IsIn([EXERCISE_LIBRARY_FORMAT_VERSION], { message: UNREADABLE_FORMAT_VERSION })
  @Required('formatVersion')
  formatVersion: typeof EXERCISE_LIBRARY_FORMAT_VERSION;

  @ApiPropertyOptional({ format: 'date-time', description: 'when the library was exported; for reference' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'exportedAt must be a date and time such as 2026-03-14T09:30:00Z' })
  @IsString({ message: 'exportedAt must be a date and time such as 2026-03-14T09:30:00Z' })
  exportedAt?: string;

  @ApiPropertyOptional({ type: ExerciseLibrarySourceDto, description: 'the practice that exported it; for reference' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExerciseLibrarySourceDto)
  @IsObject({ message: 'source must be an object such as { "practiceName": "Harbour Lane Counselling" }' })
  source?: ExerciseLibrarySourceDto;

  @ApiProperty({ type: [ExerciseLibraryEntryDto], minItems: 1, maxItems: EXERCISE_LIBRARY_MAX_EXERCISES })
  @ValidateNested({ each: true })
  @Type(() => ExerciseLibraryEntryDto)
  @ArrayMaxSize(EXERCISE_LIBRARY_MAX_EXERCISES, { message: `a library can hold at most ${EXERCISE_LIBRARY_MAX_EXERCISES} exercises; split it into smaller files` })
  @ArrayNotEmpty({ message: 'this library holds no exercises' })
  // ValidateNested alone lets a list inside the list through unchecked.
  @IsObject({ each: true, message: 'each of exercises must be an object describing one exercise' })
  @IsArray({ message: 'exercises must be a list of exercises' })
  @Required('exercises')
  exercises: ExerciseLibraryEntryDto[];
}
