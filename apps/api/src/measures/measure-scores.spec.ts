import { CSI_4 } from '@trustwork/trust-program';
import { measureSummary, summariesOf, toMeasureScore } from './measure-scores';

describe('measure summaries', () => {
  const measure = CSI_4;

  it('summarises a measure for the API', () => {
    expect(measureSummary(measure)).toMatchObject({
      key: measure.key,
      exerciseId: `measure:${measure.key}`,
      itemCount: measure.items.length,
      cutoff: measure.cutoff,
    });
  });

  it('gives each scored measure once, and none for a key no longer defined', () => {
    const row = { participant_id: 'p', measure_key: measure.key, score: 12, below_cutoff: true, occurrence_on: '2026-01-05', submitted_at: new Date('2026-01-05T10:00:00Z') };
    const scores = [toMeasureScore(row), toMeasureScore({ ...row, score: 15 }), toMeasureScore({ ...row, measure_key: 'retired-measure' })];
    expect(scores[0]).toEqual({ measureKey: measure.key, participantId: 'p', score: 12, belowCutoff: true, occurrenceOn: '2026-01-05', submittedAt: '2026-01-05T10:00:00.000Z' });
    expect(summariesOf(scores).map((summary) => summary.key)).toEqual([measure.key]);
  });
});
