import { Injectable } from '@nestjs/common';
import {
  ALERT_KINDS,
  AuditRecordType,
  BUILT_IN_EXERCISE_ID_PREFIX,
  type AlertKind,
  type AssignmentStatus,
  type BriefAlert,
  type BriefAnswer,
  type BriefCheckIns,
  type BriefEvent,
  type BriefHomework,
  type BriefHomeworkItem,
  type BriefPeriod,
  type BriefPhase,
  type BriefPreviousSession,
  type BriefRatings,
  type BriefSafetyReport,
  type CaseEventKind,
  type SafetyReportUrgency,
  type SessionBrief,
} from '@trustwork/contracts';
import { CHECK_IN_RATING_KEYS, exercisesForPhase, phaseByNumber, type PhaseNumber } from '@trustwork/trust-program';
import { AgreementRecordsService } from '../agreements/agreement-records.service';
import { datesBetween, SCHEDULE_COLUMNS, scheduleOf, todayIn, type ScheduleColumns } from '../common/occurrences';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { MEASURE_SCORE_COLUMNS, summariesOf, toMeasureScore, type MeasureScoreRow } from '../measures/measure-scores';
import { SessionsService } from '../sessions/sessions.service';

/** The case, the practice's time zone and the session before this one, in one row. */
interface ContextRow {
  phase: number;
  created_at: Date;
  time_zone: string;
  previous_id: string | null;
  previous_starts_at: Date | null;
  previous_status: BriefPreviousSession['status'] | null;
}

/** The instants and practice-local dates every section reads. */
interface Period {
  practiceId: string;
  caseId: string;
  from: Date;
  to: Date;
  fromDate: string;
  toDate: string;
}

interface HomeworkRow extends ScheduleColumns {
  id: string;
  participant_id: string | null;
  exercise_title: string;
  status: AssignmentStatus;
  /** Participant id to the dates they answered in the period. */
  answered: Record<string, string[]>;
}

interface AnswerRow {
  id: string;
  assignment_id: string;
  exercise_title: string;
  participant_id: string;
  occurrence_on: string;
  submitted_at: Date;
  shared: boolean;
}

interface CheckInRow {
  participant_id: string;
  period: BriefRatings;
  earlier: BriefRatings;
  earlier_from: Date | null;
}

interface EventRow {
  id: string;
  kind: CaseEventKind;
  occurred_on: string;
  title: string;
  participant_id: string | null;
  created_at: Date;
}

interface AlertRow {
  id: string;
  kind: AlertKind;
  participant_id: string | null;
  summary: string;
  raised_at: Date;
}

interface SafetyReportRow {
  id: string;
  participant_id: string;
  urgency: SafetyReportUrgency;
  submitted_at: Date;
  acknowledged_at: Date | null;
}

const CONTEXT = `
  SELECT c.phase, c.created_at, p.time_zone, previous.id AS previous_id, previous.starts_at AS previous_starts_at, previous.status AS previous_status
  FROM cases c
  JOIN practices p ON p.id = c.practice_id
  LEFT JOIN LATERAL (
    SELECT s.id, s.starts_at, s.status FROM sessions s
    WHERE s.practice_id = c.practice_id AND s.case_id = c.id AND s.status <> 'cancelled' AND s.starts_at < $3
      -- One still marked scheduled counts once it is over: it took place, only the marking is missing.
      AND (s.status <> 'scheduled' OR s.starts_at + s.duration_minutes * interval '1 minute' <= $3)
    ORDER BY s.starts_at DESC, s.id DESC LIMIT 1) previous ON true
  WHERE c.practice_id = $1 AND c.id = $2`;

// The homework with a date in the period ($3 to $4), and per participant the dates they answered in it.
const HOMEWORK = `
  SELECT a.id, a.participant_id, a.exercise_title, a.status, ${SCHEDULE_COLUMNS},
    (SELECT coalesce(json_object_agg(answered.participant_id, answered.dates), '{}')
     FROM (SELECT s.participant_id, array_agg(s.occurrence_on::text) AS dates FROM submissions s
           WHERE s.practice_id = $1 AND s.assignment_id = a.id AND s.occurrence_on BETWEEN $3 AND $4
           GROUP BY s.participant_id) answered) AS answered
  FROM assignments a
  WHERE a.practice_id = $1 AND a.case_id = $2 AND a.status <> 'cancelled'
    AND (a.due_on BETWEEN $3 AND $4 OR (a.starts_on <= $4 AND a.ends_on >= $3))
  ORDER BY a.created_at, a.id`;

/**
 * The period's check-ins are compared with the person's last this many before it: about a
 * month at the portal's weekly rhythm. A count rather than a stretch of time, so the
 * comparison holds however the sessions fall and whenever the brief is read.
 */
const EARLIER_CHECK_INS = 4;

const RATINGS = `json_build_object('count', count(*),
  ${CHECK_IN_RATING_KEYS.map((rating) => `'${rating}', round(avg(${rating}), 1)::float8`).join(', ')})`;

// Each participant's averages in the period ($3 to $4), and of their last check-ins before it.
const CHECK_INS = `
  SELECT p.id AS participant_id, period.ratings AS period, earlier.ratings AS earlier, earlier.earliest AS earlier_from
  FROM participants p
  CROSS JOIN LATERAL (
    SELECT ${RATINGS} AS ratings FROM check_ins c
    WHERE c.practice_id = $1 AND c.participant_id = p.id AND c.submitted_at >= $3 AND c.submitted_at < $4) period
  CROSS JOIN LATERAL (
    SELECT ${RATINGS} AS ratings, min(last.submitted_at) AS earliest
    FROM (SELECT * FROM check_ins c WHERE c.practice_id = $1 AND c.participant_id = p.id AND c.submitted_at < $3
          ORDER BY c.submitted_at DESC LIMIT ${EARLIER_CHECK_INS}) last) earlier
  WHERE p.practice_id = $1 AND p.case_id = $2
  ORDER BY p.position`;

/**
 * The pre-session brief: what changed in a case since its previous session (held or
 * missed), for the clinician about to hold this one. One query per section, each on an
 * index by case and time, so a case with years of history reads as fast as a new one.
 * Clinical: owners and the case's clinicians only; every read is audited.
 */
@Injectable()
export class BriefsService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly agreements: AgreementRecordsService,
  ) {}

  async read(user: AuthenticatedUser, sessionId: string): Promise<SessionBrief> {
    const session = await this.sessions.open(user, sessionId, { clinical: true });
    const key = { practiceId: user.practiceId, caseId: session.caseId };
    const to = new Date(Math.min(session.startsAt.getTime(), Date.now()));
    const [context]: ContextRow[] = await this.scope.manager.query(CONTEXT, [key.practiceId, key.caseId, to]);
    const previousSession: BriefPreviousSession | null =
      context.previous_id && context.previous_starts_at && context.previous_status
        ? { id: context.previous_id, startsAt: iso(context.previous_starts_at), status: context.previous_status }
        : null;
    const start = previousSession ? new Date(previousSession.startsAt) : new Date(context.created_at);
    // A case opened after its session was booked has nothing before "to" to tell.
    const from = start < to ? start : to;
    const period: Period = { ...key, from, to, fromDate: todayIn(context.time_zone, from), toDate: todayIn(context.time_zone, to) };

    const participants: { id: string; display_name: string }[] = await this.scope.manager.query(
      'SELECT id, display_name FROM participants WHERE practice_id = $1 AND case_id = $2 ORDER BY position',
      [key.practiceId, key.caseId],
    );
    const participantIds = participants.map((participant) => participant.id);
    const homework = await this.homework(period, participantIds);
    const answers = await this.answers(period);
    const checkIns = await this.checkIns(period);
    const measures = await this.measures(period);
    const events = await this.events(period);
    const openAlerts = await this.openAlerts(period);
    const safetyReports = await this.safetyReports(period);
    const phase = await this.phase(period, context.phase);
    const facts = await this.sessionFacts(key.practiceId, sessionId);
    const unsignedAgreements = await this.agreements.unsignedForBrief(key.practiceId, key.caseId);
    await this.audit.record(user.practiceId, { action: 'session.brief', recordType: AuditRecordType.Session, recordId: sessionId, caseId: key.caseId });

    const briefPeriod: BriefPeriod = {
      from: iso(from),
      to: iso(to),
      fromDate: period.fromDate,
      toDate: period.toDate,
      since: previousSession ? 'previous-session' : 'case-opened',
      previousSession,
    };
    return {
      sessionId,
      caseId: key.caseId,
      startsAt: iso(session.startsAt),
      session: facts,
      period: briefPeriod,
      participants: participants.map((participant) => ({ id: participant.id, displayName: participant.display_name })),
      homework,
      answers,
      checkIns,
      measures,
      events,
      openAlerts,
      safetyReports,
      phase,
      unsignedAgreements,
    };
  }

  /** Who comes, where, and who has confirmed, as the agenda shows them. */
  private async sessionFacts(practiceId: string, sessionId: string): Promise<SessionBrief['session']> {
    const { durationMinutes, status, kind, modality, address, videoUrl, attendance, cancellation } = await this.sessions.describeById(practiceId, sessionId);
    return { durationMinutes, status, kind, modality, address, videoUrl, attendance, cancellation };
  }

  private async homework(period: Period, participantIds: string[]): Promise<BriefHomework[]> {
    const rows: HomeworkRow[] = await this.scope.manager.query(HOMEWORK, [period.practiceId, period.caseId, period.fromDate, period.toDate]);
    return participantIds.map((participantId) => homeworkOf(rows, participantId, period));
  }

  private async answers(period: Period): Promise<BriefAnswer[]> {
    const rows: AnswerRow[] = await this.scope.manager.query(
      `SELECT s.id, s.assignment_id, a.exercise_title, s.participant_id, s.occurrence_on::text, s.submitted_at, s.shared
       FROM assignments a
       JOIN submissions s ON s.practice_id = a.practice_id AND s.assignment_id = a.id
       WHERE a.practice_id = $1 AND a.case_id = $2 AND s.submitted_at >= $3 AND s.submitted_at < $4
       ORDER BY s.submitted_at, s.id`,
      [period.practiceId, period.caseId, period.from, period.to],
    );
    return rows.map((row) => ({
      id: row.id,
      assignmentId: row.assignment_id,
      title: row.exercise_title,
      participantId: row.participant_id,
      occurrenceOn: row.occurrence_on,
      submittedAt: iso(row.submitted_at),
      shared: row.shared,
    }));
  }

  private async checkIns(period: Period): Promise<BriefCheckIns[]> {
    const rows: CheckInRow[] = await this.scope.manager.query(CHECK_INS, [period.practiceId, period.caseId, period.from, period.to]);
    return rows.map((row) => ({
      participantId: row.participant_id,
      period: row.period,
      earlier: row.earlier,
      earlierFrom: row.earlier_from ? iso(row.earlier_from) : null,
    }));
  }

  private async measures(period: Period): Promise<SessionBrief['measures']> {
    const rows: MeasureScoreRow[] = await this.scope.manager.query(
      `SELECT ${MEASURE_SCORE_COLUMNS}
       FROM measure_scores WHERE practice_id = $1 AND case_id = $2 AND submitted_at >= $3 AND submitted_at < $4
       ORDER BY submitted_at, id`,
      [period.practiceId, period.caseId, period.from, period.to],
    );
    const scores = rows.map(toMeasureScore);
    return { scores, summaries: summariesOf(scores) };
  }

  /** Events dated in the period, and older ones recorded in it (a breach that has only now come out). */
  private async events(period: Period): Promise<BriefEvent[]> {
    const rows: EventRow[] = await this.scope.manager.query(
      `SELECT id, kind, occurred_on::text, title, participant_id, created_at FROM case_events
       WHERE practice_id = $1 AND case_id = $2
         AND ((occurred_on BETWEEN $5 AND $6 AND created_at < $4) OR (created_at >= $3 AND created_at < $4))
       ORDER BY occurred_on, created_at`,
      [period.practiceId, period.caseId, period.from, period.to, period.fromDate, period.toDate],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      occurredOn: row.occurred_on,
      title: row.title,
      participantId: row.participant_id,
      createdAt: iso(row.created_at),
    }));
  }

  private async openAlerts(period: Period): Promise<BriefAlert[]> {
    const rows: AlertRow[] = await this.scope.manager.query(
      `SELECT id, kind, participant_id, summary, raised_at FROM case_alerts
       WHERE practice_id = $1 AND case_id = $2 AND status = 'open' ORDER BY raised_at DESC, id`,
      [period.practiceId, period.caseId],
    );
    // Most urgent first, as the alert list orders them; newest first within a kind (the sort is stable).
    return rows
      .map((row) => ({ id: row.id, kind: row.kind, participantId: row.participant_id, summary: row.summary, raisedAt: iso(row.raised_at) }))
      .sort((a, b) => ALERT_KINDS.indexOf(a.kind) - ALERT_KINDS.indexOf(b.kind));
  }

  private async safetyReports(period: Period): Promise<BriefSafetyReport[]> {
    const rows: SafetyReportRow[] = await this.scope.manager.query(
      `SELECT id, participant_id, urgency, submitted_at, acknowledged_at FROM safety_reports
       WHERE practice_id = $1 AND case_id = $2 AND submitted_at >= $3 AND submitted_at < $4
       ORDER BY submitted_at DESC, id`,
      [period.practiceId, period.caseId, period.from, period.to],
    );
    return rows.map((row) => ({
      id: row.id,
      participantId: row.participant_id,
      urgency: row.urgency,
      submittedAt: iso(row.submitted_at),
      acknowledgedAt: row.acknowledged_at ? iso(row.acknowledged_at) : null,
    }));
  }

  /** The case's phase, and the library's exercises for it, marked when the case already has them. */
  private async phase(period: Period, number: number): Promise<BriefPhase> {
    const rows: { exercise_ref: string }[] = await this.scope.manager.query(
      `SELECT DISTINCT exercise_ref FROM assignments WHERE practice_id = $1 AND case_id = $2 AND status <> 'cancelled'`,
      [period.practiceId, period.caseId],
    );
    const assigned = new Set(rows.map((row) => row.exercise_ref));
    const phase = phaseByNumber(number);
    return {
      number,
      title: phase?.title ?? `Phase ${number}`,
      summary: phase?.summary ?? '',
      suggestions: exercisesForPhase(number as PhaseNumber).map((exercise) => {
        const exerciseId = `${BUILT_IN_EXERCISE_ID_PREFIX}${exercise.key}`;
        return { exerciseId, title: exercise.title, purpose: exercise.purpose, minutes: exercise.minutes, assigned: assigned.has(exerciseId) };
      }),
    };
  }
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

/**
 * One participant's homework dates in the period: their own assignments' and the together
 * ones'. An unanswered date is overdue while it is the latest date of active homework
 * (the sheet the portal still offers), missed once a later date has come or the
 * homework is paused. The period's last day counts only once done: it is not over yet.
 */
function homeworkOf(rows: HomeworkRow[], participantId: string, period: Period): BriefHomework {
  const result: BriefHomework = { participantId, done: [], missed: [], overdue: [] };
  for (const row of rows) {
    if (row.participant_id && row.participant_id !== participantId) continue;
    const answered = new Set(row.answered[participantId] ?? []);
    const dates = datesBetween(scheduleOf(row), period.fromDate, period.toDate);
    const latest = dates.at(-1);
    for (const on of dates) {
      const item: BriefHomeworkItem = { assignmentId: row.id, title: row.exercise_title, on };
      if (answered.has(on)) result.done.push(item);
      else if (on === period.toDate) continue;
      else if (on === latest && row.status === 'active') result.overdue.push(item);
      else result.missed.push(item);
    }
  }
  const byDate = (a: BriefHomeworkItem, b: BriefHomeworkItem) => a.on.localeCompare(b.on) || a.title.localeCompare(b.title);
  return { participantId, done: result.done.sort(byDate), missed: result.missed.sort(byDate), overdue: result.overdue.sort(byDate) };
}
