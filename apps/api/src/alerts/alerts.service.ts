import { Injectable } from '@nestjs/common';
import { ALERT_KINDS, ALERT_RULES, AlertKind, AlertStatus, AuditRecordType, Permission, roleHasPermission, type CaseAlert } from '@trustwork/contracts';
import { CHECK_IN_RATING_LABELS } from '@trustwork/trust-program';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import { CaseNotFound } from '../cases/cases.errors';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { addDays, daysBetween, occurrences, SCHEDULE_COLUMNS, scheduleOf, todayIn, type ScheduleColumns } from '../common/occurrences';
import { AlertNotFound } from './alerts.errors';
import type { AcknowledgeAlertDto } from './dto/acknowledge-alert.dto';

/** A reason for an alert, raised once: the same case, kind and source key never raise a second. */
export interface AlertReason {
  caseId: string;
  participantId: string | null;
  kind: AlertKind;
  /** What raised it, e.g. the check-in's or the report's id. */
  sourceKey: string;
  /** Numbers and dates only: never clinical free text. */
  summary: string;
  details?: Record<string, unknown>;
}

/** What a new check-in is compared with: the participant's previous ones. */
export interface CheckInForAlerts {
  id: string;
  caseId: string;
  participantId: string;
  trust: number;
  safety: number;
}

/** What the feature an alert kind comes from does with its own record (`sourceKey`) when the alert is acknowledged. */
export type SourceAcknowledgement = (user: AuthenticatedUser, sourceKey: string) => Promise<void>;

interface AlertRow {
  id: string;
  case_id: string;
  kind: AlertKind;
  status: AlertStatus;
  participant_id: string | null;
  participant_name: string | null;
  summary: string;
  source_key: string;
  raised_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_id: string | null;
  acknowledged_by_name: string | null;
  note: string | null;
  resolved_at: Date | null;
}

const ALERT_SELECT = `
  SELECT a.id, a.case_id, a.kind, a.status, a.participant_id, p.display_name AS participant_name, a.summary, a.source_key, a.raised_at,
         a.acknowledged_at, u.id AS acknowledged_by_id, u.name AS acknowledged_by_name, a.note, a.resolved_at
  FROM case_alerts a
  LEFT JOIN participants p ON p.id = a.participant_id
  LEFT JOIN users u ON u.id = a.acknowledged_by`;

/** The ratings whose sudden fall is a reason to look at a case between sessions. */
const WATCHED_RATINGS = ['trust', 'safety'] as const;

/** A calendar date in a summary, e.g. "16 Nov" (calendar dates are kept at UTC midnight). */
const DAY_AND_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Sorts in SQL by ALERT_KINDS' order (most urgent first). */
const KIND_ORDER = `array_position(ARRAY[${ALERT_KINDS.map((kind) => `'${kind}'`).join(', ')}]::text[], a.kind)`;

interface OverdueCandidate extends ScheduleColumns {
  assignment_id: string;
  case_id: string;
  participant_id: string;
  exercise_title: string;
  answered: string[] | null;
  last_raised_at: Date | null;
}

/**
 * Alerts: raised in the transaction of the write that gives reason for them (a check-in,
 * a safety report, a measure's score) or by the hourly sweep (homework overdue, check-ins
 * stopped), stored, and acknowledged by a clinician with a note. Only owners and the
 * case's clinicians see them.
 */
@Injectable()
export class AlertsService {
  private readonly sourceAcknowledgements = new Map<AlertKind, SourceAcknowledgement>();

  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  /**
   * Registered by the feature that raises `kind` (it depends on alerts, not the reverse), so
   * acknowledging the alert changes that feature's record through its own service.
   */
  onAcknowledged(kind: AlertKind, acknowledgeSource: SourceAcknowledgement): void {
    this.sourceAcknowledgements.set(kind, acknowledgeSource);
  }

  /** Stores the alert unless the same reason raised one before (whatever became of it). */
  async raise(practiceId: string, reason: AlertReason): Promise<void> {
    await this.scope.manager.query(
      `INSERT INTO case_alerts (practice_id, case_id, participant_id, kind, source_key, summary, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT ON CONSTRAINT case_alerts_reason DO NOTHING`,
      [practiceId, reason.caseId, reason.participantId, reason.kind, reason.sourceKey, reason.summary, JSON.stringify(reason.details ?? {})],
    );
  }

  /** The reason went away by itself (a late sheet arrived): its open alert is resolved. */
  async resolve(practiceId: string, caseId: string, kind: AlertKind, sourceKey: string): Promise<void> {
    await this.scope.manager.query(
      `UPDATE case_alerts SET status = 'resolved', resolved_at = now()
       WHERE practice_id = $1 AND case_id = $2 AND kind = $3 AND source_key = $4 AND status = 'open'`,
      [practiceId, caseId, kind, sourceKey],
    );
  }

  /** A clinician handled the reason elsewhere (e.g. acknowledged the safety report itself). */
  async acknowledgeReason(user: AuthenticatedUser, caseId: string, kind: AlertKind, sourceKey: string): Promise<void> {
    await this.scope.manager.query(
      `UPDATE case_alerts SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $5
       WHERE practice_id = $1 AND case_id = $2 AND kind = $3 AND source_key = $4 AND status = 'open'`,
      [user.practiceId, caseId, kind, sourceKey, user.id],
    );
  }

  /**
   * A new check-in: a trust or safety rating ALERT_RULES.ratingDrop or more below the
   * average of the participant's previous ALERT_RULES.ratingDropBaseline check-ins raises
   * an alert; any check-in ends a "no recent check-in" alert.
   */
  async checkInArrived(practiceId: string, checkIn: CheckInForAlerts): Promise<void> {
    const [baseline]: { count: number; trust: string | null; safety: string | null }[] = await this.scope.manager.query(
      `SELECT count(*)::int AS count, avg(trust) AS trust, avg(safety) AS safety FROM (
         SELECT trust, safety FROM check_ins
         WHERE practice_id = $1 AND participant_id = $2 AND id <> $3
         ORDER BY submitted_at DESC, id DESC LIMIT $4) previous`,
      [practiceId, checkIn.participantId, checkIn.id, ALERT_RULES.ratingDropBaseline],
    );
    await this.scope.manager.query(
      `UPDATE case_alerts SET status = 'resolved', resolved_at = now()
       WHERE practice_id = $1 AND participant_id = $2 AND kind = 'check-in-gap' AND status = 'open'`,
      [practiceId, checkIn.participantId],
    );
    if (baseline.count < ALERT_RULES.ratingDropBaseline) return;
    const drops = WATCHED_RATINGS.map((rating) => ({ rating, value: checkIn[rating], average: Number(baseline[rating]) })).filter(
      (drop) => drop.average - drop.value >= ALERT_RULES.ratingDrop,
    );
    if (drops.length === 0) return;
    const described = drops.map((drop) => `${CHECK_IN_RATING_LABELS[drop.rating]} ${drop.value}, down from an average of ${oneDecimal(drop.average)}`);
    await this.raise(practiceId, {
      caseId: checkIn.caseId,
      participantId: checkIn.participantId,
      kind: AlertKind.RatingDrop,
      sourceKey: checkIn.id,
      summary: `${described.join('; ')} (previous ${ALERT_RULES.ratingDropBaseline} check-ins)`,
      details: { checkInId: checkIn.id, drops },
    });
  }

  /**
   * The time-based rules, run hourly for each practice: homework more than
   * ALERT_RULES.overdueDays days late, and no check-in for ALERT_RULES.checkInGapDays days
   * in an active case. Alerts whose reason has gone (the sheet came in late, the homework
   * was paused, the case is no longer active) are resolved.
   */
  async sweep(practiceId: string, now: Date = new Date()): Promise<void> {
    const [{ time_zone }]: { time_zone: string }[] = await this.scope.manager.query('SELECT time_zone FROM practices WHERE id = $1', [practiceId]);
    await this.sweepCheckInGaps(practiceId, now);
    await this.sweepOverdueHomework(practiceId, todayIn(time_zone, now), now);
  }

  private async sweepCheckInGaps(practiceId: string, now: Date): Promise<void> {
    await this.scope.manager.query(
      `INSERT INTO case_alerts (practice_id, case_id, participant_id, kind, source_key, summary, details)
       SELECT $1, c.id, p.id, 'check-in-gap', p.id || '/' || coalesce(last.id::text, 'none'),
              CASE WHEN last.id IS NULL THEN 'No check-in since the case opened ' || gap.days || ' days ago'
                   ELSE 'No check-in for ' || gap.days || ' days' END,
              json_build_object('lastCheckInAt', last.submitted_at, 'days', gap.days)
       FROM cases c
       JOIN participants p ON p.case_id = c.id
       LEFT JOIN LATERAL (
         SELECT ci.id, ci.submitted_at FROM check_ins ci WHERE ci.participant_id = p.id ORDER BY ci.submitted_at DESC LIMIT 1) last ON true
       CROSS JOIN LATERAL (SELECT floor(extract(epoch FROM $2::timestamptz - coalesce(last.submitted_at, c.created_at)) / 86400)::int AS days) gap
       WHERE c.practice_id = $1 AND c.status = 'active' AND gap.days >= $3
       ON CONFLICT ON CONSTRAINT case_alerts_reason DO NOTHING`,
      [practiceId, now, ALERT_RULES.checkInGapDays],
    );
    await this.scope.manager.query(
      `UPDATE case_alerts a SET status = 'resolved', resolved_at = now()
       FROM cases c WHERE c.id = a.case_id AND a.practice_id = $1 AND a.kind = 'check-in-gap' AND a.status = 'open' AND c.status <> 'active'`,
      [practiceId],
    );
  }

  private async sweepOverdueHomework(practiceId: string, today: string, now: Date): Promise<void> {
    const lateBefore = addDays(today, -ALERT_RULES.overdueDays);
    // Every (assignment, participant) of the active cases' active homework, with the dates
    // answered and when an overdue alert was last raised for it.
    const candidates: OverdueCandidate[] = await this.scope.manager.query(
      `SELECT a.id AS assignment_id, a.case_id, p.id AS participant_id, a.exercise_title, ${SCHEDULE_COLUMNS},
              (SELECT array_agg(s.occurrence_on::text) FROM submissions s WHERE s.assignment_id = a.id AND s.participant_id = p.id) AS answered,
              (SELECT max(al.raised_at) FROM case_alerts al
                WHERE al.case_id = a.case_id AND al.kind = 'homework-overdue' AND al.source_key LIKE a.id || '/' || p.id || '/%') AS last_raised_at
       FROM assignments a
       JOIN cases c ON c.id = a.case_id
       JOIN participants p ON p.case_id = a.case_id AND (a.participant_id = p.id OR a.audience = 'together')
       WHERE a.practice_id = $1 AND a.status = 'active' AND c.status = 'active'
         AND coalesce(a.due_on, a.starts_on) < $2::date`,
      [practiceId, lateBefore],
    );
    const stillOverdue = new Set<string>();
    for (const candidate of candidates) {
      const answered = new Set(candidate.answered ?? []);
      const late = occurrences(scheduleOf(candidate), answered, today).filter((occurrence) => occurrence.status === 'overdue' && occurrence.on < lateBefore);
      const latest = late.at(-1);
      if (!latest) continue;
      const sourceKey = `${candidate.assignment_id}/${candidate.participant_id}/${latest.on}`;
      stillOverdue.add(`${candidate.assignment_id}/${candidate.participant_id}`);
      // One reminder of the same homework a week at most, however many more dates slip.
      if (candidate.last_raised_at && now.getTime() - new Date(candidate.last_raised_at).getTime() < 7 * 24 * 60 * 60 * 1000) continue;
      const sheets = late.length === 1 ? '1 sheet' : `${late.length} sheets`;
      await this.raise(practiceId, {
        caseId: candidate.case_id,
        participantId: candidate.participant_id,
        kind: AlertKind.HomeworkOverdue,
        sourceKey,
        summary: `${sheets} of “${candidate.exercise_title}” not done, the latest due on ${DAY_AND_MONTH.format(new Date(`${latest.on}T00:00:00Z`))} (${daysBetween(latest.on, today)} days ago)`,
        details: { assignmentId: candidate.assignment_id, overdueDates: late.map((occurrence) => occurrence.on) },
      });
    }
    const open: { id: string; source_key: string }[] = await this.scope.manager.query(
      `SELECT id, source_key FROM case_alerts WHERE practice_id = $1 AND kind = 'homework-overdue' AND status = 'open'`,
      [practiceId],
    );
    const gone = open.filter((alert) => !stillOverdue.has(alert.source_key.split('/').slice(0, 2).join('/'))).map((alert) => alert.id);
    if (gone.length > 0) {
      await this.scope.manager.query(`UPDATE case_alerts SET status = 'resolved', resolved_at = now() WHERE practice_id = $1 AND id = ANY($2::uuid[])`, [
        practiceId,
        gone,
      ]);
    }
  }

  /** The case's alerts, most urgent first; open ones by default. */
  async listForCase(user: AuthenticatedUser, caseId: string, status: AlertStatus | 'all'): Promise<CaseAlert[]> {
    await this.access.openClinical(user, caseId);
    const rows: AlertRow[] = await this.scope.manager.query(
      `${ALERT_SELECT} WHERE a.practice_id = $1 AND a.case_id = $2 AND ($3 = 'all' OR a.status = $3)
       ORDER BY a.status = 'open' DESC, ${KIND_ORDER}, a.raised_at DESC, a.id LIMIT 500`,
      [user.practiceId, caseId, status],
    );
    await this.audit.recordList(user.practiceId, { action: 'alert.list', recordType: AuditRecordType.Alert, recordIds: rows.map((row) => row.id), caseIds: [caseId] });
    return rows.map(toCaseAlert);
  }

  /**
   * Marks the alert handled, with the clinician's note. Acknowledging a handled alert
   * again keeps the first acknowledgement. A safety-report alert acknowledges its report too.
   */
  async acknowledge(user: AuthenticatedUser, alertId: string, request: AcknowledgeAlertDto): Promise<CaseAlert> {
    const [found]: { case_id: string; kind: AlertKind; source_key: string }[] = await this.scope.manager.query(
      'SELECT case_id, kind, source_key FROM case_alerts WHERE practice_id = $1 AND id = $2',
      [user.practiceId, alertId],
    );
    if (!found) throw new AlertNotFound();
    try {
      await this.access.openClinical(user, found.case_id);
    } catch (error) {
      throw error instanceof CaseNotFound ? new AlertNotFound() : error;
    }
    await this.scope.manager.query(
      `UPDATE case_alerts SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $3, note = $4
       WHERE practice_id = $1 AND id = $2 AND status = 'open'`,
      [user.practiceId, alertId, user.id, request.note ?? null],
    );
    await this.sourceAcknowledgements.get(found.kind)?.(user, found.source_key);
    await this.audit.record(user.practiceId, { action: 'alert.acknowledge', recordType: AuditRecordType.Alert, recordId: alertId, caseId: found.case_id });
    const [row]: AlertRow[] = await this.scope.manager.query(`${ALERT_SELECT} WHERE a.practice_id = $1 AND a.id = $2`, [user.practiceId, alertId]);
    return toCaseAlert(row);
  }
}

/** Alerts are clinical: an assistant's caseload shows none. */
export function mayReadAlerts(user: AuthenticatedUser): boolean {
  return roleHasPermission(user.role, Permission.ViewClinicalRecords);
}

function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function iso(value: Date | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

function toCaseAlert(row: AlertRow): CaseAlert {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    status: row.status,
    participant: row.participant_id ? { id: row.participant_id, displayName: row.participant_name ?? '' } : null,
    summary: row.summary,
    safetyReportId: row.kind === AlertKind.SafetyReport ? row.source_key : null,
    raisedAt: new Date(row.raised_at).toISOString(),
    acknowledgedAt: iso(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by_id ? { id: row.acknowledged_by_id, name: row.acknowledged_by_name ?? '' } : null,
    note: row.note,
    resolvedAt: iso(row.resolved_at),
  };
}
