import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { BUILT_IN_EXERCISE_ID_PREFIX, Permission, type ExerciseDetail, type ExerciseSummary } from '@trustwork/contracts';
import { KEBAB_CASE } from '@trustwork/trust-program';
import { isUUID } from 'class-validator';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { CreateExerciseDto } from './dto/create-exercise.dto';
import { ExerciseQueryDto } from './dto/exercise-query.dto';
import { UpdateExerciseDto } from './dto/update-exercise.dto';
import { ExerciseNotFound, ExerciseVersionNotFound } from './exercises.errors';
import { ExercisesService, type ExerciseRef } from './exercises.service';

/** `builtin:<key>` or a template's UUID; anything else cannot exist, so 404 like an unknown one. */
export const ExerciseIdPipe: PipeTransform<string, ExerciseRef> = {
  transform(id: string): ExerciseRef {
    if (id.startsWith(BUILT_IN_EXERCISE_ID_PREFIX)) {
      const key = id.slice(BUILT_IN_EXERCISE_ID_PREFIX.length);
      if (KEBAB_CASE.test(key)) return { source: 'built-in', key };
    } else if (isUUID(id)) {
      return { source: 'practice', templateId: id };
    }
    throw new ExerciseNotFound();
  },
};

const VersionPipe: PipeTransform<string, number> = {
  transform(version: string): number {
    if (!/^[1-9]\d{0,8}$/.test(version)) throw new ExerciseVersionNotFound();
    return Number(version);
  },
};

// The library holds no one's clinical record, so every role may read it (assistants
// prepare sessions too); changing it takes the clinical permission: owners and clinicians.
const ManageLibrary = () => RequirePermission(Permission.ViewClinicalRecords);
const ExerciseIdParam = () => ApiParam({ name: 'id', description: '`builtin:<key>` for a built-in exercise, else the template id' });

@ApiTags('exercises')
@ApiBearerAuth()
@Controller('exercises')
export class ExercisesController {
  constructor(private readonly exercises: ExercisesService) {}

  /** Built-ins and the practice's own templates, current versions, by phase then title. */
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ExerciseQueryDto): Promise<ExerciseSummary[]> {
    return this.exercises.list(user, query);
  }

  @Post()
  @ManageLibrary()
  create(@CurrentUser() user: AuthenticatedUser, @Body() request: CreateExerciseDto): Promise<ExerciseDetail> {
    return this.exercises.create(user, request);
  }

  @Get(':id')
  @ExerciseIdParam()
  detail(@CurrentUser() user: AuthenticatedUser, @Param('id', ExerciseIdPipe) ref: ExerciseRef): Promise<ExerciseDetail> {
    return this.exercises.detail(user, ref);
  }

  /** An earlier version, as the answers given to it were asked. */
  @Get(':id/versions/:version')
  @ExerciseIdParam()
  version(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ExerciseIdPipe) ref: ExerciseRef,
    @Param('version', VersionPipe) version: number,
  ): Promise<ExerciseDetail> {
    return this.exercises.detail(user, ref, version);
  }

  /** Saves a new version. Built-ins answer 409: duplicate them instead. */
  @Patch(':id')
  @ManageLibrary()
  @ExerciseIdParam()
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', ExerciseIdPipe) ref: ExerciseRef, @Body() changes: UpdateExerciseDto): Promise<ExerciseDetail> {
    return this.exercises.update(user, ref, changes);
  }

  @Post(':id/duplicate')
  @ManageLibrary()
  @ExerciseIdParam()
  duplicate(@CurrentUser() user: AuthenticatedUser, @Param('id', ExerciseIdPipe) ref: ExerciseRef): Promise<ExerciseDetail> {
    return this.exercises.duplicate(user, ref);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ManageLibrary()
  @ExerciseIdParam()
  archive(@CurrentUser() user: AuthenticatedUser, @Param('id', ExerciseIdPipe) ref: ExerciseRef): Promise<ExerciseDetail> {
    return this.exercises.setArchived(user, ref, true);
  }

  @Post(':id/unarchive')
  @HttpCode(200)
  @ManageLibrary()
  @ExerciseIdParam()
  unarchive(@CurrentUser() user: AuthenticatedUser, @Param('id', ExerciseIdPipe) ref: ExerciseRef): Promise<ExerciseDetail> {
    return this.exercises.setArchived(user, ref, false);
  }
}
