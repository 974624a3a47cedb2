import { PHASES } from '../phases';
import { answerProblems } from './answers';
import { CHECK_IN, CHECK_IN_RATING_KEYS } from './check-in';
import { KEBAB_CASE, exerciseProblems } from './definition-checks';
import { EXERCISES, exerciseByKey, exercisesForPhase } from './library';
import {
  EXERCISE_AUDIENCES,
  EXERCISE_PHASES,
  type AnswerValue,
  type Answers,
  type Exercise,
  type ExercisePrompt,
} from './types';

/** The exercise ideas named in shared/trust-program.md, with the phase and audience it gives. */
const NAMED_IN_PROGRAM: Array<[key: string, phase: Exercise['phase'], audience: Exercise['audience']]> = [
  ['own-your-role', 1, 'broke-trust'],
  ['apology-plan', 2, 'broke-trust'],
  ['ask-for-a-good-time', 2, 'broke-trust'],
  ['expressing-the-hurt', 3, 'hurt'],
  ['active-listening', 3, 'together'],
  ['weekly-trust-check-in', 6, 'each'],
  ['daily-honesty', 6, 'each'],
  ['journal', 6, 'each'],
  ['transparency-agreement', 4, 'together'],
  ['boundaries-and-deal-breakers', 5, 'each'],
  ['promise-log', 4, 'broke-trust'],
  ['appreciation', 8, 'hurt'],
  ['reconnection-plan', 7, 'together'],
  ['dreams-fears-goals', 7, 'together'],
  ['forgiveness-reflection', 8, 'hurt'],
  ['self-compassion-note', 'throughout', 'broke-trust'],
  ['celebrate-progress', 9, 'together'],
];

/** Everything on a sheet that the client reads. */
function clientText(exercise: Exercise): string[] {
  return [
    exercise.title,
    exercise.instructions,
    ...exercise.prompts.flatMap((prompt) => [
      prompt.label,
      prompt.help ?? '',
      ...(prompt.type === 'scale' ? [prompt.minLabel, prompt.maxLabel] : []),
      ...(prompt.type === 'choice' ? prompt.options.map((option) => option.label) : []),
    ]),
  ];
}

/** A valid answer for a prompt, to prove every sheet can actually be completed. */
function sampleAnswer(prompt: ExercisePrompt): AnswerValue {
  switch (prompt.type) {
    case 'text':
      return 'x'.repeat(Math.min(prompt.maxLength, 40));
    case 'scale':
      return 7;
    case 'yes-no':
      return true;
    case 'choice':
      return prompt.multiple ? [prompt.options[0].key] : prompt.options[0].key;
    case 'date':
      return '2026-03-14';
  }
}

const cases = EXERCISES.map((exercise) => [exercise.key, exercise] as const);

describe('exercise library', () => {
  it('has at least the 17 exercises of the program', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(17);
  });

  it('covers every exercise idea the program names, in its phase and audience', () => {
    for (const [key, phase, audience] of NAMED_IN_PROGRAM) {
      const exercise = exerciseByKey(key);
      expect(exercise).toBeDefined();
      expect([key, exercise?.phase, exercise?.audience]).toEqual([key, phase, audience]);
    }
  });

  it('uses unique kebab-case keys and unique titles', () => {
    const keys = EXERCISES.map((exercise) => exercise.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(KEBAB_CASE);
    expect(new Set(EXERCISES.map((exercise) => exercise.title)).size).toBe(EXERCISES.length);
  });

  it('has at least one exercise for every phase 1 to 9 and for the throughout phase', () => {
    for (const phase of PHASES) expect(exercisesForPhase(phase.number as Exercise['phase']).length).toBeGreaterThan(0);
    expect(exercisesForPhase('throughout').length).toBeGreaterThan(0);
  });

  it('finds exercises by key and by phase', () => {
    expect(exerciseByKey('apology-plan')?.phase).toBe(2);
    expect(exerciseByKey('no-such-exercise')).toBeUndefined();
    expect(exercisesForPhase(2).map((exercise) => exercise.key)).toEqual(['apology-plan', 'ask-for-a-good-time']);
  });

  describe.each(cases)('%s', (_key, exercise) => {
    it('passes the definition checks', () => {
      expect(exerciseProblems(exercise)).toEqual([]);
    });

    it('has a valid phase, audience, sheet and version', () => {
      expect(EXERCISE_PHASES).toContain(exercise.phase);
      expect(EXERCISE_AUDIENCES).toContain(exercise.audience);
      for (const other of exercise.otherAudiences ?? []) {
        expect(EXERCISE_AUDIENCES).toContain(other);
        expect(other).not.toBe(exercise.audience);
      }
      if (exercise.sheet === 'shared') expect(exercise.audience).toBe('together');
      expect(Number.isInteger(exercise.version) && exercise.version >= 1).toBe(true);
      expect(exercise.minutes).toBeGreaterThan(0);
    });

    it('has a short purpose, instructions and clinician notes', () => {
      expect(exercise.title.trim().length).toBeGreaterThan(3);
      expect(exercise.purpose.trim().length).toBeGreaterThan(40);
      expect(exercise.purpose.length).toBeLessThanOrEqual(300);
      expect(exercise.instructions.trim().length).toBeGreaterThan(80);
      expect(exercise.instructions.length).toBeLessThanOrEqual(1200);
      expect(exercise.clinicianNotes.trim().length).toBeGreaterThan(40);
    });

    it('is a usable sheet: 2 to 6 prompts of more than one type, at least one required', () => {
      expect(exercise.prompts.length).toBeGreaterThanOrEqual(2);
      expect(exercise.prompts.length).toBeLessThanOrEqual(6);
      expect(new Set(exercise.prompts.map((prompt) => prompt.type)).size).toBeGreaterThanOrEqual(2);
      expect(exercise.prompts.some((prompt) => prompt.required)).toBe(true);
    });

    it('has unique kebab-case prompt keys and short client-facing labels', () => {
      const keys = exercise.prompts.map((prompt) => prompt.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const prompt of exercise.prompts) {
        expect(prompt.key).toMatch(KEBAB_CASE);
        expect(prompt.label.trim().length).toBeGreaterThan(3);
        expect(prompt.label.length).toBeLessThanOrEqual(120);
      }
    });

    it('gives every prompt well-formed type details', () => {
      for (const prompt of exercise.prompts) {
        switch (prompt.type) {
          case 'text':
            expect(Number.isInteger(prompt.maxLength) && prompt.maxLength > 0).toBe(true);
            expect(typeof prompt.multiline).toBe('boolean');
            break;
          case 'scale':
            expect([prompt.min, prompt.max]).toEqual([0, 10]);
            expect(prompt.minLabel.trim()).not.toBe('');
            expect(prompt.maxLabel.trim()).not.toBe('');
            break;
          case 'choice': {
            expect(prompt.options.length).toBeGreaterThanOrEqual(2);
            const optionKeys = prompt.options.map((option) => option.key);
            expect(new Set(optionKeys).size).toBe(optionKeys.length);
            expect(new Set(prompt.options.map((option) => option.label)).size).toBe(optionKeys.length);
            for (const option of prompt.options) {
              expect(option.key).toMatch(KEBAB_CASE);
              expect(option.label.trim()).not.toBe('');
            }
            break;
          }
          case 'yes-no':
          case 'date':
            break;
        }
      }
    });

    it('speaks to the client without assuming a couple', () => {
      for (const line of clientText(exercise)) expect(line).not.toMatch(/\bpartners?\b/i);
    });

    it('accepts a completed sheet and names every required prompt on an empty one', () => {
      const complete: Answers = Object.fromEntries(exercise.prompts.map((prompt) => [prompt.key, sampleAnswer(prompt)]));
      expect(answerProblems(exercise.prompts, complete)).toEqual([]);
      const required = exercise.prompts.filter((prompt) => prompt.required);
      expect(answerProblems(exercise.prompts, {})).toHaveLength(required.length);
    });
  });
});

describe('weekly check-in', () => {
  it('asks the four 0-10 ratings and an optional note', () => {
    expect(CHECK_IN.prompts.map((prompt) => prompt.key)).toEqual([...CHECK_IN_RATING_KEYS, 'note']);
    for (const prompt of CHECK_IN.prompts.slice(0, 4)) {
      expect(prompt).toMatchObject({ type: 'scale', min: 0, max: 10, required: true });
    }
    expect(CHECK_IN.prompts[4]).toMatchObject({ type: 'text', required: false });
  });

  it('validates answers like any sheet', () => {
    expect(answerProblems(CHECK_IN.prompts, { trust: 4, safety: 6, heard: 5, closeness: 3, note: null })).toEqual([]);
    expect(answerProblems(CHECK_IN.prompts, { trust: 4, safety: 11, heard: 5, closeness: 3 })).toEqual([
      'How safe have you felt with them this week? needs a whole number from 0 to 10',
    ]);
  });

  it('shares its rating prompts with the weekly trust check-in exercise', () => {
    const exercise = exerciseByKey('weekly-trust-check-in');
    expect(exercise?.prompts.slice(0, 4)).toEqual(CHECK_IN.prompts.slice(0, 4));
  });
});
