import type { ExercisePrompt } from '@trustwork/contracts';
import { subjectOf, textLength } from './field-errors';

export type Answers = Record<string, unknown>;

/** Whether a value counts as an answer (blank text and no choices do not), as the API judges it. */
function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * The problems worth catching before sending, worded as the API words them: a required
 * question left blank, a text too long. The API checks everything else.
 */
export function answerProblems(prompts: readonly ExercisePrompt[], answers: Answers): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const prompt of prompts) {
    const value = answers[prompt.key];
    if (!isAnswered(value)) {
      if (prompt.required) problems[prompt.key] = `${subjectOf(prompt.label)} needs an answer`;
    } else if (prompt.type === 'text' && typeof value === 'string' && textLength(value) > prompt.maxLength) {
      problems[prompt.key] =
        `${subjectOf(prompt.label)} is too long: please keep it to ${prompt.maxLength} characters or fewer (it has ${textLength(value)})`;
    }
  }
  return problems;
}

/** What is sent: the answered questions only, so a blank optional one is left out rather than sent empty. */
export function answersToSend(prompts: readonly ExercisePrompt[], answers: Answers): Answers {
  const sent: Answers = {};
  for (const prompt of prompts) {
    if (isAnswered(answers[prompt.key])) sent[prompt.key] = answers[prompt.key];
  }
  return sent;
}
