import { MEASURE_EXERCISE_ID_PREFIX, type MeasureScore, type MeasureSummary } from '@trustwork/contracts';
import { measureByKey, type MeasureDefinition } from '@trustwork/trust-program';

/** The columns of `measure_scores` that make a MeasureScore; progress and the brief select them for different windows. */
export const MEASURE_SCORE_COLUMNS = 'participant_id, measure_key, score::float8 AS score, below_cutoff, occurrence_on::text, submitted_at';

export interface MeasureScoreRow {
  participant_id: string;
  measure_key: string;
  score: number;
  below_cutoff: boolean;
  occurrence_on: string;
  submitted_at: Date;
}

export function toMeasureScore(row: MeasureScoreRow): MeasureScore {
  return {
    measureKey: row.measure_key,
    participantId: row.participant_id,
    score: row.score,
    belowCutoff: row.below_cutoff,
    occurrenceOn: row.occurrence_on,
    submittedAt: new Date(row.submitted_at).toISOString(),
  };
}

/** A measure as the API lists it. */
export function measureSummary(definition: MeasureDefinition): MeasureSummary {
  return {
    key: definition.key,
    exerciseId: `${MEASURE_EXERCISE_ID_PREFIX}${definition.key}`,
    version: definition.version,
    title: definition.title,
    shortTitle: definition.shortTitle,
    purpose: definition.purpose,
    itemCount: definition.items.length,
    minScore: definition.minScore,
    maxScore: definition.maxScore,
    cutoff: definition.cutoff,
    cutoffMeaning: definition.cutoffMeaning,
    relationshipTypes: [...definition.relationshipTypes],
  };
}

/** The measures that have scores, in the order they first appear; a key no longer defined has no summary (nor cut-off) to give. */
export function summariesOf(scores: readonly MeasureScore[]): MeasureSummary[] {
  return [...new Set(scores.map((score) => score.measureKey))].flatMap((key) => {
    const measure = measureByKey(key);
    return measure ? [measureSummary(measure)] : [];
  });
}
