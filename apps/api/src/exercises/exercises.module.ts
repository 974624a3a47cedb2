import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ExerciseTemplateVersion } from './entities/exercise-template-version.entity';
import { ExerciseTemplate } from './entities/exercise-template.entity';
import { ExerciseLibraryController } from './exercise-library.controller';
import { ExerciseLibraryService } from './exercise-library.service';
import { ExercisesController } from './exercises.controller';
import { ExercisesService } from './exercises.service';

@Module({
  imports: [TypeOrmModule.forFeature([ExerciseTemplate, ExerciseTemplateVersion]), AuditModule],
  controllers: [ExerciseLibraryController, ExercisesController],
  providers: [ExercisesService, ExerciseLibraryService],
  exports: [ExercisesService],
})
export class ExercisesModule {}
