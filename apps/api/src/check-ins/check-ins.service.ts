import { Injectable } from '@nestjs/common';
import { PORTAL_CHECK_IN_WEEKS, type CheckIn } from '@trustwork/contracts';
import { AlertsService } from '../alerts/alerts.service';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import type { AuthenticatedParticipant } from '../common/authenticated-participant';
import { IdempotencyKeyReused } from './check-ins.errors';
import type { SubmitCheckInDto } from './dto/submit-check-in.dto';

interface CheckInRow {
  id: string;
  participant_id: string;
  trust: number;
  safety: number;
  heard: number;
  closeness: number;
  note: string | null;
  submitted_at: Date;
}

const CHECK_IN_COLUMNS = 'id, participant_id, trust, safety, heard, closeness, note, submitted_at';

/** Years of weekly check-ins from both people; a guard against a runaway case, not a page size. */
const CASE_CHECK_IN_LIMIT = 1000;

/**
 * Check-ins: each participant sends them from the portal and sees their own recent ones;
 * owners and the case's clinicians see both people's series (clinical: not assistants).
 */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly alerts: AlertsService,
  ) {}

  /** Stores the check-in; a retry with the same idempotency key returns the first one instead. */
  async submit(participant: AuthenticatedParticipant, request: SubmitCheckInDto, idempotencyKey: string | null): Promise<CheckIn> {
    const ratings = [request.trust, request.safety, request.heard, request.closeness];
    const note = request.note ?? null;
    const [created]: CheckInRow[] = await this.scope.manager.query(
      `INSERT INTO check_ins (practice_id, case_id, participant_id, trust, safety, heard, closeness, note, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (participant_id, idempotency_key) DO NOTHING
       RETURNING ${CHECK_IN_COLUMNS}`,
      [participant.practiceId, participant.caseId, participant.participantId, ...ratings, note, idempotencyKey],
    );
    if (created) {
      await this.audit.record(participant.practiceId, { action: 'check-in.create', recordType: 'check-in', recordId: created.id, caseId: participant.caseId });
      await this.alerts.checkInArrived(participant.practiceId, { ...created, caseId: participant.caseId, participantId: participant.participantId });
      return toCheckIn(created);
    }
    // Only a keyed insert can conflict; in READ COMMITTED this sees the row that won.
    const [first]: CheckInRow[] = await this.scope.manager.query(
      `SELECT ${CHECK_IN_COLUMNS} FROM check_ins WHERE practice_id = $1 AND participant_id = $2 AND idempotency_key = $3`,
      [participant.practiceId, participant.participantId, idempotencyKey],
    );
    const firstRatings = [first.trust, first.safety, first.heard, first.closeness];
    if (firstRatings.some((value, index) => value !== ratings[index]) || first.note !== note) throw new IdempotencyKeyReused();
    return toCheckIn(first);
  }

  async listOwn(participant: AuthenticatedParticipant): Promise<CheckIn[]> {
    const rows: CheckInRow[] = await this.scope.manager.query(
      `SELECT ${CHECK_IN_COLUMNS} FROM check_ins
       WHERE practice_id = $1 AND participant_id = $2 AND submitted_at > now() - make_interval(weeks => $3)
       ORDER BY submitted_at DESC, id DESC`,
      [participant.practiceId, participant.participantId, PORTAL_CHECK_IN_WEEKS],
    );
    await this.audit.recordList(participant.practiceId, {
      action: 'check-in.list',
      recordType: 'check-in',
      recordIds: rows.map((row) => row.id),
      caseIds: [participant.caseId],
    });
    return rows.map(toCheckIn);
  }

  /** Both participants' check-ins, newest first. */
  async listForCase(user: AuthenticatedUser, caseId: string): Promise<CheckIn[]> {
    await this.access.openClinical(user, caseId);
    const rows: CheckInRow[] = await this.scope.manager.query(
      `SELECT ${CHECK_IN_COLUMNS} FROM check_ins WHERE practice_id = $1 AND case_id = $2
       ORDER BY submitted_at DESC, id DESC LIMIT $3`,
      [user.practiceId, caseId, CASE_CHECK_IN_LIMIT],
    );
    await this.audit.recordList(user.practiceId, { action: 'check-in.list', recordType: 'check-in', recordIds: rows.map((row) => row.id), caseIds: [caseId] });
    return rows.map(toCheckIn);
  }

  /** One participant's check-ins, oldest first: for their records request. No access check, no audit (the caller does both). */
  async ofParticipant(user: AuthenticatedUser, caseId: string, participantId: string): Promise<CheckIn[]> {
    const rows: CheckInRow[] = await this.scope.manager.query(
      `SELECT ${CHECK_IN_COLUMNS} FROM check_ins WHERE practice_id = $1 AND case_id = $2 AND participant_id = $3
       ORDER BY submitted_at, id`,
      [user.practiceId, caseId, participantId],
    );
    return rows.map(toCheckIn);
  }
}

function toCheckIn(row: CheckInRow): CheckIn {
  return {
    id: row.id,
    participantId: row.participant_id,
    trust: row.trust,
    safety: row.safety,
    heard: row.heard,
    closeness: row.closeness,
    note: row.note,
    submittedAt: new Date(row.submitted_at).toISOString(),
  };
}
