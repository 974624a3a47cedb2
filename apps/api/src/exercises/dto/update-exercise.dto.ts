import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type { UpdateExerciseRequest } from '@trustwork/contracts';
import { IsInt, IsOptional, Min } from 'class-validator';
import { CreateExerciseDto } from './create-exercise.dto';

/** Any of the template's fields; the rest carry over from the current version. */
export class UpdateExerciseDto extends PartialType(CreateExerciseDto) implements UpdateExerciseRequest {
  @ApiPropertyOptional({ minimum: 1, description: 'the version you loaded; a stale one answers 409 with currentVersion' })
  @IsOptional()
  @IsInt({ message: 'version must be the whole number of the version you loaded' })
  @Min(1, { message: 'version must be the whole number of the version you loaded' })
  version?: number;
}
