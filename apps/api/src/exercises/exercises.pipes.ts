import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { BUILT_IN_EXERCISE_ID_PREFIX, EXERCISE_LIBRARY_FORMAT, EXERCISE_LIBRARY_FORMAT_VERSION } from '@trustwork/contracts';
import { KEBAB_CASE } from '@trustwork/trust-program';
import { isUUID } from 'class-validator';
import { createValidationPipe } from '../common/validation';
import { ImportExerciseLibraryDto, NOT_AN_EXERCISE_LIBRARY, UNREADABLE_FORMAT_VERSION } from './dto/import-exercise-library.dto';
import { ExerciseNotFound, ExerciseVersionNotFound, InvalidExerciseLibrary } from './exercises.errors';
import type { ExerciseRef } from './exercises.service';

/** `builtin:<key>` or a template's UUID; anything else cannot exist, so 404 like an unknown one. */
export const ExerciseIdPipe: PipeTransform<string, ExerciseRef> = {
  transform(id: string): ExerciseRef {
    if (id.startsWith(BUILT_IN_EXERCISE_ID_PREFIX)) {
      const key = id.slice(BUILT_IN_EXERCISE_ID_PREFIX.length);
      if (KEBAB_CASE.test(key)) return { source: 'built-in', key };
    } else if (isUUID(id, 'loose')) {
      return { source: 'practice', templateId: id };
    }
    throw new ExerciseNotFound();
  },
};

export const VersionPipe: PipeTransform<string, number> = {
  transform(version: string): number {
    if (!/^[1-9]\d{0,8}$/.test(version)) throw new ExerciseVersionNotFound();
    return Number(version);
  },
};

const validation = createValidationPipe();

/**
 * Checks the format before the fields, so a case export or an older app's file is told so
 * in one sentence rather than a page of field errors; then validates as every body is.
 * (The parameter is typed with an interface, so the global pipe leaves it to this one.)
 */
export const ExerciseLibraryPipe: PipeTransform<unknown, Promise<ImportExerciseLibraryDto>> = {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<ImportExerciseLibraryDto> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const { format, formatVersion } = value as Record<string, unknown>;
      if (format !== EXERCISE_LIBRARY_FORMAT) throw new InvalidExerciseLibrary([NOT_AN_EXERCISE_LIBRARY]);
      if (formatVersion !== EXERCISE_LIBRARY_FORMAT_VERSION) throw new InvalidExerciseLibrary([UNREADABLE_FORMAT_VERSION]);
    }
    return validation.transform(value, { ...metadata, metatype: ImportExerciseLibraryDto }) as Promise<ImportExerciseLibraryDto>;
  },
};
