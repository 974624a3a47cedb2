import type { ExercisePrompt } from '@trustwork/trust-program';
import { EXERCISES } from '@trustwork/trust-program';
import { normalizeContent, phaseFromStore, storedPhase, templateProblems, type TemplateContent } from './exercise-shape';

const contentOf = ({ key: _key, version: _version, ...exercise }: (typeof EXERCISES)[number]): TemplateContent => ({
  ...exercise,
  otherAudiences: [...(exercise.otherAudiences ?? [])],
  prompts: [...exercise.prompts],
});

describe('practice template rules', () => {
  it('accept every built-in, so a duplicate can always be edited and saved again', () => {
    for (const exercise of EXERCISES) expect({ key: exercise.key, problems: templateProblems(contentOf(exercise)) }).toEqual({ key: exercise.key, problems: [] });
  });

  it('report fields the library does not know before judging the rest', () => {
    const [first] = EXERCISES;
    const prompt = { ...first.prompts[0], colour: 'red' } as unknown as ExercisePrompt;
    expect(templateProblems({ ...contentOf(first), title: '', prompts: [prompt] })).toEqual([`prompt "${first.prompts[0].key}": "colour" is not a field of a text prompt`]);
  });

  it('fill in the bounds of a scale, which are always 0 and 10', () => {
    const scale = { type: 'scale', key: 'calm', label: 'How calm?', required: true, minLabel: 'Not', maxLabel: 'Very' } as ExercisePrompt;
    expect(normalizeContent({ ...contentOf(EXERCISES[0]), prompts: [scale] }).prompts).toEqual([{ ...scale, min: 0, max: 10 }]);
  });

  it('store every phase as text and read it back', () => {
    for (const exercise of EXERCISES) expect(phaseFromStore(storedPhase(exercise.phase))).toBe(exercise.phase);
  });
});
