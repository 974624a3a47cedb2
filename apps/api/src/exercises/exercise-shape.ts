import type * as Contracts from '@trustwork/contracts';
import {
  exerciseProblems,
  type CadenceKind,
  type ChoicePrompt,
  type ExerciseCadence,
  type ExercisePhase,
  type ExercisePrompt,
  type PromptType,
  type ScalePrompt,
  type TextPrompt,
} from '@trustwork/trust-program';

/** Both ways assignable: the two types describe the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * libs/contracts repeats the exercise shape because it cannot import trust-program;
 * this fails to compile the moment the two drift apart.
 */
export const CONTRACTS_MATCH_THE_LIBRARY: Same<Contracts.ExercisePrompt, ExercisePrompt> &
  Same<Contracts.ExerciseCadence, ExerciseCadence> &
  Same<Contracts.ExercisePhase, ExercisePhase> = true;

type DefaultedField = 'sheet' | 'otherAudiences' | 'clinicianNotes';

/** The content of one version of a practice template: an Exercise without key and version. */
export type TemplateContent = Omit<Contracts.CreateExerciseRequest, DefaultedField> & Required<Pick<Contracts.CreateExerciseRequest, DefaultedField>>;

/** A new template's content as the request gives it, with the defaults of what it may leave out. */
export function templateContent(request: Contracts.CreateExerciseRequest): TemplateContent {
  const { title, phase, audience, otherAudiences, sheet, cadence, minutes, purpose, instructions, clinicianNotes, prompts } = request;
  return normalizeContent({
    title,
    phase,
    audience,
    otherAudiences: otherAudiences ?? [],
    sheet: sheet ?? 'own',
    cadence,
    minutes,
    purpose,
    instructions,
    clinicianNotes: clinicianNotes ?? '',
    prompts,
  });
}

// Which fields each kind of prompt and cadence may carry. Class-validator cannot check a
// union of plain objects, and anything accepted here is stored and later sent to clients.
const PROMPT_BASE = ['type', 'key', 'label', 'help', 'required'] as const;
const PROMPT_FIELDS: Record<PromptType, readonly string[]> = {
  text: [...PROMPT_BASE, 'maxLength', 'multiline'] satisfies (keyof TextPrompt)[],
  scale: [...PROMPT_BASE, 'min', 'max', 'minLabel', 'maxLabel'] satisfies (keyof ScalePrompt)[],
  'yes-no': PROMPT_BASE,
  choice: [...PROMPT_BASE, 'options', 'multiple'] satisfies (keyof ChoicePrompt)[],
  date: PROMPT_BASE,
};
const OPTION_FIELDS = ['key', 'label'];
const CADENCE_FIELDS: Record<CadenceKind, readonly string[]> = {
  once: ['kind', 'dueInDays'],
  daily: ['kind'],
  weekly: ['kind', 'timesPerWeek'],
  'as-needed': ['kind'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownFields(value: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(value).filter((field) => !allowed.includes(field));
}

function cadenceShapeProblems(cadence: unknown): string[] {
  if (!isRecord(cadence) || !(typeof cadence.kind === 'string' && cadence.kind in CADENCE_FIELDS)) return [];
  return unknownFields(cadence, CADENCE_FIELDS[cadence.kind as CadenceKind]).map((field) => `cadence.${field} is not a field of a ${cadence.kind} cadence`);
}

function promptShapeProblems(prompt: unknown, index: number): string[] {
  if (!isRecord(prompt)) return [`prompts[${index}] must be an object describing one prompt`];
  if (typeof prompt.key !== 'string' || prompt.key.trim() === '') return [`prompts[${index}].key is required`];
  const at = `prompt "${prompt.key}"`;
  const type = prompt.type as PromptType;
  // An unknown type gets the library's own message; its fields cannot be judged.
  if (!(typeof type === 'string' && type in PROMPT_FIELDS)) return [];
  const problems = unknownFields(prompt, PROMPT_FIELDS[type]).map((field) => `${at}: "${field}" is not a field of a ${type} prompt`);
  if (type === 'choice' && Array.isArray(prompt.options)) {
    for (const option of prompt.options) {
      if (!isRecord(option) || typeof option.key !== 'string' || typeof option.label !== 'string' || unknownFields(option, OPTION_FIELDS).length > 0) {
        problems.push(`${at}: each option needs a key and a label, and nothing else`);
        break;
      }
    }
  }
  return problems;
}

/** A scale always runs from 0 to 10, so a template may leave the bounds out. */
function withScaleBounds(prompt: ExercisePrompt): ExercisePrompt {
  return isRecord(prompt) && prompt.type === 'scale' ? { ...prompt, min: prompt.min ?? 0, max: prompt.max ?? 10 } : prompt;
}

export function normalizeContent(content: TemplateContent): TemplateContent {
  return { ...content, prompts: Array.isArray(content.prompts) ? content.prompts.map(withScaleBounds) : content.prompts };
}

/**
 * Every problem with a practice template, in words for the person writing it: first
 * its shape (fields the library does not know), then the library's own rules.
 */
export function templateProblems(content: TemplateContent): string[] {
  const prompts: unknown[] = Array.isArray(content.prompts) ? content.prompts : [];
  const shape = [...cadenceShapeProblems(content.cadence), ...prompts.flatMap(promptShapeProblems)];
  if (shape.length > 0) return shape;
  // Practice templates have no key (their id is a UUID) and the version is the API's to
  // number, so both get fixed, valid stand-ins for the library's check.
  return exerciseProblems({ ...content, key: 'practice-template', version: 1 });
}

// Phases are stored as text ('1' to '9', 'throughout') so one column holds both kinds.
export function storedPhase(phase: ExercisePhase): string {
  return String(phase);
}

export function phaseFromStore(stored: string): ExercisePhase {
  return stored === 'throughout' ? 'throughout' : (Number(stored) as ExercisePhase);
}
