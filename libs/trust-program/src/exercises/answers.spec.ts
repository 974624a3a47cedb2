import { answerProblems, isAnswered, isCalendarDate, promptAnswerProblem, textLength } from './answers';
import type { ChoicePrompt, DatePrompt, ExercisePrompt, ScalePrompt, TextPrompt, YesNoPrompt } from './types';

const story: TextPrompt = { key: 'story', type: 'text', label: 'What happened?', required: true, maxLength: 20, multiline: true };
const extra: TextPrompt = { key: 'extra', type: 'text', label: 'Anything else:', required: false, maxLength: 10, multiline: false };
const safe: ScalePrompt = {
  key: 'safe',
  type: 'scale',
  label: 'How safe did you feel?',
  required: true,
  min: 0,
  max: 10,
  minLabel: 'Not safe',
  maxLabel: 'Completely safe',
};
const asked: YesNoPrompt = { key: 'asked', type: 'yes-no', label: 'Did you ask them?', required: true };
const answer: ChoicePrompt = {
  key: 'answer',
  type: 'choice',
  label: 'What did they say?',
  required: true,
  options: [
    { key: 'yes', label: 'Yes' },
    { key: 'not-yet', label: 'Not yet' },
  ],
};
const feelings: ChoicePrompt = {
  key: 'feelings',
  type: 'choice',
  label: 'Which feelings fit?',
  required: false,
  multiple: true,
  options: [
    { key: 'sad', label: 'Sad' },
    { key: 'angry', label: 'Angry' },
    { key: 'hopeful', label: 'Hopeful' },
  ],
};
const day: DatePrompt = { key: 'day', type: 'date', label: 'The day they chose', required: true };

const ALL: ExercisePrompt[] = [story, extra, safe, asked, answer, feelings, day];
const VALID = {
  story: 'I forgot to call.',
  extra: null,
  safe: 6,
  asked: false,
  answer: 'not-yet',
  feelings: ['sad', 'hopeful'],
  day: '2026-03-14',
};

describe('answerProblems', () => {
  it('accepts a complete, valid set of answers', () => {
    expect(answerProblems(ALL, VALID)).toEqual([]);
  });

  it('lists every missing required answer, in prompt order', () => {
    expect(answerProblems(ALL, {})).toEqual([
      'What happened? needs an answer',
      'How safe did you feel? needs an answer',
      'Did you ask them? needs an answer',
      'What did they say? needs an answer',
      'The day they chose needs an answer',
    ]);
  });

  it('treats null, blank text, an empty string and an empty list as not answered', () => {
    expect(answerProblems([story], { story: '   ' })).toEqual(['What happened? needs an answer']);
    expect(answerProblems([safe], { safe: null })).toEqual(['How safe did you feel? needs an answer']);
    expect(answerProblems([day], { day: '' })).toEqual(['The day they chose needs an answer']);
    expect(answerProblems([feelings], { feelings: [] })).toEqual([]);
    expect(answerProblems([{ ...feelings, required: true }], { feelings: [] })).toEqual(['Which feelings fit? needs an answer']);
  });

  it('reports answers to questions that are not on the sheet', () => {
    expect(answerProblems(ALL, { ...VALID, mood: 3 })).toEqual([
      'There is an answer to a question that is not on this sheet ("mood")',
    ]);
    expect(answerProblems([extra], { toString: 'x' })).toEqual([
      'There is an answer to a question that is not on this sheet ("toString")',
    ]);
  });

  it('does not read prompt keys from the object prototype', () => {
    const prompt: TextPrompt = { ...story, key: 'constructor' };
    expect(answerProblems([prompt], {})).toEqual(['What happened? needs an answer']);
  });

  it('rejects answers that are not an object', () => {
    expect(answerProblems(ALL, null as unknown as Record<string, unknown>)).toEqual(['The answers could not be read. Please try again.']);
    expect(answerProblems(ALL, [] as unknown as Record<string, unknown>)).toEqual(['The answers could not be read. Please try again.']);
  });

  it('collects several problems at once', () => {
    expect(answerProblems(ALL, { ...VALID, safe: 12, asked: 'yes', day: '2026-02-30' })).toEqual([
      'How safe did you feel? needs a whole number from 0 to 10',
      'Did you ask them? needs a yes or no answer',
      'The day they chose needs a real date: 2026-02-30 does not exist',
    ]);
  });
});

describe('text answers', () => {
  it('accepts text up to the limit, counting characters as a person would', () => {
    expect(promptAnswerProblem(story, 'a'.repeat(20))).toBeNull();
    expect(promptAnswerProblem(story, '😊'.repeat(20))).toBeNull();
    expect(textLength('😊é')).toBe(2);
  });

  it('rejects text that is too long', () => {
    expect(promptAnswerProblem(story, 'a'.repeat(21))).toBe(
      'What happened? is too long: please keep it to 20 characters or fewer (it has 21)',
    );
  });

  it('rejects a non-text answer', () => {
    expect(promptAnswerProblem(story, 42)).toBe('What happened? needs a written answer');
    expect(promptAnswerProblem(story, ['a'])).toBe('What happened? needs a written answer');
  });

  it('drops a trailing colon or full stop from the label in messages', () => {
    expect(promptAnswerProblem(extra, true)).toBe('Anything else needs a written answer');
  });

  it('lets an optional text stay blank', () => {
    expect(promptAnswerProblem(extra, undefined)).toBeNull();
    expect(promptAnswerProblem(extra, '')).toBeNull();
  });
});

describe('scale answers', () => {
  it.each([0, 5, 10])('accepts %d', (value) => {
    expect(promptAnswerProblem(safe, value)).toBeNull();
  });

  it.each([-1, 11, 6.5, Number.NaN, Number.POSITIVE_INFINITY, '7', true])('rejects %p', (value) => {
    expect(promptAnswerProblem(safe, value)).toBe('How safe did you feel? needs a whole number from 0 to 10');
  });

  it('asks for a required rating that is missing', () => {
    expect(promptAnswerProblem(safe, undefined)).toBe('How safe did you feel? needs an answer');
  });
});

describe('yes/no answers', () => {
  it('accepts true and false', () => {
    expect(promptAnswerProblem(asked, true)).toBeNull();
    expect(promptAnswerProblem(asked, false)).toBeNull();
  });

  it.each(['yes', 1, 0, ['yes']])('rejects %p', (value) => {
    expect(promptAnswerProblem(asked, value)).toBe('Did you ask them? needs a yes or no answer');
  });

  it('asks for a required yes/no that is missing', () => {
    expect(promptAnswerProblem(asked, null)).toBe('Did you ask them? needs an answer');
  });
});

describe('choice answers', () => {
  it('accepts one listed option by key', () => {
    expect(promptAnswerProblem(answer, 'yes')).toBeNull();
  });

  it('rejects an option that is not listed, or a label instead of a key', () => {
    expect(promptAnswerProblem(answer, 'maybe')).toBe('What did they say? needs one of the options listed');
    expect(promptAnswerProblem(answer, 'Not yet')).toBe('What did they say? needs one of the options listed');
    expect(promptAnswerProblem(answer, 3)).toBe('What did they say? needs one of the options listed');
  });

  it('rejects several options where one is asked for', () => {
    expect(promptAnswerProblem(answer, ['yes'])).toBe('What did they say? needs just one of the options');
  });

  it('accepts a list of listed options where several are allowed', () => {
    expect(promptAnswerProblem(feelings, ['angry'])).toBeNull();
    expect(promptAnswerProblem(feelings, ['sad', 'angry', 'hopeful'])).toBeNull();
  });

  it('rejects a bad list where several are allowed', () => {
    expect(promptAnswerProblem(feelings, 'sad')).toBe('Which feelings fit? needs a list of the options you chose');
    expect(promptAnswerProblem(feelings, ['sad', 2])).toBe('Which feelings fit? needs a list of the options you chose');
    expect(promptAnswerProblem(feelings, ['sad', 'jealous'])).toBe('Which feelings fit? includes an option that is not on the list');
    expect(promptAnswerProblem(feelings, ['sad', 'sad'])).toBe('Which feelings fit? has the same option chosen more than once');
  });
});

describe('date answers', () => {
  it.each(['2026-03-14', '2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30'])('accepts %s', (value) => {
    expect(promptAnswerProblem(day, value)).toBeNull();
  });

  it.each(['2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00'])(
    'rejects the impossible date %s',
    (value) => {
      expect(promptAnswerProblem(day, value)).toBe(`The day they chose needs a real date: ${value} does not exist`);
    },
  );

  it.each(['14/03/2026', '2026-3-14', '2026-03-14T10:00:00Z', 'next Tuesday', 20260314])('rejects the badly written %p', (value) => {
    expect(promptAnswerProblem(day, value)).toBe('The day they chose needs a date written as YYYY-MM-DD, for example 2026-03-14');
  });

  it('checks calendar dates directly', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('0000-01-01')).toBe(false);
  });
});

describe('isAnswered', () => {
  it('counts false and 0 as answers', () => {
    expect(isAnswered(false)).toBe(true);
    expect(isAnswered(0)).toBe(true);
    expect(isAnswered(' ')).toBe(false);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered(null)).toBe(false);
  });
});
