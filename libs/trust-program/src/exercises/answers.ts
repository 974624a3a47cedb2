import type { ChoicePrompt, DatePrompt, ExercisePrompt, ScalePrompt, TextPrompt } from './types';

/**
 * Answer checks shared by the API (which must reject bad submissions) and the client
 * portal (which shows the same messages before sending). Pure: no I/O, no clock.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (so 2024-02-29 yes, 2026-02-30 no). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Length as a person counts it: an emoji or accented letter is one character. */
export function textLength(value: string): number {
  return Array.from(value).length;
}

/** The label as the subject of a sentence: trimmed, without a trailing full stop or colon. */
function subject(prompt: ExercisePrompt): string {
  return prompt.label.trim().replace(/[.:]+$/, '');
}

/** Whether a value counts as an answer at all (blank text, '' and [] do not). */
export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * The problem with one answer, in words the person answering understands, or null if
 * there is none. `value` is whatever arrived (undefined when the prompt was left out).
 */
export function promptAnswerProblem(prompt: ExercisePrompt, value: unknown): string | null {
  if (!isAnswered(value)) {
    // null, a missing key, blank text and [] all count as left blank, whatever the type.
    return prompt.required ? `${subject(prompt)} needs an answer` : null;
  }
  switch (prompt.type) {
    case 'text':
      return textProblem(prompt, value);
    case 'scale':
      return scaleProblem(prompt, value);
    case 'yes-no':
      return typeof value === 'boolean' ? null : `${subject(prompt)} needs a yes or no answer`;
    case 'choice':
      return choiceProblem(prompt, value);
    case 'date':
      return dateProblem(prompt, value);
  }
}

function textProblem(prompt: TextPrompt, value: unknown): string | null {
  if (typeof value !== 'string') return `${subject(prompt)} needs a written answer`;
  const length = textLength(value);
  if (length > prompt.maxLength) {
    return `${subject(prompt)} is too long: please keep it to ${prompt.maxLength} characters or fewer (it has ${length})`;
  }
  return null;
}

function scaleProblem(prompt: ScalePrompt, value: unknown): string | null {
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= prompt.min && value <= prompt.max;
  return ok ? null : `${subject(prompt)} needs a whole number from ${prompt.min} to ${prompt.max}`;
}

function choiceProblem(prompt: ChoicePrompt, value: unknown): string | null {
  const keys = new Set(prompt.options.map((option) => option.key));
  if (!prompt.multiple) {
    if (Array.isArray(value)) return `${subject(prompt)} needs just one of the options`;
    if (typeof value !== 'string' || !keys.has(value)) return `${subject(prompt)} needs one of the options listed`;
    return null;
  }
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    return `${subject(prompt)} needs a list of the options you chose`;
  }
  if (value.some((item) => !keys.has(item))) return `${subject(prompt)} includes an option that is not on the list`;
  if (new Set(value).size !== value.length) return `${subject(prompt)} has the same option chosen more than once`;
  return null;
}

function dateProblem(prompt: DatePrompt, value: unknown): string | null {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) {
    return `${subject(prompt)} needs a date written as YYYY-MM-DD, for example 2026-03-14`;
  }
  if (!isCalendarDate(value)) return `${subject(prompt)} needs a real date: ${value} does not exist`;
  return null;
}

/**
 * Every problem with a set of answers to these prompts, in prompt order, followed by any
 * answers to questions that are not on the sheet. An empty list means the answers can be
 * accepted. Typed loosely so the API can pass a request body straight in.
 */
export function answerProblems(
  prompts: readonly ExercisePrompt[],
  answers: Readonly<Record<string, unknown>>,
): string[] {
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
    return ['The answers could not be read. Please try again.'];
  }
  const problems: string[] = [];
  for (const prompt of prompts) {
    const value = Object.prototype.hasOwnProperty.call(answers, prompt.key) ? answers[prompt.key] : undefined;
    const problem = promptAnswerProblem(prompt, value);
    if (problem) problems.push(problem);
  }
  const known = new Set(prompts.map((prompt) => prompt.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) problems.push(`There is an answer to a question that is not on this sheet ("${key}")`);
  }
  return problems;
}
