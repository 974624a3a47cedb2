import type { PipeTransform } from '@nestjs/common';
import { BUILT_IN_EXERCISE_ID_PREFIX } from '@trustwork/contracts';
import { KEBAB_CASE } from '@trustwork/trust-program';
import { isUUID } from 'class-validator';
import { ExerciseNotFound, ExerciseVersionNotFound } from './exercises.errors';
import type { ExerciseRef } from './exercises.service';

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

export const VersionPipe: PipeTransform<string, number> = {
  transform(version: string): number {
    if (!/^[1-9]\d{0,8}$/.test(version)) throw new ExerciseVersionNotFound();
    return Number(version);
  },
};
