import { Injectable } from '@nestjs/common';
import { MAX_AGENDA_DAYS, Permission, roleHasPermission, type AgendaSession, type TherapySession } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import { CaseNotFound } from '../cases/cases.errors';
import { PracticeScope } from '../database/practice-scope';
import type { AgendaQueryDto } from './dto/agenda-query.dto';
import { SessionRecord } from './session.entity';
import { SESSION_SELECT, toTherapySession, type SessionRow } from './sessions.queries';
import { InvalidAgendaRange, InvalidSessionChange, SessionNotFound } from './sessions.errors';

/** More sessions than any practice holds in a month per clinician view; a guard, not a page size. */
const AGENDA_LIMIT = 1000;

/** Whether this user reads the people's own words about a cancellation (those who read clinical records). */
const readsReasons = (user: AuthenticatedUser) => roleHasPermission(user.role, Permission.ViewClinicalRecords);

/**
 * A case's sessions as the team reads them, and who may open one. Anyone who may open the
 * case may see its sessions, assistants included (scheduling is their job); notes are a
 * separate, clinical matter. Scheduling and changes are in SessionSchedulingService.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, caseId: string): Promise<TherapySession[]> {
    await this.access.open(user, caseId);
    const sessions = await this.describeAll(user, caseId, 'DESC');
    await this.audit.recordList(user.practiceId, { action: 'session.list', recordType: 'session', recordIds: sessions.map((session) => session.id), caseIds: [caseId] });
    return sessions;
  }

  /**
   * Sessions in a range across every case this user may open (a clinician: the cases
   * assigned to them), earliest first. Audited as one list read naming every session shown.
   */
  async agenda(user: AuthenticatedUser, query: AgendaQueryDto): Promise<AgendaSession[]> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) throw new InvalidAgendaRange('to must be later than from');
    if (to.getTime() - from.getTime() > MAX_AGENDA_DAYS * 24 * 60 * 60 * 1000) {
      throw new InvalidAgendaRange(`The agenda covers at most ${MAX_AGENDA_DAYS} days at a time`);
    }
    const ownCasesOnly = !roleHasPermission(user.role, Permission.ViewAllCases);
    if (ownCasesOnly && query.clinicianId && query.clinicianId !== user.id) return [];
    const clinicianId = ownCasesOnly ? user.id : query.clinicianId;
    const rows: (SessionRow & { participants: AgendaSession['participants'] })[] = await this.scope.manager.query(
      `SELECT q.*, (SELECT json_agg(json_build_object('id', p.id, 'displayName', p.display_name) ORDER BY p.position)
                    FROM participants p WHERE p.case_id = q.case_id) AS participants
       FROM (${SESSION_SELECT}
             WHERE s.practice_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3
               AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM case_clinicians cc WHERE cc.case_id = s.case_id AND cc.user_id = $4))
             ORDER BY s.starts_at, s.id
             LIMIT $5) q
       ORDER BY q.starts_at, q.id`,
      [user.practiceId, from, to, clinicianId ?? null, AGENDA_LIMIT],
    );
    await this.audit.recordList(user.practiceId, {
      action: 'session.list',
      recordType: 'session',
      recordIds: rows.map((row) => row.id),
      caseIds: rows.map((row) => row.case_id),
    });
    return rows.map((row) => ({ ...toTherapySession(row, readsReasons(user)), participants: row.participants ?? [] }));
  }

  /**
   * The session, if this user may open its case; otherwise 404, as for a session that
   * does not exist. `clinical` also requires a role that may read clinical records (notes).
   */
  async open(user: AuthenticatedUser, sessionId: string, options: { clinical?: boolean } = {}): Promise<SessionRecord> {
    const found = await this.scope.repository(SessionRecord).findOne({ where: { id: sessionId, practiceId: user.practiceId } });
    if (!found) throw new SessionNotFound();
    try {
      if (options.clinical) await this.access.openClinical(user, found.caseId);
      else await this.access.open(user, found.caseId);
    } catch (error) {
      throw error instanceof CaseNotFound ? new SessionNotFound() : error;
    }
    return found;
  }

  /** Every session of a case, without access checks or audit (the caller has done both). */
  async describeAll(user: AuthenticatedUser, caseId: string, order: 'ASC' | 'DESC'): Promise<TherapySession[]> {
    const rows: SessionRow[] = await this.scope.manager.query(
      `${SESSION_SELECT} WHERE s.practice_id = $1 AND s.case_id = $2 ORDER BY s.starts_at ${order}, s.created_at ${order}, s.id ${order}`,
      [user.practiceId, caseId],
    );
    return rows.map((row) => toTherapySession(row, readsReasons(user)));
  }

  /** One session as this user reads it, without access checks or audit (the caller has done both). */
  async describe(user: AuthenticatedUser, sessionId: string): Promise<TherapySession> {
    const [row]: SessionRow[] = await this.scope.manager.query(`${SESSION_SELECT} WHERE s.practice_id = $1 AND s.id = $2`, [user.practiceId, sessionId]);
    return toTherapySession(row, readsReasons(user));
  }

  /** One session in full, for a clinical reader (the brief), without access checks or audit. */
  async describeById(practiceId: string, sessionId: string): Promise<TherapySession> {
    const [row]: SessionRow[] = await this.scope.manager.query(`${SESSION_SELECT} WHERE s.practice_id = $1 AND s.id = $2`, [practiceId, sessionId]);
    if (!row) throw new SessionNotFound();
    return toTherapySession(row, true);
  }

  /** Attendees are the case's own participants, in the case's order; both when unspecified. */
  async checkAttendees(user: AuthenticatedUser, caseId: string, requested: string[] | undefined): Promise<string[]> {
    const participants: { id: string }[] = await this.scope.manager.query(
      `SELECT id FROM participants WHERE practice_id = $1 AND case_id = $2 ORDER BY position`,
      [user.practiceId, caseId],
    );
    const ids = participants.map((participant) => participant.id);
    if (requested === undefined) return ids;
    if (requested.some((id) => !ids.includes(id))) throw new InvalidSessionChange('attendeeIds must be ids of this case’s participants');
    return ids.filter((id) => requested.includes(id));
  }

  /** Who holds a new session: the scheduling clinician, or (for an assistant) the case's first clinician by name, or nobody. */
  async holderOfNewSession(user: AuthenticatedUser, caseId: string): Promise<string | null> {
    if (roleHasPermission(user.role, Permission.TakeCases)) return user.id;
    const [first]: { id: string }[] = await this.scope.manager.query(
      `SELECT u.id FROM case_clinicians cc JOIN users u ON u.id = cc.user_id
       WHERE cc.practice_id = $1 AND cc.case_id = $2 ORDER BY u.name, u.id LIMIT 1`,
      [user.practiceId, caseId],
    );
    return first?.id ?? null;
  }
}
