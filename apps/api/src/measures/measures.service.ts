import { Injectable } from '@nestjs/common';
import {
  AlertKind,
  AssignTo,
  AuditRecordType,
  MEASURE_EXERCISE_ID_PREFIX,
  RELATIONSHIP_TYPE_LABELS,
  type ExerciseDetail,
  type MeasureSummary,
  type RelationshipType,
} from '@trustwork/contracts';
import { MEASURES, measureByKey, measurePrompts, scoreMeasure, UnscorableAnswers, type MeasureDefinition } from '@trustwork/trust-program';
import { AlertsService } from '../alerts/alerts.service';
import { AuditService } from '../audit/audit.service';
import { PracticeScope } from '../database/practice-scope';
import { ExerciseNotFound, ExerciseVersionNotFound } from '../exercises/exercises.errors';
import { measureSummary } from './measure-scores';
import { UnscorableMeasureSheet } from './measures.errors';

/** What an assignment keeps of the exercise it was given. */
export type AssignedExercise = Pick<ExerciseDetail, 'id' | 'version' | 'title' | 'instructions' | 'prompts'>;

/** One stored answer sheet of an assignment whose exercise is a measure. */
export interface MeasureSheet {
  caseId: string;
  assignmentId: string;
  /** The assignment's `measure:<key>` and the version it was given. */
  exerciseId: string;
  exerciseVersion: number;
  submissionId: string;
  participantId: string;
  answers: Record<string, unknown>;
  occurrenceOn: string;
  submittedAt: Date;
}

/** The definition a `measure:<key>` id names, if any. */
function measureOf(exerciseId: string): MeasureDefinition | undefined {
  return exerciseId.startsWith(MEASURE_EXERCISE_ID_PREFIX) ? measureByKey(exerciseId.slice(MEASURE_EXERCISE_ID_PREFIX.length)) : undefined;
}

/**
 * Standard measures: assigned through AssignmentsService like any exercise, and scored
 * here in the transaction that stores each sheet, raising an alert below the cut-off.
 */
@Injectable()
export class MeasuresService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
    private readonly alerts: AlertsService,
  ) {}

  list(): MeasureSummary[] {
    return MEASURES.map(measureSummary);
  }

  /** The measure as an assignment stores it; an unknown one fails like an unknown exercise. */
  exercise(exerciseId: string, version: number | undefined): AssignedExercise {
    const definition = measureOf(exerciseId);
    if (!definition) throw new ExerciseNotFound();
    if (version !== undefined && version !== definition.version) throw new ExerciseVersionNotFound();
    return { id: exerciseId, version: definition.version, title: definition.title, instructions: definition.intro, prompts: measurePrompts(definition) };
  }

  /** Why this measure cannot be assigned to this case this way; none for anything that is not a known measure. */
  assignmentProblems(exerciseId: string, relationshipType: RelationshipType, assignTo: AssignTo): string[] {
    const definition = measureOf(exerciseId);
    if (!definition) return [];
    const problems: string[] = [];
    if (!definition.relationshipTypes.includes(relationshipType)) {
      problems.push(`The ${definition.shortTitle} is for ${definition.intendedFor}: this case is ${RELATIONSHIP_TYPE_LABELS[relationshipType].toLowerCase()}`);
    }
    // Each person's own answers are the score: a sheet filled in together measures neither.
    if (assignTo === AssignTo.Together) {
      problems.push(`The ${definition.shortTitle} is answered by each person on their own: assign it to each person or to one of them, not together`);
    }
    return problems;
  }

  /** Scores the sheet, stores the score and, below the cut-off, raises an alert for the case. */
  async recordScore(practiceId: string, sheet: MeasureSheet): Promise<void> {
    const definition = measureOf(sheet.exerciseId);
    // An assignment keeps the version it was given, so it must be scored as that version.
    if (definition?.version !== sheet.exerciseVersion) throw new Error(`No scoring for ${sheet.exerciseId} version ${sheet.exerciseVersion}`);
    const { score, belowCutoff } = scored(definition, sheet.answers);
    const [{ id }]: { id: string }[] = await this.scope.manager.query(
      `INSERT INTO measure_scores (practice_id, case_id, participant_id, assignment_id, submission_id, measure_key, measure_version,
         score, below_cutoff, occurrence_on, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        practiceId,
        sheet.caseId,
        sheet.participantId,
        sheet.assignmentId,
        sheet.submissionId,
        definition.key,
        definition.version,
        score,
        belowCutoff,
        sheet.occurrenceOn,
        sheet.submittedAt,
      ],
    );
    await this.audit.record(practiceId, { action: 'measure-score.create', recordType: AuditRecordType.MeasureScore, recordId: id, caseId: sheet.caseId });
    if (!belowCutoff) return;
    await this.alerts.raise(practiceId, {
      caseId: sheet.caseId,
      participantId: sheet.participantId,
      kind: AlertKind.MeasureBelowCutoff,
      sourceKey: sheet.submissionId,
      summary: `${definition.shortTitle} score ${score} (cut-off ${definition.cutoff})`,
      details: { measureKey: definition.key, score, cutoff: definition.cutoff },
    });
  }
}

function scored(definition: MeasureDefinition, answers: Record<string, unknown>): ReturnType<typeof scoreMeasure> {
  try {
    return scoreMeasure(definition, answers);
  } catch (error) {
    if (error instanceof UnscorableAnswers) throw new UnscorableMeasureSheet(error.problems);
    throw error;
  }
}
