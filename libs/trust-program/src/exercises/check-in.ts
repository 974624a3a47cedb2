import type { ExercisePrompt, ScalePrompt, TextPrompt } from './types';

/**
 * The weekly check-in: a built-in questionnaire (not an assignable exercise) that each
 * participant answers in the portal, the basis of the progress charts. Its answers are
 * checked with `answerProblems(CHECK_IN.prompts, answers)` like any sheet's.
 */
export interface Questionnaire {
  /** Stable kebab-case id. */
  readonly key: string;
  /** Bump when the prompts or their wording change. */
  readonly version: number;
  readonly title: string;
  /** Shown to the client above the prompts. */
  readonly intro: string;
  readonly prompts: readonly ExercisePrompt[];
}

/** The four ratings, in chart order. Keys are stable: stored answers and charts use them. */
export const CHECK_IN_RATING_KEYS = ['trust', 'safety', 'heard', 'closeness'] as const;
export type CheckInRatingKey = (typeof CHECK_IN_RATING_KEYS)[number];

/** Clinician-facing names of the ratings, e.g. for chart legends. */
export const CHECK_IN_RATING_LABELS: Record<CheckInRatingKey, string> = {
  trust: 'Trust',
  safety: 'Feeling safe',
  heard: 'Feeling heard',
  closeness: 'Closeness',
};

/** The four 0-10 ratings, shared by the check-in and the weekly trust check-in exercise. */
export const CHECK_IN_RATING_PROMPTS: readonly ScalePrompt[] = [
  {
    key: 'trust',
    type: 'scale',
    label: 'How much do you trust the other person at the moment?',
    required: true,
    min: 0,
    max: 10,
    minLabel: 'No trust at all',
    maxLabel: 'Complete trust',
  },
  {
    key: 'safety',
    type: 'scale',
    label: 'How safe have you felt with them this week?',
    required: true,
    min: 0,
    max: 10,
    minLabel: 'Not safe at all',
    maxLabel: 'Completely safe',
  },
  {
    key: 'heard',
    type: 'scale',
    label: 'How heard have you felt by them this week?',
    required: true,
    min: 0,
    max: 10,
    minLabel: 'Not heard at all',
    maxLabel: 'Completely heard',
  },
  {
    key: 'closeness',
    type: 'scale',
    label: 'How close have you felt to them this week?',
    required: true,
    min: 0,
    max: 10,
    minLabel: 'Very distant',
    maxLabel: 'Very close',
  },
];

export const CHECK_IN_NOTE_PROMPT: TextPrompt = {
  key: 'note',
  type: 'text',
  label: 'Is there anything you would like your therapist to know?',
  help: 'If you are worried about your safety, please use the private safety report instead, so your therapist sees it straight away.',
  required: false,
  maxLength: 1000,
  multiline: true,
};

export const CHECK_IN: Questionnaire = {
  key: 'weekly-check-in',
  version: 1,
  title: 'Weekly check-in',
  intro:
    'A few quick questions about the past week. Answer for how things have actually been, not how you hope they will be. ' +
    'There are no right answers, and a lower number than last time is useful to know, not a failure. Your answers go to your therapist, not to the other person.',
  prompts: [...CHECK_IN_RATING_PROMPTS, CHECK_IN_NOTE_PROMPT],
};
