/**
 * Types for the exercise library: the homework sheets a therapist assigns between
 * sessions. Built-in exercises live in ./library.ts; practices may add their own
 * templates of the same shape (check them with `exerciseProblems`).
 */

/** The nine program phases in their usual order (see ../phases.ts). */
export type PhaseNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** An exercise belongs to one phase, or runs alongside all of them. */
export type ExercisePhase = PhaseNumber | 'throughout';

export const PHASE_NUMBERS: readonly PhaseNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
export const EXERCISE_PHASES: readonly ExercisePhase[] = [...PHASE_NUMBERS, 'throughout'];

/**
 * Who does the exercise.
 * - `broke-trust`: the person who broke trust (BreachRole `broke-trust`)
 * - `hurt`: the person who was hurt (BreachRole `was-hurt`)
 * - `each`: each person, on their own and privately
 * - `together`: the two do the activity jointly (see `ExerciseSheet` for who writes it up)
 */
export type ExerciseAudience = 'broke-trust' | 'hurt' | 'each' | 'together';

export const EXERCISE_AUDIENCES: readonly ExerciseAudience[] = ['broke-trust', 'hurt', 'each', 'together'];

/** Labels for the clinician's dashboard. */
export const EXERCISE_AUDIENCE_LABELS: Record<ExerciseAudience, string> = {
  'broke-trust': 'The person who broke trust',
  hurt: 'The person who was hurt',
  each: 'Each person, on their own',
  together: 'Both together',
};

/**
 * The participant's side of the breach (libs/contracts BreachRole) that a one-person
 * audience points to. Spelled out here so this lib needs no dependency on contracts.
 */
export const AUDIENCE_BREACH_ROLE = { 'broke-trust': 'broke-trust', hurt: 'was-hurt' } as const;

/**
 * Who fills in the answer sheet.
 * - `own`: every person taking part fills in their own, private sheet. Always the case
 *   for `broke-trust`, `hurt` and `each`; for `together` it means the activity is joint
 *   but each person records it privately (so, for example, ratings stay honest).
 * - `shared`: one sheet the two write together (only for `together`), e.g. an agreement.
 */
export type ExerciseSheet = 'own' | 'shared';

/**
 * How often the exercise is meant to be done. The API derives a suggested default
 * schedule from it with `suggestedSchedule`; the therapist can always change it.
 * - `once`: a single sheet with a due date (`dueInDays` after assigning, default 7).
 *   It can still be assigned again later.
 * - `daily`: every day.
 * - `weekly`: `timesPerWeek` times a week (1 to 7, default 1).
 * - `as-needed`: no schedule; the sheet stays open and is filled in when the moment comes
 *   (a hard day, a milestone).
 */
export type ExerciseCadence =
  | { readonly kind: 'once'; readonly dueInDays?: number }
  | { readonly kind: 'daily' }
  | { readonly kind: 'weekly'; readonly timesPerWeek?: number }
  | { readonly kind: 'as-needed' };

export type CadenceKind = ExerciseCadence['kind'];
export const CADENCE_KINDS: readonly CadenceKind[] = ['once', 'daily', 'weekly', 'as-needed'];

interface PromptBase {
  /** Stable kebab-case id, unique within its exercise; answers are stored under it. Never rename. */
  readonly key: string;
  /** Shown to the client: plain, kind, second person. Keep it short; detail goes in `help`. */
  readonly label: string;
  /** Optional extra guidance under the label. */
  readonly help?: string;
  /** Whether the sheet can be submitted without an answer to this prompt. */
  readonly required: boolean;
}

/** Free text. `maxLength` counts characters (Unicode code points). */
export interface TextPrompt extends PromptBase {
  readonly type: 'text';
  readonly maxLength: number;
  /** A text area rather than a single line. */
  readonly multiline: boolean;
}

/** A whole number from 0 to 10, with words for both ends. */
export interface ScalePrompt extends PromptBase {
  readonly type: 'scale';
  readonly min: 0;
  readonly max: 10;
  readonly minLabel: string;
  readonly maxLabel: string;
}

/** Answered with true (yes) or false (no). */
export interface YesNoPrompt extends PromptBase {
  readonly type: 'yes-no';
}

export interface ChoiceOption {
  /** Stable kebab-case id, unique within the prompt; answers store this key, never the label. */
  readonly key: string;
  readonly label: string;
}

/** One option (answer: its key) or, with `multiple`, several (answer: a list of keys). */
export interface ChoicePrompt extends PromptBase {
  readonly type: 'choice';
  readonly options: readonly ChoiceOption[];
  readonly multiple?: boolean;
}

/** A calendar date, answered as YYYY-MM-DD. */
export interface DatePrompt extends PromptBase {
  readonly type: 'date';
}

export type ExercisePrompt = TextPrompt | ScalePrompt | YesNoPrompt | ChoicePrompt | DatePrompt;
export type PromptType = ExercisePrompt['type'];
export const PROMPT_TYPES: readonly PromptType[] = ['text', 'scale', 'yes-no', 'choice', 'date'];

/**
 * One answer: text and dates as strings, scales as numbers, yes/no as booleans, a single
 * choice as its option key, several choices as a list of keys; null when left blank.
 */
export type AnswerValue = string | number | boolean | string[] | null;

/** A submission's answers, keyed by prompt key. */
export type Answers = Record<string, AnswerValue>;

export interface Exercise {
  /** Stable kebab-case id; the built-in template's id. Never changes once released. */
  readonly key: string;
  /** Bump when the prompts or the client-facing wording change; answers keep the version they were given. */
  readonly version: number;
  /** Shown to client and clinician. */
  readonly title: string;
  readonly phase: ExercisePhase;
  /** Who the exercise is for by default. */
  readonly audience: ExerciseAudience;
  /** Other audiences the exercise also works for, when the therapist chooses. */
  readonly otherAudiences?: readonly ExerciseAudience[];
  readonly sheet: ExerciseSheet;
  readonly cadence: ExerciseCadence;
  /** Rough time it takes, in minutes. */
  readonly minutes: number;
  /** For the clinician: what the exercise is for, in one or two sentences. */
  readonly purpose: string;
  /** For the client: a short paragraph, or a few steps on separate lines. Plain text. */
  readonly instructions: string;
  /** For the clinician: cautions, when not to assign, how to adapt it; empty when there are none. */
  readonly clinicianNotes: string;
  readonly prompts: readonly ExercisePrompt[];
}
