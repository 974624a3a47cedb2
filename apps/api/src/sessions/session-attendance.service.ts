import { Injectable } from '@nestjs/common';
import {
  AttendanceResponse,
  AuditRecordType,
  SessionKind,
  SessionModality,
  SessionStatus,
  VIDEO_LINK_SHOWN_MINUTES_BEFORE,
  type PortalSession,
} from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedParticipant } from '../common/authenticated-participant';
import { ConflictError, NotFoundError } from '../common/errors/domain-error';
import { PracticeScope } from '../database/practice-scope';
import { RemindersService } from '../reminders/reminders.service';
import type { PortalCancelSessionDto } from './dto/portal-cancel-session.dto';
import { SessionOutcomes } from './session-outcomes';

/** Unknown, another case's, or the other person's own session: none can be told apart. */
export class PortalSessionNotFound extends NotFoundError {
  constructor() {
    super('This appointment could not be found. Ask your therapist for a new link if you need one.');
  }
}

export class PortalSessionCancelled extends ConflictError {
  constructor() {
    super('This appointment has been cancelled. To meet after all, contact your therapist.');
  }
}

export class PortalSessionStarted extends ConflictError {
  constructor() {
    super('This appointment has already started, so it can no longer be changed here. Contact your therapist.');
  }
}

/** Enough to fill the portal's appointments screen without paging. */
const UPCOMING_LIMIT = 20;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

interface PortalSessionRow {
  id: string;
  case_id: string;
  starts_at: Date;
  duration_minutes: number;
  attendee_ids: string[];
  modality: SessionModality;
  address: string | null;
  video_url: string | null;
  status: SessionStatus;
  cancelled_by_participant_id: string | null;
  response: AttendanceResponse | null;
  therapist_name: string | null;
  cancellation_notice_hours: number;
}

/** The practice's office stands in for an in-person session with no address of its own. */
const PORTAL_SESSION_SELECT = `
  SELECT s.id, s.case_id, s.starts_at, s.duration_minutes, s.attendee_ids, s.modality,
         CASE WHEN s.modality = 'in-person' THEN COALESCE(s.address, pr.office_address) END AS address,
         s.video_url, s.status, s.cancelled_by_participant_id, a.response, u.name AS therapist_name,
         pr.cancellation_notice_hours
  FROM sessions s
  JOIN practices pr ON pr.id = s.practice_id
  LEFT JOIN users u ON u.id = s.clinician_id
  LEFT JOIN session_attendance a ON a.session_id = s.id AND a.participant_id = $3
  WHERE s.practice_id = $1 AND s.case_id = $2 AND $3 = ANY(s.attendee_ids)`;

/**
 * A person's own appointments in the portal: the joint ones and their own individual ones
 * (never the other person's), their answer to each, and cancelling one themselves.
 */
@Injectable()
export class SessionAttendanceService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
    private readonly reminders: RemindersService,
    private readonly outcomes: SessionOutcomes,
  ) {}

  /** Upcoming ones, earliest first; cancelled ones stay so the person sees they are off. */
  async upcoming(participant: AuthenticatedParticipant): Promise<PortalSession[]> {
    const rows: PortalSessionRow[] = await this.scope.manager.query(
      `${PORTAL_SESSION_SELECT}
         AND s.status IN ('scheduled', 'cancelled')
         AND s.starts_at + make_interval(mins => s.duration_minutes) > now()
       ORDER BY s.starts_at, s.id
       LIMIT $4`,
      [participant.practiceId, participant.caseId, participant.participantId, UPCOMING_LIMIT],
    );
    await this.audit.recordList(participant.practiceId, {
      action: 'session.list',
      recordType: AuditRecordType.Session,
      recordIds: rows.map((row) => row.id),
      caseIds: [participant.caseId],
    });
    const now = new Date();
    return rows.map((row) => toPortalSession(row, now));
  }

  /** Saying so again changes nothing. */
  async confirm(participant: AuthenticatedParticipant, sessionId: string): Promise<PortalSession> {
    const row = await this.lockOwn(participant, sessionId);
    if (row.status === SessionStatus.Cancelled) throw new PortalSessionCancelled();
    assertNotStarted(row);
    if (row.response === AttendanceResponse.Confirmed) return this.shownAgain(participant, row);
    await this.answer(participant, sessionId, AttendanceResponse.Confirmed);
    await this.record(participant, 'session.confirm', sessionId);
    return this.describe(participant, sessionId);
  }

  /**
   * Cancels the session for everyone in it, marked late when inside the practice's notice
   * period. The row stays locked until the transaction ends, so a double tap cancels once.
   */
  async cancel(participant: AuthenticatedParticipant, sessionId: string, request: PortalCancelSessionDto): Promise<PortalSession> {
    const row = await this.lockOwn(participant, sessionId);
    if (row.status === SessionStatus.Cancelled) {
      if (row.cancelled_by_participant_id === participant.participantId) return this.shownAgain(participant, row);
      throw new PortalSessionCancelled();
    }
    assertNotStarted(row);
    const late = isInsideNotice(row, new Date());
    await this.scope.manager.query(
      `UPDATE sessions SET status = 'cancelled', cancelled_at = now(), cancelled_by_participant_id = $3, cancelled_by_user_id = NULL,
         cancellation_late = $4, cancellation_reason = $5, updated_at = now()
       WHERE practice_id = $1 AND id = $2`,
      [participant.practiceId, sessionId, participant.participantId, late, request.reason ?? null],
    );
    await this.outcomes.changed([
      { practiceId: participant.practiceId, sessionId, caseId: participant.caseId, status: SessionStatus.Cancelled, previousStatus: row.status, cancellationLate: late, userId: null },
    ]);
    await this.answer(participant, sessionId, AttendanceResponse.Cancelled);
    await this.record(participant, 'session.cancel', sessionId);
    await this.reminders.sessionCancelledByParticipant(participant.practiceId, sessionId);
    return this.describe(participant, sessionId);
  }

  private async lockOwn(participant: AuthenticatedParticipant, sessionId: string): Promise<PortalSessionRow> {
    const [row]: PortalSessionRow[] = await this.scope.manager.query(`${PORTAL_SESSION_SELECT} AND s.id = $4 FOR UPDATE OF s`, [
      participant.practiceId,
      participant.caseId,
      participant.participantId,
      sessionId,
    ]);
    if (!row) throw new PortalSessionNotFound();
    return row;
  }

  private async describe(participant: AuthenticatedParticipant, sessionId: string): Promise<PortalSession> {
    const [row]: PortalSessionRow[] = await this.scope.manager.query(`${PORTAL_SESSION_SELECT} AND s.id = $4`, [
      participant.practiceId,
      participant.caseId,
      participant.participantId,
      sessionId,
    ]);
    return toPortalSession(row, new Date());
  }

  /** A repeated tap changes nothing; it still shows the session, which is a read. */
  private async shownAgain(participant: AuthenticatedParticipant, row: PortalSessionRow): Promise<PortalSession> {
    await this.record(participant, 'session.read', row.id);
    return toPortalSession(row, new Date());
  }

  private answer(participant: AuthenticatedParticipant, sessionId: string, response: AttendanceResponse): Promise<unknown> {
    return this.scope.manager.query(
      `INSERT INTO session_attendance (session_id, participant_id, practice_id, response) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id, participant_id) DO UPDATE SET response = EXCLUDED.response, responded_at = now()`,
      [sessionId, participant.participantId, participant.practiceId, response],
    );
  }

  private record(participant: AuthenticatedParticipant, action: 'session.confirm' | 'session.cancel' | 'session.read', sessionId: string): Promise<void> {
    return this.audit.record(participant.practiceId, { action, recordType: AuditRecordType.Session, recordId: sessionId, caseId: participant.caseId });
  }
}

function assertNotStarted(row: PortalSessionRow): void {
  if (row.status !== SessionStatus.Scheduled || new Date(row.starts_at).getTime() <= Date.now()) throw new PortalSessionStarted();
}

function isInsideNotice(row: PortalSessionRow, now: Date): boolean {
  return new Date(row.starts_at).getTime() - now.getTime() < row.cancellation_notice_hours * HOUR_MS;
}

function toPortalSession(row: PortalSessionRow, now: Date): PortalSession {
  const startsAt = new Date(row.starts_at);
  const endsAt = startsAt.getTime() + row.duration_minutes * MINUTE_MS;
  const video = row.modality === SessionModality.Video;
  const videoLinkFrom = new Date(startsAt.getTime() - VIDEO_LINK_SHOWN_MINUTES_BEFORE * MINUTE_MS);
  const videoShown = video && row.status === SessionStatus.Scheduled && now >= videoLinkFrom && now.getTime() < endsAt;
  return {
    id: row.id,
    startsAt: startsAt.toISOString(),
    durationMinutes: row.duration_minutes,
    kind: row.attendee_ids.length === 1 ? SessionKind.Individual : SessionKind.Joint,
    modality: row.modality,
    address: row.address,
    videoUrl: videoShown ? row.video_url : null,
    videoLinkFrom: video ? videoLinkFrom.toISOString() : null,
    status: row.status,
    response: row.response,
    cancellingIsLate: row.status === SessionStatus.Scheduled && startsAt > now && isInsideNotice(row, now),
    therapistName: row.therapist_name,
  };
}
