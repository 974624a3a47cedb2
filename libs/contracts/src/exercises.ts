import type { ClinicianRef } from './cases';

/*
 * The exercise shape is defined in @trustwork/trust-program (types.ts). Contracts
 * cannot import it (each lib compiles only its own src), so the types the library API
 * sends are repeated here, field for field; the API's typecheck asserts both ways that
 * they stay identical (apps/api/src/exercises/exercise-shape.ts).
 */

export type ExercisePhase = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 'throughout';
export type ExerciseAudience = 'broke-trust' | 'hurt' | 'each' | 'together';
export type ExerciseSheet = 'own' | 'shared';

export type ExerciseCadence =
  | { readonly kind: 'once'; readonly dueInDays?: number }
  | { readonly kind: 'daily' }
  | { readonly kind: 'weekly'; readonly timesPerWeek?: number }
  | { readonly kind: 'as-needed' };

interface PromptBase {
  readonly key: string;
  readonly label: string;
  readonly help?: string;
  readonly required: boolean;
}

export type ExercisePrompt =
  | (PromptBase & { readonly type: 'text'; readonly maxLength: number; readonly multiline: boolean })
  | (PromptBase & { readonly type: 'scale'; readonly min: 0; readonly max: 10; readonly minLabel: string; readonly maxLabel: string })
  | (PromptBase & { readonly type: 'yes-no' })
  | (PromptBase & {
      readonly type: 'choice';
      readonly options: readonly { readonly key: string; readonly label: string }[];
      readonly multiple?: boolean;
    })
  | (PromptBase & { readonly type: 'date' });

// The library API's envelopes.

/** Where an exercise comes from: the built-in library, or the practice's own templates. */
export const ExerciseSource = { BuiltIn: 'built-in', Practice: 'practice' } as const;
export type ExerciseSource = (typeof ExerciseSource)[keyof typeof ExerciseSource];

/** Built-in exercises answer to `builtin:<key>`; a practice's own to their UUID. */
export const BUILT_IN_EXERCISE_ID_PREFIX = 'builtin:';

/** One exercise as the library list shows it: the current version, without its prompts. */
export interface ExerciseSummary {
  id: string;
  source: ExerciseSource;
  /** The built-in's stable key; null for a practice's own template. */
  key: string | null;
  version: number;
  title: string;
  phase: ExercisePhase;
  audience: ExerciseAudience;
  otherAudiences: ExerciseAudience[];
  sheet: ExerciseSheet;
  cadence: ExerciseCadence;
  minutes: number;
  purpose: string;
  /** Archived templates stay readable (and assigned ones keep working) but leave the default list. */
  archived: boolean;
}

/** One version of an exercise, everything the clinician and the client see. */
export interface ExerciseDetail extends ExerciseSummary {
  /** The newest version; `version` is older when an earlier version was asked for. */
  currentVersion: number;
  instructions: string;
  /** "" when the template has none. */
  clinicianNotes: string;
  prompts: ExercisePrompt[];
  /** The exercise this template was copied from (`builtin:<key>` or a template id). */
  duplicatedFrom: string | null;
  /** Who wrote this version and when; null for built-ins. */
  versionCreatedBy: ClinicianRef | null;
  versionCreatedAt: string | null;
}

export interface ExerciseQuery {
  /** 1 to 9, or `throughout`. */
  phase?: string;
  /** Matches the main audience or one the exercise also works for. */
  audience?: ExerciseAudience;
  /** Part of the title, purpose or instructions, in any case. */
  search?: string;
  includeArchived?: boolean;
}

/** A practice's own template. `sheet` defaults to `own`, `otherAudiences` to none. */
export interface CreateExerciseRequest {
  title: string;
  phase: ExercisePhase;
  audience: ExerciseAudience;
  otherAudiences?: ExerciseAudience[];
  sheet?: ExerciseSheet;
  cadence: ExerciseCadence;
  minutes: number;
  purpose: string;
  instructions: string;
  /** Optional; an empty note is stored as "". */
  clinicianNotes?: string;
  prompts: ExercisePrompt[];
}

/**
 * Changes to a practice template; every edit makes a new version. Send `version` (the
 * one you loaded) to be told with a 409 when someone else edited it in the meantime.
 */
export type UpdateExerciseRequest = Partial<CreateExerciseRequest> & { version?: number };
