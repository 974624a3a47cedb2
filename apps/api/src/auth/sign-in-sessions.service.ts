import { Injectable } from '@nestjs/common';
import { AuditRecordType, type SignInSession } from '@trustwork/contracts';
import { In, IsNull, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { TeamMemberNotFound } from '../users/users.errors';
import { SignInSessionNotFound } from './auth.errors';
import { SignInSessionRecord, type SessionEndReason } from './sign-in-session.entity';
import { IS_OPEN_SQL, LIST_OPEN_SQL, toSignInSession, type OpenSessionRow } from './sign-in-sessions.queries';

/** Where a sign-in came from, as the request shows it. */
export interface SignInClient {
  userAgent: string | null;
  ipAddress: string | null;
  requestId: string | null;
}

/**
 * Sign-in sessions: one per signed-in device. Runs inside the caller's practice transaction.
 * Other features end sessions through endAllFor (deactivation, a password change or reset).
 */
@Injectable()
export class SignInSessionsService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
  ) {}

  private get sessions() {
    return this.scope.repository(SignInSessionRecord);
  }

  /** A new session for a sign-in that just proved presence; its id is the refresh-token family. */
  async start(user: { id: string; practiceId: string }, client: SignInClient): Promise<string> {
    const now = new Date();
    const { identifiers } = await this.sessions.insert({
      practiceId: user.practiceId,
      userId: user.id,
      userAgent: client.userAgent,
      ipAddress: client.ipAddress,
      createdAt: now,
      lastActiveAt: now,
      verifiedAt: now,
    });
    return identifiers[0].id as string;
  }

  /** Whether the session may still refresh: not ended, not idle past the practice's limit, not too old. */
  async isOpen(sessionId: string, practiceId: string): Promise<boolean> {
    const [{ open }]: { open: boolean }[] = await this.scope.manager.query(IS_OPEN_SQL, [sessionId, practiceId]);
    return open;
  }

  async end(sessionId: string, reason: SessionEndReason): Promise<void> {
    await this.sessions.update({ id: sessionId, endedAt: IsNull() }, { endedAt: new Date(), endReason: reason });
  }

  /** Ends every session of the person (all but `exceptSessionId`, the one a change was made from); answers their ids. */
  async endAllFor(userId: string, reason: SessionEndReason, exceptSessionId?: string): Promise<string[]> {
    const open = await this.sessions.find({
      select: { id: true },
      where: { userId, endedAt: IsNull(), ...(exceptSessionId ? { id: Not(exceptSessionId) } : {}) },
    });
    const ids = open.map((session) => session.id);
    if (ids.length > 0) await this.sessions.update({ id: In(ids), endedAt: IsNull() }, { endedAt: new Date(), endReason: reason });
    return ids;
  }

  /** A step-up: presence proved again now. Answers when. */
  async markVerified(actor: AuthenticatedUser): Promise<Date> {
    const verifiedAt = new Date();
    await this.sessions.update({ id: actor.sessionId, userId: actor.id }, { verifiedAt });
    await this.audit.record(actor.practiceId, { action: 'sign-in.step-up', recordType: AuditRecordType.SignIn, recordId: actor.sessionId });
    return verifiedAt;
  }

  /** The person's open sessions, most recently active first. */
  async list(actor: AuthenticatedUser): Promise<SignInSession[]> {
    const rows: OpenSessionRow[] = await this.scope.manager.query(LIST_OPEN_SQL, [actor.id, actor.practiceId]);
    return rows.map((row) => toSignInSession(row, actor.sessionId));
  }

  /** Signs one of one's own devices out; another person's session is as unknown as a missing one. */
  async revoke(actor: AuthenticatedUser, sessionId: string): Promise<void> {
    const { affected } = await this.sessions.update(
      { id: sessionId, userId: actor.id, practiceId: actor.practiceId, endedAt: IsNull() },
      { endedAt: new Date(), endReason: 'revoked' },
    );
    if (!affected) throw new SignInSessionNotFound();
    await this.audit.record(actor.practiceId, { action: 'sign-in.revoke', recordType: AuditRecordType.SignIn, recordId: sessionId });
  }

  /** Every device but this one. */
  async signOutOthers(actor: AuthenticatedUser): Promise<void> {
    const ended = await this.endAllFor(actor.id, 'revoked', actor.sessionId);
    await this.audit.record(
      actor.practiceId,
      ended.map((id) => ({ action: 'sign-in.revoke', recordType: AuditRecordType.SignIn, recordId: id })),
    );
  }

  /** The practice owner signs a member out of every device (a lost laptop, a departure). */
  async signOutMember(actor: AuthenticatedUser, memberId: string): Promise<void> {
    const [member]: { id: string }[] = await this.scope.manager.query('SELECT id FROM users WHERE id = $1 AND practice_id = $2', [memberId, actor.practiceId]);
    if (!member) throw new TeamMemberNotFound();
    await this.endAllFor(memberId, 'revoked');
    await this.audit.record(actor.practiceId, { action: 'user.sign-out-everywhere', recordType: AuditRecordType.User, recordId: memberId });
  }
}
