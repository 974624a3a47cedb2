import { Body, Controller, Get, HttpCode, Post, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import {
  EXERCISE_LIBRARY_FORMAT,
  EXERCISE_LIBRARY_FORMAT_VERSION,
  Permission,
  type ExerciseLibraryDocument,
  type ExerciseLibraryImport,
  type ExerciseLibraryImportReport,
} from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { createValidationPipe } from '../common/validation';
import { ImportExerciseLibraryDto, NOT_AN_EXERCISE_LIBRARY, UNREADABLE_FORMAT_VERSION } from './dto/import-exercise-library.dto';
import { ExerciseLibraryService } from './exercise-library.service';
import { InvalidExerciseLibrary } from './exercises.errors';

const validation = createValidationPipe();

/**
 * Checks the format before the fields, so a case export or an older app's file is told so
 * in one sentence rather than a page of field errors; then validates as every body is.
 * (The parameter is typed with an interface, so the global pipe leaves it to this one.)
 */
const ExerciseLibraryPipe: PipeTransform<unknown, Promise<ImportExerciseLibraryDto>> = {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<ImportExerciseLibraryDto> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const { format, formatVersion } = value as Record<string, unknown>;
      if (format !== EXERCISE_LIBRARY_FORMAT) throw new InvalidExerciseLibrary([NOT_AN_EXERCISE_LIBRARY]);
      if (formatVersion !== EXERCISE_LIBRARY_FORMAT_VERSION) throw new InvalidExerciseLibrary([UNREADABLE_FORMAT_VERSION]);
    }
    return validation.transform(value, { ...metadata, metatype: ImportExerciseLibraryDto }) as Promise<ImportExerciseLibraryDto>;
  },
};

// The library's own content, shared outside the practice: the same roles that may change it.
@ApiTags('exercises')
@ApiBearerAuth()
@Controller('exercises')
@RequirePermission(Permission.ViewClinicalRecords)
export class ExerciseLibraryController {
  constructor(private readonly library: ExerciseLibraryService) {}

  /** The practice's own templates in use (not archived, never the built-ins) as one document. */
  @Get('export')
  export(@CurrentUser() user: AuthenticatedUser): Promise<ExerciseLibraryDocument> {
    return this.library.export(user);
  }

  /** Creates or updates templates from an exported library; answers what it did with each exercise. */
  @Post('import')
  @HttpCode(200)
  @ApiBody({ type: ImportExerciseLibraryDto })
  import(@CurrentUser() user: AuthenticatedUser, @Body(ExerciseLibraryPipe) document: ExerciseLibraryImport): Promise<ExerciseLibraryImportReport> {
    return this.library.import(user, document);
  }
}
