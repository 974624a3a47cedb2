import type { ExerciseAudience, ExerciseCadence, ExercisePhase, ExercisePrompt, ExerciseSheet } from './exercises';

/*
 * A shareable exercise library: `GET /api/exercises/export` writes a practice's own
 * templates (never the built-ins, which every practice has already) as one JSON document,
 * and `POST /api/exercises/import` reads such a document into another practice.
 *
 * - Only templates in use are exported: archived ones are retired, so they stay behind.
 * - Nothing ties the document to its practice: no ids, no authors, no dates of edits.
 * - On import an exercise is matched by title (any case) against the practice's templates
 *   that are not archived: a match gets a new version when anything differs (otherwise it
 *   is unchanged), no match makes a new template. The import is one transaction.
 */

export const EXERCISE_LIBRARY_FORMAT = 'trustwork.exercise-library';
export const EXERCISE_LIBRARY_FORMAT_VERSION = 1;
/** At most this many exercises per document, so a full one stays well inside the API's request size limit. */
export const EXERCISE_LIBRARY_MAX_EXERCISES = 250;

/** One exercise as the document carries it: every field of a template's current version. */
export interface ExerciseLibraryEntry {
  /** Names the exercise within this document only (made from its title); not an id of any practice. */
  key: string;
  title: string;
  phase: ExercisePhase;
  audience: ExerciseAudience;
  otherAudiences: ExerciseAudience[];
  sheet: ExerciseSheet;
  cadence: ExerciseCadence;
  minutes: number;
  purpose: string;
  instructions: string;
  clinicianNotes: string;
  prompts: ExercisePrompt[];
  /** The template's version in the practice that exported it; for reference, an import numbers its own. */
  version: number;
}

export interface ExerciseLibraryDocument {
  format: typeof EXERCISE_LIBRARY_FORMAT;
  formatVersion: typeof EXERCISE_LIBRARY_FORMAT_VERSION;
  exportedAt: string;
  source: { practiceName: string };
  /** In program order: phases 1 to 9, then the ones for throughout; by title within a phase. */
  exercises: ExerciseLibraryEntry[];
}

/**
 * What `POST /api/exercises/import` accepts: a document as exported. `exportedAt`, `source`,
 * each exercise's `version`, `sheet` and `otherAudiences` may be left out of a hand-written one.
 */
export type ExerciseLibraryImport = Omit<ExerciseLibraryDocument, 'exportedAt' | 'source' | 'exercises'> &
  Partial<Pick<ExerciseLibraryDocument, 'exportedAt' | 'source'>> & {
    exercises: (Omit<ExerciseLibraryEntry, 'version' | 'sheet' | 'otherAudiences' | 'clinicianNotes'> &
      Partial<Pick<ExerciseLibraryEntry, 'version' | 'sheet' | 'otherAudiences' | 'clinicianNotes'>>)[];
  };

/** What the import did with each exercise of the document, in the document's order. */
export interface ExerciseLibraryImportReport {
  /** New templates, at version 1. */
  created: { key: string; id: string; title: string }[];
  /** Templates with the same title that differed: `version` is the new one. */
  updated: { key: string; id: string; title: string; version: number }[];
  /** Templates with the same title and the same content: nothing was saved. */
  unchanged: { key: string; id: string; title: string; version: number }[];
  /** Exercises that break the library's rules; nothing was saved for them, the rest were imported. */
  refused: { key: string; title: string; problems: string[] }[];
}
