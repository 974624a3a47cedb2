import { answerProblems } from './exercises/answers';
import type { ChoicePrompt } from './exercises/types';

/**
 * Standard questionnaires (measures), scored on the server each time a sheet arrives.
 * A measure is assigned like homework; its items become single-choice prompts, and each
 * option carries the points the published scoring gives it. Adding a measure is adding
 * a definition to MEASURES.
 */

/**
 * The kinds of relationship a case can be about (libs/contracts RelationshipType),
 * spelled out here so this lib needs no dependency on contracts.
 */
export type RelationshipKind = 'couple' | 'parent-child' | 'siblings' | 'friends' | 'other';

export interface MeasureOption {
  /** Stable kebab-case id, unique within the item; answers store this key. Never rename. */
  readonly key: string;
  readonly label: string;
  readonly points: number;
}

export interface MeasureItem {
  /** Stable kebab-case id, unique within the measure; answers are stored under it. */
  readonly key: string;
  /** Shown to the client: our own wording, never the published item text. */
  readonly label: string;
  readonly options: readonly MeasureOption[];
}

export interface MeasureDefinition {
  /** Stable kebab-case id; assigned as `measure:<key>`. */
  readonly key: string;
  /** Bump when the items, options or points change. */
  readonly version: number;
  readonly title: string;
  /** For chart legends and badges. */
  readonly shortTitle: string;
  /** For the clinician: what the measure is for, in one or two sentences. */
  readonly purpose: string;
  /** For the client: shown above the items. */
  readonly intro: string;
  /** The kinds of case it may be assigned to. */
  readonly relationshipTypes: readonly RelationshipKind[];
  /** Those kinds in a phrase for a sentence, e.g. "couples". */
  readonly intendedFor: string;
  readonly items: readonly MeasureItem[];
  readonly minScore: number;
  readonly maxScore: number;
  /** Scores below this are read as notable distress. */
  readonly cutoff: number;
  /** What a score below the cut-off means, in one sentence. */
  readonly cutoffMeaning: string;
  /** Where the measure and its scoring come from. */
  readonly source: string;
}

export interface MeasureResult {
  score: number;
  belowCutoff: boolean;
}

/** Scored 0 to 5: how true or how much, from not at all to entirely. */
function sixPoint(labels: readonly [string, string, string, string, string, string]): MeasureOption[] {
  const keys = ['not-at-all', 'a-little', 'somewhat', 'mostly', 'almost-entirely', 'entirely'];
  return labels.map((label, points) => ({ key: keys[points], label, points }));
}

const HOW_MUCH = ['Not at all', 'A little', 'Somewhat', 'Mostly', 'Almost entirely', 'Entirely'] as const;

/** The 4-item Couples Satisfaction Index, with the items put in our own words. */
export const CSI_4: MeasureDefinition = {
  key: 'csi-4',
  version: 1,
  title: 'Couples Satisfaction Index (CSI-4)',
  shortTitle: 'CSI-4',
  purpose:
    'Four questions on how satisfied each partner is with the relationship, scored 0 to 21. Repeat it every few weeks to see whether satisfaction is changing over the work.',
  intro:
    'Four short questions about how your relationship feels to you at the moment. Answer on your own, for how things are now rather than how you hope they will be. ' +
    'Your therapist sees your answers; your partner sees them only if you choose to share them.',
  relationshipTypes: ['couple'],
  intendedFor: 'couples',
  items: [
    {
      key: 'happiness',
      label: 'Taking everything into account, how happy are you in your relationship?',
      options: [
        { key: 'extremely-unhappy', label: 'Extremely unhappy', points: 0 },
        { key: 'fairly-unhappy', label: 'Fairly unhappy', points: 1 },
        { key: 'a-little-unhappy', label: 'A little unhappy', points: 2 },
        { key: 'happy', label: 'Happy', points: 3 },
        { key: 'very-happy', label: 'Very happy', points: 4 },
        { key: 'extremely-happy', label: 'Extremely happy', points: 5 },
        { key: 'perfect', label: 'Perfect', points: 6 },
      ],
    },
    {
      key: 'warmth',
      label: 'How true is this for you: our relationship feels warm and comfortable?',
      options: sixPoint(['Not true at all', 'A little true', 'Somewhat true', 'Mostly true', 'Almost entirely true', 'Entirely true']),
    },
    { key: 'reward', label: 'How rewarding do you find being in this relationship?', options: sixPoint(HOW_MUCH) },
    { key: 'satisfaction', label: 'All in all, how satisfied are you with your relationship?', options: sixPoint(HOW_MUCH) },
  ],
  minScore: 0,
  maxScore: 21,
  cutoff: 13.5,
  cutoffMeaning: 'A score below 13.5 suggests notable distress in the relationship.',
  source:
    'Funk, J. L., & Rogge, R. D. (2007). Testing the ruler with item response theory: Increasing precision of measurement for relationship satisfaction ' +
    'with the Couples Satisfaction Index. Journal of Family Psychology, 21(4), 572-583. Items reworded here; the scoring and cut-off are the published ones.',
};

export const MEASURES: readonly MeasureDefinition[] = [CSI_4];

export function measureByKey(key: string): MeasureDefinition | undefined {
  return MEASURES.find((measure) => measure.key === key);
}

/** One required single-choice prompt per item; answers are option keys. */
export function measurePrompts(definition: MeasureDefinition): ChoicePrompt[] {
  return definition.items.map((item) => ({
    key: item.key,
    type: 'choice',
    label: item.label,
    required: true,
    options: item.options.map(({ key, label }) => ({ key, label })),
  }));
}

/** Answers that cannot be scored; `problems` are answerProblems' messages. */
export class UnscorableAnswers extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'UnscorableAnswers';
  }
}

/**
 * The total of the chosen options' points. Throws UnscorableAnswers when the sheet has
 * any problem answerProblems finds (an item left out, an unknown option, an extra answer):
 * a partial sheet has no valid score.
 */
export function scoreMeasure(definition: MeasureDefinition, answers: Readonly<Record<string, unknown>>): MeasureResult {
  const problems = answerProblems(measurePrompts(definition), answers);
  if (problems.length > 0) throw new UnscorableAnswers(problems);
  let score = 0;
  for (const item of definition.items) {
    // answerProblems has made sure every answer is one of its item's option keys.
    score += (item.options.find((option) => option.key === answers[item.key]) as MeasureOption).points;
  }
  return { score, belowCutoff: score < definition.cutoff };
}

/**
 * A full answer sheet that totals `score` (clamped to the measure's range), filling items
 * in order with the most points each can give: for demo data and tests.
 */
export function answersWithScore(definition: MeasureDefinition, score: number): Record<string, string> {
  let left = score;
  return Object.fromEntries(
    definition.items.map((item) => {
      const byPoints = [...item.options].sort((a, b) => a.points - b.points);
      const chosen = byPoints.filter((option) => option.points <= left).at(-1) ?? byPoints[0];
      left -= chosen.points;
      return [item.key, chosen.key];
    }),
  );
}
