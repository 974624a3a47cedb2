import type { RelationshipType } from './cases';

/**
 * Standard questionnaires scored on the server (the CSI-4 first). A measure is assigned
 * like homework with the exercise id `measure:<key>`; each answer sheet is scored when it
 * arrives. The definitions and their scoring live in @trustwork/trust-program.
 */
export const MEASURE_EXERCISE_ID_PREFIX = 'measure:';

export interface MeasureSummary {
  /** Stable key, e.g. `csi-4`. */
  key: string;
  /** What to send as `exerciseId` to assign it: `measure:<key>`. */
  exerciseId: string;
  version: number;
  title: string;
  /** For chart legends and badges, e.g. "CSI-4". */
  shortTitle: string;
  purpose: string;
  itemCount: number;
  minScore: number;
  maxScore: number;
  /** Scores below this are read as notable distress. */
  cutoff: number;
  /** What a score below the cut-off means, in one sentence. */
  cutoffMeaning: string;
  /** The kinds of case it may be assigned to (the CSI-4 is for couples). */
  relationshipTypes: RelationshipType[];
}

/** One scored answer sheet. */
export interface MeasureScore {
  measureKey: string;
  participantId: string;
  score: number;
  belowCutoff: boolean;
  /** The date the sheet answered (the assignment's occurrence). */
  occurrenceOn: string;
  submittedAt: string;
}
