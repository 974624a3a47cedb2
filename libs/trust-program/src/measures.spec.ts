import { answerProblems } from './exercises/answers';
import { KEBAB_CASE, promptListProblems } from './exercises/definition-checks';
import { answersWithScore, CSI_4, MEASURES, measureByKey, measurePrompts, scoreMeasure, UnscorableAnswers, type MeasureDefinition } from './measures';

/** An answer sheet choosing, for each item, the option worth that many points. */
function sheetOf(definition: MeasureDefinition, points: readonly number[]): Record<string, string> {
  return Object.fromEntries(
    definition.items.map((item, index) => {
      const option = item.options.find((candidate) => candidate.points === points[index]);
      if (!option) throw new Error(`${item.key} has no option worth ${points[index]}`);
      return [item.key, option.key];
    }),
  );
}

const lowest = (definition: MeasureDefinition) => definition.items.map((item) => Math.min(...item.options.map((option) => option.points)));
const highest = (definition: MeasureDefinition) => definition.items.map((item) => Math.max(...item.options.map((option) => option.points)));
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('CSI-4 scoring', () => {
  it('scores the lowest answers 0, below the cut-off', () => {
    expect(scoreMeasure(CSI_4, sheetOf(CSI_4, [0, 0, 0, 0]))).toEqual({ score: 0, belowCutoff: true });
  });

  it('scores the highest answers 21, not below the cut-off', () => {
    expect(scoreMeasure(CSI_4, sheetOf(CSI_4, [6, 5, 5, 5]))).toEqual({ score: 21, belowCutoff: false });
  });

  it('reads 13 as below the 13.5 cut-off and 14 as not', () => {
    expect(scoreMeasure(CSI_4, sheetOf(CSI_4, [4, 3, 3, 3]))).toEqual({ score: 13, belowCutoff: true });
    expect(scoreMeasure(CSI_4, sheetOf(CSI_4, [5, 3, 3, 3]))).toEqual({ score: 14, belowCutoff: false });
  });

  it('gives item 1 seven options scored 0-6 and items 2-4 six scored 0-5', () => {
    expect(CSI_4.items.map((item) => item.options.map((option) => option.points))).toEqual([
      [0, 1, 2, 3, 4, 5, 6],
      [0, 1, 2, 3, 4, 5],
      [0, 1, 2, 3, 4, 5],
      [0, 1, 2, 3, 4, 5],
    ]);
  });

  it('refuses to score an unknown option, a missing item or an extra answer, with answerProblems’ messages', () => {
    const full = sheetOf(CSI_4, [3, 3, 3, 3]);
    const unscorable = (answers: Record<string, unknown>) => {
      try {
        scoreMeasure(CSI_4, answers);
      } catch (error) {
        expect(error).toBeInstanceOf(UnscorableAnswers);
        return (error as UnscorableAnswers).problems;
      }
      throw new Error('scored a sheet it should have refused');
    };
    expect(unscorable({ ...full, reward: 'hugely' })).toEqual(['How rewarding do you find being in this relationship? needs one of the options listed']);
    const { satisfaction: _left, ...missing } = full;
    expect(unscorable(missing)).toEqual(['All in all, how satisfied are you with your relationship? needs an answer']);
    expect(unscorable({ ...full, mood: 'fine' })).toEqual(['There is an answer to a question that is not on this sheet ("mood")']);
    expect(unscorable({ ...full, happiness: 3 })).toHaveLength(1);
  });
});

describe.each(MEASURES.map((measure) => [measure.key, measure] as const))('the %s definition', (_key, measure) => {
  it('has unique, kebab-case item and option keys', () => {
    expect(KEBAB_CASE.test(measure.key)).toBe(true);
    expect(new Set(measure.items.map((item) => item.key)).size).toBe(measure.items.length);
    for (const item of measure.items) {
      const keys = item.options.map((option) => option.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(KEBAB_CASE.test(key)).toBe(true);
    }
  });

  it('has a score range that matches its options, with the cut-off inside it', () => {
    expect(measure.minScore).toBe(sum(lowest(measure)));
    expect(measure.maxScore).toBe(sum(highest(measure)));
    expect(measure.cutoff).toBeGreaterThan(measure.minScore);
    expect(measure.cutoff).toBeLessThan(measure.maxScore);
    expect(measure.relationshipTypes.length).toBeGreaterThan(0);
  });

  it('turns into prompts that pass the library’s own checks, and a full sheet passes answerProblems', () => {
    const prompts = measurePrompts(measure);
    expect(promptListProblems(prompts)).toEqual([]);
    expect(prompts.every((prompt) => prompt.type === 'choice' && prompt.required && !prompt.multiple)).toBe(true);
    expect(answerProblems(prompts, sheetOf(measure, highest(measure)))).toEqual([]);
  });

  it('is found by its key', () => {
    expect(measureByKey(measure.key)).toBe(measure);
  });
});

it('finds no measure by an unknown key', () => {
  expect(measureByKey('csi-32')).toBeUndefined();
});

describe('answersWithScore', () => {
  it.each([0, 7, 13, 14, 21])('makes a full CSI-4 sheet that scores %i', (score) => {
    expect(scoreMeasure(CSI_4, answersWithScore(CSI_4, score)).score).toBe(score);
  });
});
