import { Injectable } from '@nestjs/common';
import {
  AuditRecordType,
  PROGRESS_DEFAULT_WEEKS,
  PROGRESS_MAX_DAYS,
  PROGRESS_WEEKLY_AFTER_DAYS,
  type CaseEventKind,
  type CaseProgress,
  type CheckInPoint,
  type HomeworkWeek,
  type MeasureScore,
  type ProgressEvent,
  type ProgressPhaseChange,
} from '@trustwork/contracts';
import { addDays, datesBetween, dayOfWeek, daysBetween, SCHEDULE_COLUMNS, scheduleOf, todayIn, type ScheduleColumns } from '../common/occurrences';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { MEASURE_SCORE_COLUMNS, summariesOf, toMeasureScore, type MeasureScoreRow } from '../measures/measure-scores';
import type { ProgressQueryDto } from './dto/progress-query.dto';
import { InvalidProgressRange } from './progress.errors';

type Granularity = CaseProgress['granularity'];

/** Calendar dates in the practice's time zone, both included. */
interface DateRange {
  from: string;
  to: string;
}

interface CaseKey {
  practiceId: string;
  caseId: string;
}

interface ParticipantRow {
  id: string;
  display_name: string;
}

interface CheckInPointRow {
  participant_id: string;
  on: string;
  trust: number;
  safety: number;
  heard: number;
  closeness: number;
  count: number;
}

interface HomeworkRow extends ScheduleColumns {
  participant_id: string | null;
  /** Participant id to the dates they answered in range. */
  answered: Record<string, string[]>;
}

interface EventRow {
  id: string;
  kind: CaseEventKind;
  occurred_on: string;
  title: string;
  participant_id: string | null;
}

interface PhaseChangeRow {
  phase: number;
  on: string;
  changed_at: Date;
}

// A practice-local calendar range as instants: from midnight of `from` up to midnight after `to`,
// so the timestamp indexes serve the query. $3 is the time zone, $4 and $5 the dates.
const IN_LOCAL_RANGE = (column: string) =>
  `${column} >= ($4::date::timestamp AT TIME ZONE $3) AND ${column} < (($5::date + 1)::timestamp AT TIME ZONE $3)`;

// Averages come back as numeric, which pg hands over as text; float8 makes them numbers.
const CHECK_IN_POINTS = `
  SELECT participant_id, bucket::date::text AS on,
    round(avg(trust), 1)::float8 AS trust, round(avg(safety), 1)::float8 AS safety,
    round(avg(heard), 1)::float8 AS heard, round(avg(closeness), 1)::float8 AS closeness, count(*)::int AS count
  FROM (
    SELECT id, participant_id, submitted_at, trust, safety, heard, closeness,
      date_trunc(CASE WHEN $6 THEN 'week' ELSE 'day' END, submitted_at AT TIME ZONE $3) AS bucket
    FROM check_ins
    WHERE practice_id = $1 AND case_id = $2 AND ${IN_LOCAL_RANGE('submitted_at')}
  ) local
  -- Weekly, a participant's week is one point (date_trunc's weeks start on Monday); otherwise each check-in is its own.
  GROUP BY participant_id, bucket, CASE WHEN $6 THEN NULL ELSE id END
  ORDER BY bucket, min(submitted_at), participant_id`;

// Each assignment's schedule, and per participant the dates answered in range ($3 to $4).
const HOMEWORK = `
  SELECT a.participant_id, ${SCHEDULE_COLUMNS},
    (SELECT coalesce(json_object_agg(answered.participant_id, answered.dates), '{}')
     FROM (SELECT s.participant_id, array_agg(s.occurrence_on::text) AS dates FROM submissions s
           WHERE s.practice_id = $1 AND s.assignment_id = a.id AND s.occurrence_on BETWEEN $3 AND $4
           GROUP BY s.participant_id) answered) AS answered
  FROM assignments a
  WHERE a.practice_id = $1 AND a.case_id = $2 AND a.status <> 'cancelled'
    AND (a.due_on BETWEEN $3 AND $4 OR (a.starts_on <= $4 AND a.ends_on >= $3))`;

/**
 * A case's progress over a range of dates, for the chart: both participants' check-ins,
 * measure scores and homework completion, with the timeline's events and phase changes.
 * Clinical: owners and the case's clinicians only, and every read is audited.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async read(user: AuthenticatedUser, caseId: string, query: ProgressQueryDto): Promise<CaseProgress> {
    await this.access.openClinical(user, caseId);
    const timeZone = await this.timeZone(user.practiceId);
    const today = todayIn(timeZone);
    const range = rangeOf(query, today);
    // Both ends count: the default twelve weeks back from today is 85 days.
    const granularity: Granularity = daysBetween(range.from, range.to) + 1 > PROGRESS_WEEKLY_AFTER_DAYS ? 'week' : 'check-in';
    const key: CaseKey = { practiceId: user.practiceId, caseId };

    const participants = await this.participants(key);
    const checkIns = await this.checkInPoints(key, timeZone, range, granularity);
    const scores = await this.measureScores(key, range);
    // Homework not yet due is neither done nor missed: count up to today at most.
    const homeworkRange: DateRange = { from: range.from, to: range.to < today ? range.to : today };
    const homework = await this.homework(key, homeworkRange);
    const events = await this.events(key, range);
    const phaseChanges = await this.phaseChanges(key, timeZone, range);
    await this.audit.record(user.practiceId, { action: 'progress.read', recordType: AuditRecordType.Case, recordId: caseId, caseId });

    const participantIds = participants.map((participant) => participant.id);
    return {
      caseId,
      from: range.from,
      to: range.to,
      granularity,
      participants: participants.map((participant) => ({
        participantId: participant.id,
        displayName: participant.display_name,
        checkIns: checkIns.filter((row) => row.participant_id === participant.id).map(toCheckInPoint),
        measures: scores.filter((score) => score.participantId === participant.id),
        homework: homeworkWeeks(homework, participant.id, participantIds, homeworkRange, today),
      })),
      measures: summariesOf(scores),
      events,
      phaseChanges,
    };
  }

  private async timeZone(practiceId: string): Promise<string> {
    const [{ time_zone }]: { time_zone: string }[] = await this.scope.manager.query('SELECT time_zone FROM practices WHERE id = $1', [practiceId]);
    return time_zone;
  }

  private participants({ practiceId, caseId }: CaseKey): Promise<ParticipantRow[]> {
    return this.scope.manager.query('SELECT id, display_name FROM participants WHERE practice_id = $1 AND case_id = $2 ORDER BY position', [
      practiceId,
      caseId,
    ]);
  }

  /** Both participants' points in one query. */
  private checkInPoints({ practiceId, caseId }: CaseKey, timeZone: string, range: DateRange, granularity: Granularity): Promise<CheckInPointRow[]> {
    return this.scope.manager.query(CHECK_IN_POINTS, [practiceId, caseId, timeZone, range.from, range.to, granularity === 'week']);
  }

  private async measureScores({ practiceId, caseId }: CaseKey, range: DateRange): Promise<MeasureScore[]> {
    const rows: MeasureScoreRow[] = await this.scope.manager.query(
      `SELECT ${MEASURE_SCORE_COLUMNS}
       FROM measure_scores WHERE practice_id = $1 AND case_id = $2 AND occurrence_on BETWEEN $3 AND $4
       ORDER BY occurrence_on, submitted_at`,
      [practiceId, caseId, range.from, range.to],
    );
    return rows.map(toMeasureScore);
  }

  private async homework({ practiceId, caseId }: CaseKey, range: DateRange): Promise<HomeworkRow[]> {
    // A range that starts after today has no homework due yet.
    if (range.to < range.from) return [];
    return this.scope.manager.query(HOMEWORK, [practiceId, caseId, range.from, range.to]);
  }

  private async events({ practiceId, caseId }: CaseKey, range: DateRange): Promise<ProgressEvent[]> {
    const rows: EventRow[] = await this.scope.manager.query(
      `SELECT id, kind, occurred_on::text, title, participant_id FROM case_events
       WHERE practice_id = $1 AND case_id = $2 AND occurred_on BETWEEN $3 AND $4 ORDER BY occurred_on, created_at`,
      [practiceId, caseId, range.from, range.to],
    );
    return rows.map((row) => ({ id: row.id, kind: row.kind, occurredOn: row.occurred_on, title: row.title, participantId: row.participant_id }));
  }

  private async phaseChanges({ practiceId, caseId }: CaseKey, timeZone: string, range: DateRange): Promise<ProgressPhaseChange[]> {
    const rows: PhaseChangeRow[] = await this.scope.manager.query(
      `SELECT phase, (changed_at AT TIME ZONE $3)::date::text AS on, changed_at FROM case_phase_changes
       WHERE practice_id = $1 AND case_id = $2 AND ${IN_LOCAL_RANGE('changed_at')} ORDER BY changed_at`,
      [practiceId, caseId, timeZone, range.from, range.to],
    );
    return rows.map((row) => ({ phase: Number(row.phase), on: row.on, changedAt: new Date(row.changed_at).toISOString() }));
  }
}

/** The dates asked for, with the defaults filled in: the last PROGRESS_DEFAULT_WEEKS weeks up to today. */
function rangeOf(query: ProgressQueryDto, today: string): DateRange {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -7 * PROGRESS_DEFAULT_WEEKS);
  if (from > to) throw new InvalidProgressRange('from must be on or before to');
  if (daysBetween(from, to) + 1 > PROGRESS_MAX_DAYS) {
    throw new InvalidProgressRange(`Progress can be shown for at most ${PROGRESS_MAX_DAYS} days at a time. Choose a later from or an earlier to.`);
  }
  return { from, to };
}

function toCheckInPoint(row: CheckInPointRow): CheckInPoint {
  return { on: row.on, trust: row.trust, safety: row.safety, heard: row.heard, closeness: row.closeness, count: row.count };
}

function mondayOf(date: string): string {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/**
 * The participant's homework per Monday-to-Sunday week of the range: their own
 * assignments' dates and the together ones'. Every week of the range is listed, a week
 * with nothing due with rate null, so a chart's weeks line up with the check-ins' and a
 * quiet week shows as a gap rather than vanishing.
 */
function homeworkWeeks(assignments: HomeworkRow[], participantId: string, participantIds: string[], range: DateRange, today: string): HomeworkWeek[] {
  if (range.to < range.from) return [];
  const weeks = new Map<string, { due: number; done: number }>();
  for (let monday = mondayOf(range.from); monday <= range.to; monday = addDays(monday, 7)) weeks.set(monday, { due: 0, done: 0 });
  for (const assignment of assignments) {
    const forWhom = assignment.participant_id ? [assignment.participant_id] : participantIds;
    if (!forWhom.includes(participantId)) continue;
    const answered = new Set(assignment.answered[participantId] ?? []);
    for (const date of datesBetween(scheduleOf(assignment), range.from, range.to)) {
      const week = weeks.get(mondayOf(date));
      // Today's sheet counts once it is done; until the day is over it is not missed.
      if (!week || (date === today && !answered.has(date))) continue;
      week.due += 1;
      if (answered.has(date)) week.done += 1;
    }
  }
  return [...weeks].map(([weekOf, { due, done }]) => ({ weekOf, due, done, rate: due > 0 ? done / due : null }));
}
