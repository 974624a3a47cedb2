import { exerciseProblems, promptListProblems } from './definition-checks';
import { exerciseByKey } from './library';
import type { Exercise, ExercisePrompt } from './types';

const base = exerciseByKey('promise-log') as Exercise;

/** The base exercise with some fields replaced; casts let tests build broken definitions. */
function withChanges(changes: Record<string, unknown>): Exercise {
  return { ...base, ...changes } as Exercise;
}

function withPrompt(prompt: Record<string, unknown>): Exercise {
  return withChanges({ prompts: [...base.prompts, prompt as unknown as ExercisePrompt] });
}

describe('exerciseProblems', () => {
  it('accepts a well-formed exercise', () => {
    expect(exerciseProblems(base)).toEqual([]);
  });

  it.each(['Promise-Log', 'promise_log', 'promise--log', '-promise', ''])('rejects the key %p', (key) => {
    expect(exerciseProblems(withChanges({ key }))).toContain('key must be kebab-case (lower-case words joined by hyphens)');
  });

  it('rejects a phase, audience or sheet outside the program', () => {
    expect(exerciseProblems(withChanges({ phase: 10 }))).toContain('phase must be 1 to 9 or "throughout"');
    expect(exerciseProblems(withChanges({ phase: 0 }))).toContain('phase must be 1 to 9 or "throughout"');
    expect(exerciseProblems(withChanges({ audience: 'partner' }))).toContain('audience must be one of: broke-trust, hurt, each, together');
    expect(exerciseProblems(withChanges({ sheet: 'shared' }))).toContain('only a "together" exercise can have a shared sheet');
    expect(exerciseProblems(withChanges({ otherAudiences: ['broke-trust'] }))).toEqual([
      'otherAudiences may only list audiences other than the main one (got "broke-trust")',
    ]);
  });

  it('rejects a bad cadence', () => {
    expect(exerciseProblems(withChanges({ cadence: { kind: 'monthly' } }))).toContain('cadence must be one of: once, daily, weekly, as-needed');
    expect(exerciseProblems(withChanges({ cadence: { kind: 'weekly', timesPerWeek: 8 } }))).toContain(
      'cadence.timesPerWeek must be a whole number from 1 to 7',
    );
    expect(exerciseProblems(withChanges({ cadence: { kind: 'once', dueInDays: 0 } }))).toContain(
      'cadence.dueInDays must be a whole number from 1 to 90',
    );
  });

  it('rejects empty or overlong text fields', () => {
    expect(exerciseProblems(withChanges({ purpose: ' ' }))).toContain('purpose must be non-empty and at most 300 characters');
    expect(exerciseProblems(withChanges({ purpose: 'x'.repeat(301) }))).toContain('purpose must be non-empty and at most 300 characters');
    expect(exerciseProblems(withChanges({ instructions: '' }))).toContain('instructions must be non-empty and at most 1200 characters');
    expect(exerciseProblems(withChanges({ clinicianNotes: 'x'.repeat(1001) }))).toContain('clinicianNotes must be at most 1000 characters');
    expect(exerciseProblems(withChanges({ title: '' }))).toContain('title must be non-empty and at most 80 characters');
    expect(exerciseProblems(withChanges({ minutes: 0 }))).toContain('minutes must be a whole number from 1 to 240');
    expect(exerciseProblems(withChanges({ version: 0 }))).toContain('version must be a whole number from 1');
  });

  it('leaves the notes for the clinician optional', () => {
    expect(exerciseProblems(withChanges({ clinicianNotes: '' }))).toEqual([]);
    expect(exerciseProblems(withChanges({ clinicianNotes: undefined }))).toEqual([]);
    expect(exerciseProblems(withChanges({ clinicianNotes: 42 }))).toContain('clinicianNotes must be at most 1000 characters');
  });

  it('rejects repeated prompt keys and sheets with nothing required', () => {
    expect(exerciseProblems(withPrompt({ ...base.prompts[0] }))).toContain('prompt keys must be unique (repeated: promises-made)');
    const optional = base.prompts.map((prompt) => ({ ...prompt, required: false }));
    expect(exerciseProblems(withChanges({ prompts: optional }))).toContain(
      'at least one prompt must be required, so an empty sheet cannot be sent',
    );
    expect(exerciseProblems(withChanges({ prompts: [] }))).toEqual(['an exercise needs at least one prompt']);
  });

  it('rejects a text prompt without a length limit', () => {
    expect(exerciseProblems(withPrompt({ key: 'more', type: 'text', label: 'More?', required: true, multiline: true }))).toEqual([
      'prompt "more": maxLength must be a whole number from 1 to 10000',
    ]);
  });

  it('rejects a scale that is not 0 to 10 or lacks end labels', () => {
    const scale = { key: 'rate', type: 'scale', label: 'Rate it', required: true, min: 1, max: 5, minLabel: 'Low', maxLabel: '' };
    expect(exerciseProblems(withPrompt(scale))).toEqual([
      'prompt "rate": a scale runs from 0 to 10',
      'prompt "rate": a scale needs words for both ends (minLabel and maxLabel)',
    ]);
  });

  it('rejects choice prompts with too few, repeated or unlabelled options', () => {
    const one = { key: 'pick', type: 'choice', label: 'Pick', required: true, options: [{ key: 'a', label: 'A' }] };
    expect(exerciseProblems(withPrompt(one))).toEqual(['prompt "pick": a choice needs 2 to 12 options']);
    const repeated = {
      ...one,
      options: [
        { key: 'a', label: 'A' },
        { key: 'a', label: 'B' },
        { key: 'Bad Key', label: ' ' },
      ],
    };
    expect(exerciseProblems(withPrompt(repeated))).toEqual([
      'prompt "pick": option key "Bad Key" must be kebab-case',
      'prompt "pick": option "Bad Key" needs a label',
      'prompt "pick": option keys must be unique',
    ]);
  });

  it('rejects unknown prompt types and bad prompt keys', () => {
    expect(exerciseProblems(withPrompt({ key: 'x', type: 'slider', label: 'Slide', required: true }))).toEqual([
      'prompt "x": type must be one of: text, scale, yes-no, choice, date',
    ]);
    expect(exerciseProblems(withPrompt({ key: 'Bad key', type: 'date', label: 'When', required: 'yes' }))).toEqual([
      'prompt "Bad key": key must be kebab-case (lower-case words joined by hyphens)',
      'prompt "Bad key": required must be true or false',
    ]);
  });
});

describe('promptListProblems', () => {
  it('checks a prompt list on its own', () => {
    expect(promptListProblems(base.prompts)).toEqual([]);
    expect(promptListProblems([])).toEqual(['an exercise needs at least one prompt']);
  });
});
