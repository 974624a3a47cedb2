import {
  type CreateExerciseRequest,
  type ExerciseAudience,
  type ExerciseCadence,
  type ExerciseDetail,
  type ExercisePhase,
  type ExercisePrompt,
  type ExerciseSheet,
} from '@trustwork/contracts';
import { type CadenceKind, type PromptType } from '@trustwork/trust-program';

export interface OptionDraft {
  /** Empty until saved: a key is made from the label then, and never changed after. */
  key: string;
  label: string;
}

/** One question as the editor holds it: every type's fields, so switching type loses nothing. */
export interface PromptDraft {
  /** Stable while the question is edited, for React and for moving it up and down. */
  id: string;
  key: string;
  type: PromptType;
  label: string;
  help: string;
  required: boolean;
  multiline: boolean;
  maxLength: number | string;
  minLabel: string;
  maxLabel: string;
  multiple: boolean;
  options: OptionDraft[];
}

export interface ExerciseFormValues {
  title: string;
  phase: string;
  audience: ExerciseAudience;
  sheet: ExerciseSheet;
  cadenceKind: CadenceKind;
  dueInDays: number | string;
  timesPerWeek: number | string;
  minutes: number | string;
  purpose: string;
  instructions: string;
  clinicianNotes: string;
  prompts: PromptDraft[];
}

let draftCount = 0;
const nextDraftId = () => `draft-${++draftCount}`;

export const PROMPT_TYPE_LABELS: Record<PromptType, string> = {
  text: 'Written answer',
  scale: 'Scale from 0 to 10',
  'yes-no': 'Yes or no',
  choice: 'Choice of answers',
  date: 'Date',
};

export function newPromptDraft(type: PromptType): PromptDraft {
  return {
    id: nextDraftId(),
    key: '',
    type,
    label: '',
    help: '',
    required: true,
    multiline: true,
    maxLength: 2000,
    minLabel: '',
    maxLabel: '',
    multiple: false,
    options: type === 'choice' ? [{ key: '', label: '' }, { key: '', label: '' }] : [],
  };
}

function promptDraft(prompt: ExercisePrompt): PromptDraft {
  const draft = { ...newPromptDraft(prompt.type), key: prompt.key, label: prompt.label, help: prompt.help ?? '', required: prompt.required };
  switch (prompt.type) {
    case 'text':
      return { ...draft, multiline: prompt.multiline, maxLength: prompt.maxLength };
    case 'scale':
      return { ...draft, minLabel: prompt.minLabel, maxLabel: prompt.maxLabel };
    case 'choice':
      return { ...draft, multiple: prompt.multiple ?? false, options: prompt.options.map((option) => ({ ...option })) };
    default:
      return draft;
  }
}

/** The form for an existing template, or a blank one with a first question ready. */
export function exerciseFormValues(exercise?: ExerciseDetail): ExerciseFormValues {
  const cadence = exercise?.cadence ?? { kind: 'once' };
  return {
    title: exercise?.title ?? '',
    phase: String(exercise?.phase ?? 1),
    audience: exercise?.audience ?? 'each',
    sheet: exercise?.sheet ?? 'own',
    cadenceKind: cadence.kind,
    dueInDays: cadence.kind === 'once' ? (cadence.dueInDays ?? 7) : 7,
    timesPerWeek: cadence.kind === 'weekly' ? (cadence.timesPerWeek ?? 1) : 1,
    minutes: exercise?.minutes ?? 15,
    purpose: exercise?.purpose ?? '',
    instructions: exercise?.instructions ?? '',
    clinicianNotes: exercise?.clinicianNotes ?? '',
    prompts: exercise ? exercise.prompts.map(promptDraft) : [newPromptDraft('text')],
  };
}

/** "How did it feel?" → "how-did-it-feel", unique among `taken` (which it joins). */
function freshKey(label: string, fallback: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || fallback;
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

function toCadence(values: ExerciseFormValues): ExerciseCadence {
  switch (values.cadenceKind) {
    case 'once':
      return { kind: 'once', dueInDays: Number(values.dueInDays) };
    case 'weekly':
      return { kind: 'weekly', timesPerWeek: Number(values.timesPerWeek) };
    default:
      return { kind: values.cadenceKind };
  }
}

function toPrompt(draft: PromptDraft, takenKeys: Set<string>): ExercisePrompt {
  // Answers are stored under a question's key, so a saved key is kept whatever its label becomes.
  const key = draft.key || freshKey(draft.label, 'question', takenKeys);
  const base = { key, label: draft.label.trim(), required: draft.required, ...(draft.help.trim() ? { help: draft.help.trim() } : {}) };
  switch (draft.type) {
    case 'text':
      return { ...base, type: 'text', multiline: draft.multiline, maxLength: Number(draft.maxLength) };
    case 'scale':
      return { ...base, type: 'scale', min: 0, max: 10, minLabel: draft.minLabel.trim(), maxLabel: draft.maxLabel.trim() };
    case 'choice': {
      const optionKeys = new Set(draft.options.map((option) => option.key).filter(Boolean));
      const options = draft.options.map((option) => ({
        key: option.key || freshKey(option.label, 'option', optionKeys),
        label: option.label.trim(),
      }));
      return { ...base, type: 'choice', multiple: draft.multiple, options };
    }
    case 'yes-no':
      return { ...base, type: 'yes-no' };
    case 'date':
      return { ...base, type: 'date' };
  }
}

export function exerciseRequest(values: ExerciseFormValues): CreateExerciseRequest {
  const takenKeys = new Set(values.prompts.map((prompt) => prompt.key).filter(Boolean));
  const phase: ExercisePhase = values.phase === 'throughout' ? 'throughout' : (Number(values.phase) as ExercisePhase);
  return {
    title: values.title.trim(),
    phase,
    audience: values.audience,
    // Only a together exercise can have one shared sheet.
    sheet: values.audience === 'together' ? values.sheet : 'own',
    cadence: toCadence(values),
    minutes: Number(values.minutes),
    purpose: values.purpose.trim(),
    instructions: values.instructions.trim(),
    clinicianNotes: values.clinicianNotes.trim(),
    prompts: values.prompts.map((draft) => toPrompt(draft, takenKeys)),
  };
}
