import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { Permission, type ExerciseDetail, type ExerciseSummary } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { CreateExerciseDto } from './dto/create-exercise.dto';
import { ExerciseQueryDto } from './dto/exercise-query.dto';
import { UpdateExerciseDto } from './dto/update-exercise.dto';
import { ExerciseIdPipe, VersionPipe } from './exercises.pipes';
import { ExercisesService, type ExerciseRef } from './exercises.service';

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
