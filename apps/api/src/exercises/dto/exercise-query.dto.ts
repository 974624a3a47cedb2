import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ExerciseQuery } from '@trustwork/contracts';
import { EXERCISE_AUDIENCES, EXERCISE_PHASES, type ExerciseAudience } from '@trustwork/trust-program';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { QueryFlagField } from '../../common/dto-fields';

const PHASES = EXERCISE_PHASES.map(String);

export class ExerciseQueryDto implements ExerciseQuery {
  @ApiPropertyOptional({ enum: PHASES })
  @IsOptional()
  @IsIn(PHASES, { message: 'phase must be 1 to 9 or "throughout"' })
  phase?: string;

  @ApiPropertyOptional({ enum: EXERCISE_AUDIENCES, description: 'the main audience or one it also works for' })
  @IsOptional()
  @IsIn(EXERCISE_AUDIENCES, { message: `audience must be one of: ${EXERCISE_AUDIENCES.join(', ')}` })
  audience?: ExerciseAudience;

  @ApiPropertyOptional({ description: 'part of the title, purpose or instructions' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(100, { message: 'search must be at most 100 characters' })
  @IsString({ message: 'search must be text' })
  search?: string;

  @QueryFlagField('includeArchived')
  includeArchived?: boolean;
}
