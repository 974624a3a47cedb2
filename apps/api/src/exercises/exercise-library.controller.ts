import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Permission, type ExerciseLibraryDocument, type ExerciseLibraryImport, type ExerciseLibraryImportReport } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { ImportExerciseLibraryDto } from './dto/import-exercise-library.dto';
import { ExerciseLibraryService } from './exercise-library.service';
import { ExerciseLibraryPipe } from './exercises.pipes';

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
