import { type CaseProgress, type CheckInPoint, type MeasureSummary } from '@trustwork/contracts';
import { ALEX, CASE_ID, JORDAN } from '../../case-record/__tests__/case-record-fixtures';

export const PROGRESS_PATH = `/api/cases/${CASE_ID}/progress`;

export const csi4: MeasureSummary = {
  key: 'csi-4',
  exerciseId: 'measure:csi-4',
  version: 1,
  title: 'Couples Satisfaction Index (CSI-4)',
  shortTitle: 'CSI-4',
  purpose: 'A short measure of how satisfied each partner is with the relationship.',
  itemCount: 4,
  minScore: 0,
  maxScore: 21,
  cutoff: 13.5,
  cutoffMeaning: 'Scores below the cut-off suggest notable relationship distress.',
  relationshipTypes: ['couple'],
};

function checkIn(on: string, trust: number, safety: number, heard: number, closeness: number, count = 1): CheckInPoint {
  return { on, trust, safety, heard, closeness, count };
}

/** Twelve weeks of a couple: Alex steadier, Jordan's trust falling after a setback, then the CSI-4 and homework. */
export function progressFor(range: { from: string; to: string }, overrides: Partial<CaseProgress> = {}): CaseProgress {
  return {
    caseId: CASE_ID,
    from: range.from,
    to: range.to,
    granularity: 'check-in',
    participants: [
      {
        participantId: ALEX,
        displayName: 'Alex Morgan',
        checkIns: [checkIn('2026-03-10', 6, 7, 5, 5), checkIn('2026-04-14', 6, 8, 6, 6), checkIn('2026-05-26', 7, 8, 6, 7)],
        measures: [
          { measureKey: 'csi-4', participantId: ALEX, score: 15, belowCutoff: false, occurrenceOn: '2026-03-16', submittedAt: '2026-03-16T19:00:00.000Z' },
        ],
        homework: [
          { weekOf: '2026-05-18', due: 2, done: 2, rate: 1 },
          { weekOf: '2026-05-25', due: 0, done: 0, rate: null },
        ],
      },
      {
        participantId: JORDAN,
        displayName: 'Jordan Lee',
        checkIns: [checkIn('2026-03-11', 7, 6, 4, 5), checkIn('2026-05-27', 4, 5, 4, 3)],
        measures: [
          { measureKey: 'csi-4', participantId: JORDAN, score: 12, belowCutoff: true, occurrenceOn: '2026-03-16', submittedAt: '2026-03-16T20:00:00.000Z' },
          { measureKey: 'csi-4', participantId: JORDAN, score: 9, belowCutoff: true, occurrenceOn: '2026-05-25', submittedAt: '2026-05-25T20:00:00.000Z' },
        ],
        homework: [
          { weekOf: '2026-05-18', due: 2, done: 1, rate: 0.5 },
          { weekOf: '2026-05-25', due: 0, done: 0, rate: null },
        ],
      },
    ],
    measures: [csi4],
    events: [{ id: 'event-1', kind: 'setback', occurredOn: '2026-04-20', title: 'Argument about phone passwords', participantId: null }],
    phaseChanges: [{ phase: 3, on: '2026-06-01', changedAt: '2026-06-01T10:00:00.000Z' }],
    ...overrides,
  };
}
