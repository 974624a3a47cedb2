import { Injectable } from '@nestjs/common';
import {
  AlertKind,
  AssignmentStatus,
  AssignTo,
  AuditRecordType,
  MEASURE_EXERCISE_ID_PREFIX,
  type Assignment,
  type ExportedSubmission,
  type ExercisePrompt,
  type PortalAssignment,
  type PortalSubmission,
  type Recurrence,
  type RelationshipType,
  type SharedAnswer,
  type Submission,
} from '@trustwork/contracts';
import { answerProblems } from '@trustwork/trust-program';
import { isDeepStrictEqual } from 'node:util';
import { AlertsService } from '../alerts/alerts.service';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import { CaseNotFound } from '../cases/cases.errors';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { ExerciseIdPipe } from '../exercises/exercises.pipes';
import { ExerciseNotFound, ExerciseVersionNotFound } from '../exercises/exercises.errors';
import { ExercisesService } from '../exercises/exercises.service';
import { MeasuresService } from '../measures/measures.service';
import type { AuthenticatedParticipant } from '../common/authenticated-participant';
import {
  AssignmentIsCancelled,
  AssignmentNotFound,
  AssignmentNotOpen,
  InvalidAssignment,
  NothingLeftToAnswer,
  OccurrenceAlreadyAnswered,
  SubmissionKeyReused,
} from './assignments.errors';
import type { CreateAssignmentDto } from './dto/create-assignment.dto';
import type { SubmitAnswersDto } from './dto/submit-answers.dto';
import type { UpdateAssignmentDto } from './dto/update-assignment.dto';
import { daysBetween, defaultOccurrence, isAnswerable, occurrences, SCHEDULE_COLUMNS, scheduleOf, todayIn, type ScheduleColumns } from '../common/occurrences';

interface AssignmentRow extends ScheduleColumns {
  id: string;
  case_id: string;
  exercise_ref: string;
  exercise_version: number;
  exercise_title: string;
  exercise_instructions: string;
  prompts: ExercisePrompt[];
  audience: 'participant' | 'together';
  participant_id: string | null;
  instructions: string | null;
  status: AssignmentStatus;
  created_by_id: string | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}

interface SubmissionRow {
  id: string;
  assignment_id: string;
  participant_id: string;
  occurrence_on: string;
  answers: Record<string, unknown>;
  shared: boolean;
  submitted_at: Date;
}

/** Which dates each participant has answered, per assignment. */
type AnsweredDates = Map<string, Set<string>>;

// Dates come back as text, so no time zone ever shifts a calendar date.
const ASSIGNMENT_SELECT = `
  SELECT a.id, a.case_id, a.exercise_ref, a.exercise_version, a.exercise_title, a.exercise_instructions, a.prompts,
    a.audience, a.participant_id, ${SCHEDULE_COLUMNS},
    a.instructions, a.status, u.id AS created_by_id, u.name AS created_by_name, a.created_at, a.updated_at
  FROM assignments a
  LEFT JOIN users u ON u.id = a.created_by
  LEFT JOIN participants p ON p.id = a.participant_id`;

const SUBMISSION_COLUMNS = 's.id, s.assignment_id, s.participant_id, s.occurrence_on::text, s.answers, s.shared, s.submitted_at';

/** A recurrence may run for a year at most; longer homework is assigned again. */
const MAX_RECURRENCE_DAYS = 366;

/**
 * Homework: exercises assigned to a case's participants, and the answers they send from
 * their portal. Answers are clinical: only owners and the case's clinicians read them,
 * each participant sees their own and what the other chose to share, and every read and
 * write is audited.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly exercises: ExercisesService,
    private readonly measures: MeasuresService,
    private readonly audit: AuditService,
    private readonly alerts: AlertsService,
  ) {}

  /** One assignment, or with assignTo 'each' one per participant; returns every one made. */
  async assign(user: AuthenticatedUser, caseId: string, request: CreateAssignmentDto): Promise<Assignment[]> {
    const therapyCase = await this.access.openClinical(user, caseId);
    const participantIds = await this.participantIds(user.practiceId, caseId);
    const today = await this.today(user.practiceId);
    const problems = [
      ...scheduleProblems(request, today),
      ...audienceProblems(request, participantIds),
      ...this.measures.assignmentProblems(request.exerciseId, therapyCase.relationshipType, request.assignTo),
    ];
    if (problems.length > 0) throw new InvalidAssignment(problems);
    const exercise = await this.exerciseVersion(user, request.exerciseId, request.version);
    // audienceProblems has made sure participantId comes with 'participant' only; null is together.
    const targets = request.assignTo === AssignTo.Each ? participantIds : [request.participantId ?? null];
    const { dueOn, recurrence } = request;
    const ids: string[] = [];
    for (const participantId of targets) {
      const [{ id }]: { id: string }[] = await this.scope.manager.query(
        `INSERT INTO assignments (practice_id, case_id, exercise_ref, exercise_version, exercise_title, exercise_instructions, prompts,
           audience, participant_id, due_on, frequency, days_of_week, starts_on, ends_on, instructions, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
        [
          user.practiceId,
          caseId,
          exercise.id,
          exercise.version,
          exercise.title,
          exercise.instructions,
          JSON.stringify(exercise.prompts),
          participantId ? 'participant' : 'together',
          participantId,
          dueOn ?? null,
          recurrence?.frequency ?? null,
          recurrence?.frequency === 'weekly' ? [...(recurrence.daysOfWeek ?? [])].sort((a, b) => a - b) : null,
          recurrence?.startsOn ?? null,
          recurrence?.endsOn ?? null,
          request.instructions ?? null,
          user.id,
        ],
      );
      await this.audit.record(user.practiceId, { action: 'assignment.create', recordType: AuditRecordType.Assignment, recordId: id, caseId });
      ids.push(id);
    }
    const rows = await this.assignmentRows(user.practiceId, 'a.id = ANY($2)', [ids]);
    return this.withProgress(user.practiceId, rows, participantIds, today);
  }

  /**
   * For a case about to be opened (an intake): the schedule, the measure's fit and the
   * exercise itself, so a mistake is refused before anything is written. Writes nothing.
   */
  async check(user: AuthenticatedUser, relationshipType: RelationshipType, request: CreateAssignmentDto): Promise<void> {
    const problems = [
      ...scheduleProblems(request, await this.today(user.practiceId)),
      ...this.measures.assignmentProblems(request.exerciseId, relationshipType, request.assignTo),
    ];
    if (problems.length > 0) throw new InvalidAssignment(problems);
    await this.exerciseVersion(user, request.exerciseId, request.version);
  }

  /** The case's homework, oldest first, with each participant's status per date. */
  async list(user: AuthenticatedUser, caseId: string): Promise<Assignment[]> {
    await this.access.openClinical(user, caseId);
    const rows = await this.assignmentRows(user.practiceId, 'a.case_id = $2', [caseId]);
    await this.audit.recordList(user.practiceId, { action: 'assignment.list', recordType: AuditRecordType.Assignment, recordIds: rows.map((row) => row.id), caseIds: [caseId] });
    return this.withProgress(user.practiceId, rows, await this.participantIds(user.practiceId, caseId), await this.today(user.practiceId));
  }

  /** Pause, resume or cancel, or change the clinician's note. Cancelling is for good. */
  async update(user: AuthenticatedUser, id: string, changes: UpdateAssignmentDto): Promise<Assignment> {
    const row = await this.openAssignment(user, id, true);
    if (changes.status === undefined && changes.instructions === undefined) {
      throw new InvalidAssignment(['send status or instructions to change']);
    }
    if (row.status === AssignmentStatus.Cancelled) throw new AssignmentIsCancelled();
    await this.scope.manager.query(
      `UPDATE assignments SET status = coalesce($3, status), instructions = CASE WHEN $4 THEN $5 ELSE instructions END, updated_at = now()
       WHERE practice_id = $1 AND id = $2`,
      [user.practiceId, id, changes.status ?? null, changes.instructions !== undefined, changes.instructions ?? null],
    );
    await this.audit.record(user.practiceId, { action: 'assignment.update', recordType: AuditRecordType.Assignment, recordId: id, caseId: row.case_id });
    const rows = await this.assignmentRows(user.practiceId, 'a.id = $2', [id]);
    const [updated] = await this.withProgress(user.practiceId, rows, await this.participantIds(user.practiceId, row.case_id), await this.today(user.practiceId));
    return updated;
  }

  /** Every answer sent to the assignment, by date, marked shared or private. */
  async submissions(user: AuthenticatedUser, id: string): Promise<Submission[]> {
    const row = await this.openAssignment(user, id, false);
    const rows: (SubmissionRow & { display_name: string })[] = await this.scope.manager.query(
      `SELECT ${SUBMISSION_COLUMNS}, p.display_name FROM submissions s JOIN participants p ON p.id = s.participant_id
       WHERE s.practice_id = $1 AND s.assignment_id = $2 ORDER BY s.occurrence_on, s.submitted_at`,
      [user.practiceId, id],
    );
    await this.audit.recordList(user.practiceId, { action: 'submission.list', recordType: AuditRecordType.Submission, recordIds: rows.map((submission) => submission.id), caseIds: [row.case_id] });
    return rows.map(toSubmission);
  }

  /**
   * Every answer one participant sent in a case, private and shared, with the exercise it
   * answered, oldest first: for their records request. No access check, no audit (the caller does both).
   */
  async answersOf(user: AuthenticatedUser, caseId: string, participantId: string): Promise<ExportedSubmission[]> {
    const rows: (SubmissionRow & { display_name: string; exercise_title: string; prompts: ExercisePrompt[] })[] = await this.scope.manager.query(
      `SELECT ${SUBMISSION_COLUMNS}, p.display_name, a.exercise_title, a.prompts
       FROM submissions s
       JOIN assignments a ON a.id = s.assignment_id
       JOIN participants p ON p.id = s.participant_id
       WHERE s.practice_id = $1 AND a.case_id = $2 AND s.participant_id = $3
       ORDER BY s.submitted_at, s.id`,
      [user.practiceId, caseId, participantId],
    );
    return rows.map((row) => ({ ...toSubmission(row), title: row.exercise_title, prompts: row.prompts }));
  }

  /** The participant's active homework: their own and the case's together ones. */
  async listForParticipant(participant: AuthenticatedParticipant): Promise<PortalAssignment[]> {
    const rows = await this.assignmentRows(participant.practiceId, `${OWN_ASSIGNMENTS} AND a.status = 'active'`, [
      participant.caseId,
      participant.participantId,
    ]);
    await this.audit.recordList(participant.practiceId, {
      action: 'assignment.list',
      recordType: AuditRecordType.Assignment,
      recordIds: rows.map((row) => row.id),
      caseIds: [participant.caseId],
    });
    const answered = await this.answeredDates(participant.practiceId, rows.map((row) => row.id));
    const today = await this.today(participant.practiceId);
    return rows.map((row) => ({
      id: row.id,
      title: row.exercise_title,
      instructions: row.exercise_instructions,
      note: row.instructions,
      prompts: row.prompts,
      together: row.audience === 'together',
      dueOn: row.due_on,
      recurrence: recurrenceOf(row),
      occurrences: occurrences(scheduleOf(row), datesOf(answered, row.id, participant.participantId), today),
    }));
  }

  /**
   * Stores the participant's answers for one date. With an idempotency key, a retry
   * returns the submission first stored instead of counting twice.
   */
  async submit(participant: AuthenticatedParticipant, id: string, request: SubmitAnswersDto, idempotencyKey: string | null): Promise<PortalSubmission> {
    const [row] = await this.assignmentRows(participant.practiceId, `${OWN_ASSIGNMENTS} AND a.id = $4`, [participant.caseId, participant.participantId, id], 'FOR SHARE OF a');
    if (!row) throw new AssignmentNotFound();
    const replayed = idempotencyKey ? await this.submissionByKey(participant, idempotencyKey) : null;
    if (replayed) return replay(replayed, id, request);
    if (row.status !== AssignmentStatus.Active) throw new AssignmentNotOpen();
    const problems = answerProblems(row.prompts, request.answers);
    if (problems.length > 0) throw new InvalidAssignment(problems);

    const schedule = scheduleOf(row);
    const today = await this.today(participant.practiceId);
    const answered = datesOf(await this.answeredDates(participant.practiceId, [id]), id, participant.participantId);
    const occurrenceOn = request.occurrenceOn ?? defaultOccurrence(schedule, answered, today);
    if (occurrenceOn === null) throw new NothingLeftToAnswer();
    if (!isAnswerable(schedule, occurrenceOn, today)) {
      throw new InvalidAssignment(['occurrenceOn must be a date this exercise is due, up to today or the next one ahead']);
    }
    if (answered.has(occurrenceOn)) throw new OccurrenceAlreadyAnswered(occurrenceOn);

    // A retry racing the first send waits for it here, then finds nothing to insert.
    const [created]: SubmissionRow[] = await this.scope.manager.query(
      `INSERT INTO submissions AS s (practice_id, assignment_id, participant_id, occurrence_on, answers, shared, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING ${SUBMISSION_COLUMNS}`,
      [participant.practiceId, id, participant.participantId, occurrenceOn, JSON.stringify(request.answers), request.shared, idempotencyKey],
    );
    if (!created) {
      const raced = idempotencyKey ? await this.submissionByKey(participant, idempotencyKey) : null;
      if (raced) return replay(raced, id, request);
      throw new OccurrenceAlreadyAnswered(occurrenceOn);
    }
    await this.audit.record(participant.practiceId, {
      action: 'submission.create',
      recordType: AuditRecordType.Submission,
      recordId: created.id,
      caseId: participant.caseId,
    });
    if (row.exercise_ref.startsWith(MEASURE_EXERCISE_ID_PREFIX)) {
      await this.measures.recordScore(participant.practiceId, {
        caseId: row.case_id,
        assignmentId: id,
        exerciseId: row.exercise_ref,
        exerciseVersion: row.exercise_version,
        submissionId: created.id,
        participantId: participant.participantId,
        answers: created.answers,
        occurrenceOn: created.occurrence_on,
        submittedAt: created.submitted_at,
      });
    }
    // A late sheet ends the overdue alert it raised (the sweep settles any other dates).
    await this.alerts.resolve(participant.practiceId, row.case_id, AlertKind.HomeworkOverdue, `${id}/${participant.participantId}/${occurrenceOn}`);
    return portalSubmission(created);
  }

  /** Answers the other participant chose to share, newest first; never their private ones. */
  async sharedWith(participant: AuthenticatedParticipant): Promise<SharedAnswer[]> {
    const rows: (SubmissionRow & { first_name: string; exercise_title: string; prompts: ExercisePrompt[] })[] = await this.scope.manager.query(
      `SELECT ${SUBMISSION_COLUMNS}, a.exercise_title, a.prompts,
         (regexp_split_to_array(btrim(p.display_name), '\\s+'))[1] AS first_name
       FROM submissions s
       JOIN assignments a ON a.id = s.assignment_id
       JOIN participants p ON p.id = s.participant_id
       WHERE s.practice_id = $1 AND a.case_id = $2 AND s.participant_id <> $3 AND s.shared
       ORDER BY s.submitted_at DESC LIMIT 200`,
      [participant.practiceId, participant.caseId, participant.participantId],
    );
    await this.audit.recordList(participant.practiceId, {
      action: 'submission.read-shared',
      recordType: AuditRecordType.Submission,
      recordIds: rows.map((row) => row.id),
      caseIds: [participant.caseId],
    });
    return rows.map((row) => ({
      id: row.id,
      from: { firstName: row.first_name },
      title: row.exercise_title,
      prompts: row.prompts,
      occurrenceOn: row.occurrence_on,
      answers: row.answers,
      submittedAt: new Date(row.submitted_at).toISOString(),
    }));
  }

  /** The assignment, if its case is open to this user and their role may read homework. */
  private async openAssignment(user: AuthenticatedUser, id: string, forUpdate: boolean): Promise<AssignmentRow> {
    const [row] = await this.assignmentRows(user.practiceId, 'a.id = $2', [id], forUpdate ? 'FOR NO KEY UPDATE OF a' : '');
    if (!row) throw new AssignmentNotFound();
    try {
      await this.access.openClinical(user, row.case_id);
    } catch (error) {
      // A case this clinician may not open hides its assignments too.
      if (error instanceof CaseNotFound) throw new AssignmentNotFound();
      throw error;
    }
    return row;
  }

  /** The exact version asked for; an unknown exercise is a problem with the request, not a missing route. */
  private async exerciseVersion(user: AuthenticatedUser, exerciseId: string, version: number | undefined) {
    try {
      if (exerciseId.startsWith(MEASURE_EXERCISE_ID_PREFIX)) return this.measures.exercise(exerciseId, version);
      return await this.exercises.detail(user, ExerciseIdPipe.transform(exerciseId, { type: 'body' }), version);
    } catch (error) {
      if (error instanceof ExerciseNotFound) throw new InvalidAssignment(['exerciseId must name an exercise in your library']);
      if (error instanceof ExerciseVersionNotFound) throw new InvalidAssignment(['version must be a version this exercise has']);
      throw error;
    }
  }

  /**
   * `condition` numbers its parameters from $2; $1 is the practice. An 'each' assignment's
   * two rows share their creation time, so they list in the participants' order.
   */
  private assignmentRows(practiceId: string, condition: string, params: unknown[], lock = ''): Promise<AssignmentRow[]> {
    return this.scope.manager.query(`${ASSIGNMENT_SELECT} WHERE a.practice_id = $1 AND ${condition} ORDER BY a.created_at, p.position NULLS LAST, a.id ${lock}`, [
      practiceId,
      ...params,
    ]);
  }

  private async participantIds(practiceId: string, caseId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.scope.manager.query('SELECT id FROM participants WHERE practice_id = $1 AND case_id = $2 ORDER BY position', [
      practiceId,
      caseId,
    ]);
    return rows.map((row) => row.id);
  }

  private async today(practiceId: string): Promise<string> {
    const [{ time_zone }]: { time_zone: string }[] = await this.scope.manager.query('SELECT time_zone FROM practices WHERE id = $1', [practiceId]);
    return todayIn(time_zone);
  }

  private async answeredDates(practiceId: string, assignmentIds: string[]): Promise<AnsweredDates> {
    const rows: { assignment_id: string; participant_id: string; occurrence_on: string }[] = await this.scope.manager.query(
      'SELECT assignment_id, participant_id, occurrence_on::text FROM submissions WHERE practice_id = $1 AND assignment_id = ANY($2)',
      [practiceId, assignmentIds],
    );
    const answered: AnsweredDates = new Map();
    for (const row of rows) {
      const key = `${row.assignment_id}/${row.participant_id}`;
      answered.set(key, (answered.get(key) ?? new Set()).add(row.occurrence_on));
    }
    return answered;
  }

  private async submissionByKey(participant: AuthenticatedParticipant, idempotencyKey: string): Promise<SubmissionRow | null> {
    const [row]: SubmissionRow[] = await this.scope.manager.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions s WHERE s.practice_id = $1 AND s.participant_id = $2 AND s.idempotency_key = $3`,
      [participant.practiceId, participant.participantId, idempotencyKey],
    );
    return row ?? null;
  }

  private async withProgress(practiceId: string, rows: AssignmentRow[], participantIds: string[], today: string): Promise<Assignment[]> {
    const answered = await this.answeredDates(practiceId, rows.map((row) => row.id));
    return rows.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      exercise: { id: row.exercise_ref, version: row.exercise_version, title: row.exercise_title, instructions: row.exercise_instructions, prompts: row.prompts },
      audience: row.audience,
      participantId: row.participant_id,
      dueOn: row.due_on,
      recurrence: recurrenceOf(row),
      instructions: row.instructions,
      status: row.status,
      createdBy: row.created_by_id ? { id: row.created_by_id, name: row.created_by_name ?? '' } : null,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      progress: (row.participant_id ? [row.participant_id] : participantIds).map((participantId) => ({
        participantId,
        occurrences: occurrences(scheduleOf(row), datesOf(answered, row.id, participantId), today),
      })),
    }));
  }
}

/** A participant's own assignments and their case's together ones ($2 the case, $3 the participant). */
const OWN_ASSIGNMENTS = `a.case_id = $2 AND (a.participant_id = $3 OR a.audience = 'together')`;

function datesOf(answered: AnsweredDates, assignmentId: string, participantId: string): ReadonlySet<string> {
  return answered.get(`${assignmentId}/${participantId}`) ?? new Set();
}

function recurrenceOf(row: AssignmentRow): Recurrence | null {
  if (!row.frequency || !row.starts_on || !row.ends_on) return null;
  const base = { frequency: row.frequency, startsOn: row.starts_on, endsOn: row.ends_on };
  return row.days_of_week ? { ...base, daysOfWeek: row.days_of_week } : base;
}

/** The first send again, if the retry carries the same request; a key reused for anything else is refused, never merged. */
function replay(first: SubmissionRow, assignmentId: string, request: SubmitAnswersDto): PortalSubmission {
  const same =
    first.assignment_id === assignmentId &&
    first.shared === request.shared &&
    (request.occurrenceOn === undefined || request.occurrenceOn === first.occurrence_on) &&
    isDeepStrictEqual(first.answers, request.answers);
  if (!same) throw new SubmissionKeyReused();
  return portalSubmission(first);
}

function portalSubmission(row: SubmissionRow): PortalSubmission {
  return {
    id: row.id,
    assignmentId: row.assignment_id,
    occurrenceOn: row.occurrence_on,
    shared: row.shared,
    submittedAt: new Date(row.submitted_at).toISOString(),
  };
}

/** Exactly one of a due date or a recurrence, not in the past, and a recurrence that fits its days. */
function scheduleProblems({ dueOn, recurrence }: CreateAssignmentDto, today: string): string[] {
  if ((dueOn === undefined) === (recurrence === undefined)) return ['send either dueOn, for a single sheet, or recurrence, not both'];
  if (dueOn !== undefined) return dueOn < today ? [`dueOn must be today (${today}) or later`] : [];
  if (!recurrence) return [];
  const problems: string[] = [];
  if (recurrence.frequency === 'weekly' && !recurrence.daysOfWeek) problems.push('recurrence.daysOfWeek is required for a weekly recurrence');
  if (recurrence.frequency === 'daily' && recurrence.daysOfWeek) problems.push('recurrence.daysOfWeek is only for a weekly recurrence');
  if (recurrence.endsOn < recurrence.startsOn) problems.push('recurrence.endsOn must be on or after recurrence.startsOn');
  else if (daysBetween(recurrence.startsOn, recurrence.endsOn) >= MAX_RECURRENCE_DAYS) problems.push('recurrence can run for a year at most');
  if (recurrence.endsOn < today) problems.push(`recurrence.endsOn must be today (${today}) or later`);
  return problems;
}

function audienceProblems({ assignTo, participantId }: CreateAssignmentDto, participantIds: string[]): string[] {
  if (assignTo !== AssignTo.Participant) return participantId ? [`participantId is only for assignTo ${AssignTo.Participant}`] : [];
  if (!participantId) return [`participantId is required with assignTo ${AssignTo.Participant}`];
  return participantIds.includes(participantId) ? [] : ['participantId must be the id of one of the case’s participants'];
}

function toSubmission(row: SubmissionRow & { display_name: string }): Submission {
  return {
    id: row.id,
    assignmentId: row.assignment_id,
    participant: { id: row.participant_id, displayName: row.display_name },
    occurrenceOn: row.occurrence_on,
    answers: row.answers,
    shared: row.shared,
    submittedAt: new Date(row.submitted_at).toISOString(),
  };
}
