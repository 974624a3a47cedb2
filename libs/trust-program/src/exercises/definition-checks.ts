import {
  CADENCE_KINDS,
  EXERCISE_AUDIENCES,
  EXERCISE_PHASES,
  PROMPT_TYPES,
  type Exercise,
  type ExerciseCadence,
  type ExercisePrompt,
} from './types';

/**
 * Checks that an exercise definition is well formed: used by the unit tests on the
 * built-in library and by the API on a practice's own templates. Messages are for the
 * person writing the template.
 */

/** Lower-case words joined by single hyphens: `apology-plan`, `step-2`. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const DEFINITION_LIMITS = {
  keyLength: 60,
  titleLength: 80,
  purposeLength: 300,
  instructionsLength: 1200,
  clinicianNotesLength: 1000,
  labelLength: 160,
  helpLength: 300,
  optionLabelLength: 120,
  maxPrompts: 20,
  minOptions: 2,
  maxOptions: 12,
  textMaxLength: 10_000,
  maxMinutes: 240,
  maxDueInDays: 90,
} as const;

function isText(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= maxLength;
}

function isWholeNumber(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function cadenceProblems(cadence: ExerciseCadence | undefined): string[] {
  if (!cadence || !CADENCE_KINDS.includes(cadence.kind)) {
    return [`cadence must be one of: ${CADENCE_KINDS.join(', ')}`];
  }
  if (cadence.kind === 'once' && cadence.dueInDays !== undefined && !isWholeNumber(cadence.dueInDays, 1, DEFINITION_LIMITS.maxDueInDays)) {
    return [`cadence.dueInDays must be a whole number from 1 to ${DEFINITION_LIMITS.maxDueInDays}`];
  }
  if (cadence.kind === 'weekly' && cadence.timesPerWeek !== undefined && !isWholeNumber(cadence.timesPerWeek, 1, 7)) {
    return ['cadence.timesPerWeek must be a whole number from 1 to 7'];
  }
  return [];
}

function promptProblems(prompt: ExercisePrompt): string[] {
  const at = `prompt "${prompt.key}"`;
  const problems: string[] = [];
  if (typeof prompt.key !== 'string' || !KEBAB_CASE.test(prompt.key) || prompt.key.length > DEFINITION_LIMITS.keyLength) {
    problems.push(`${at}: key must be kebab-case (lower-case words joined by hyphens)`);
  }
  if (!isText(prompt.label, DEFINITION_LIMITS.labelLength)) {
    problems.push(`${at}: label must be non-empty and at most ${DEFINITION_LIMITS.labelLength} characters`);
  }
  if (prompt.help !== undefined && !isText(prompt.help, DEFINITION_LIMITS.helpLength)) {
    problems.push(`${at}: help, when given, must be non-empty and at most ${DEFINITION_LIMITS.helpLength} characters`);
  }
  if (typeof prompt.required !== 'boolean') problems.push(`${at}: required must be true or false`);
  if (!PROMPT_TYPES.includes(prompt.type)) {
    problems.push(`${at}: type must be one of: ${PROMPT_TYPES.join(', ')}`);
    return problems;
  }
  switch (prompt.type) {
    case 'text':
      if (!isWholeNumber(prompt.maxLength, 1, DEFINITION_LIMITS.textMaxLength)) {
        problems.push(`${at}: maxLength must be a whole number from 1 to ${DEFINITION_LIMITS.textMaxLength}`);
      }
      if (typeof prompt.multiline !== 'boolean') problems.push(`${at}: multiline must be true or false`);
      break;
    case 'scale':
      if (prompt.min !== 0 || prompt.max !== 10) problems.push(`${at}: a scale runs from 0 to 10`);
      if (!isText(prompt.minLabel, DEFINITION_LIMITS.optionLabelLength) || !isText(prompt.maxLabel, DEFINITION_LIMITS.optionLabelLength)) {
        problems.push(`${at}: a scale needs words for both ends (minLabel and maxLabel)`);
      }
      break;
    case 'choice': {
      const options = Array.isArray(prompt.options) ? prompt.options : [];
      if (options.length < DEFINITION_LIMITS.minOptions || options.length > DEFINITION_LIMITS.maxOptions) {
        problems.push(`${at}: a choice needs ${DEFINITION_LIMITS.minOptions} to ${DEFINITION_LIMITS.maxOptions} options`);
      }
      for (const option of options) {
        if (typeof option.key !== 'string' || !KEBAB_CASE.test(option.key)) problems.push(`${at}: option key "${option.key}" must be kebab-case`);
        if (!isText(option.label, DEFINITION_LIMITS.optionLabelLength)) problems.push(`${at}: option "${option.key}" needs a label`);
      }
      if (new Set(options.map((option) => option.key)).size !== options.length) problems.push(`${at}: option keys must be unique`);
      if (new Set(options.map((option) => option.label?.trim().toLowerCase())).size !== options.length) {
        problems.push(`${at}: option labels must be unique`);
      }
      if (prompt.multiple !== undefined && typeof prompt.multiple !== 'boolean') problems.push(`${at}: multiple must be true or false`);
      break;
    }
    case 'yes-no':
    case 'date':
      break;
  }
  return problems;
}

/** Problems with a list of prompts on its own (e.g. a practice template being edited). */
export function promptListProblems(prompts: readonly ExercisePrompt[]): string[] {
  if (!Array.isArray(prompts) || prompts.length === 0) return ['an exercise needs at least one prompt'];
  const problems: string[] = [];
  if (prompts.length > DEFINITION_LIMITS.maxPrompts) problems.push(`an exercise has at most ${DEFINITION_LIMITS.maxPrompts} prompts`);
  const keys = prompts.map((prompt) => prompt.key);
  const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
  if (repeated.length > 0) problems.push(`prompt keys must be unique (repeated: ${[...new Set(repeated)].join(', ')})`);
  if (!prompts.some((prompt) => prompt.required)) problems.push('at least one prompt must be required, so an empty sheet cannot be sent');
  for (const prompt of prompts) problems.push(...promptProblems(prompt));
  return problems;
}

/** Every problem with an exercise definition; an empty list means it is well formed. */
export function exerciseProblems(exercise: Exercise): string[] {
  const problems: string[] = [];
  const limits = DEFINITION_LIMITS;
  if (typeof exercise.key !== 'string' || !KEBAB_CASE.test(exercise.key) || exercise.key.length > limits.keyLength) {
    problems.push('key must be kebab-case (lower-case words joined by hyphens)');
  }
  if (!isWholeNumber(exercise.version, 1, Number.MAX_SAFE_INTEGER)) problems.push('version must be a whole number from 1');
  if (!isText(exercise.title, limits.titleLength)) problems.push(`title must be non-empty and at most ${limits.titleLength} characters`);
  if (!EXERCISE_PHASES.includes(exercise.phase)) problems.push('phase must be 1 to 9 or "throughout"');
  if (!EXERCISE_AUDIENCES.includes(exercise.audience)) problems.push(`audience must be one of: ${EXERCISE_AUDIENCES.join(', ')}`);
  for (const other of exercise.otherAudiences ?? []) {
    if (!EXERCISE_AUDIENCES.includes(other) || other === exercise.audience) {
      problems.push(`otherAudiences may only list audiences other than the main one (got "${other}")`);
    }
  }
  if (exercise.sheet !== 'own' && exercise.sheet !== 'shared') problems.push('sheet must be "own" or "shared"');
  if (exercise.sheet === 'shared' && exercise.audience !== 'together') problems.push('only a "together" exercise can have a shared sheet');
  problems.push(...cadenceProblems(exercise.cadence));
  if (!isWholeNumber(exercise.minutes, 1, limits.maxMinutes)) problems.push(`minutes must be a whole number from 1 to ${limits.maxMinutes}`);
  if (!isText(exercise.purpose, limits.purposeLength)) problems.push(`purpose must be non-empty and at most ${limits.purposeLength} characters`);
  if (!isText(exercise.instructions, limits.instructionsLength)) {
    problems.push(`instructions must be non-empty and at most ${limits.instructionsLength} characters`);
  }
  // Optional: a simple exercise may need no cautions for the clinician.
  const notes: unknown = exercise.clinicianNotes ?? '';
  if (typeof notes !== 'string' || notes.length > limits.clinicianNotesLength) {
    problems.push(`clinicianNotes must be at most ${limits.clinicianNotesLength} characters`);
  }
  problems.push(...promptListProblems(exercise.prompts));
  return problems;
}
