import { Inject, Injectable } from '@nestjs/common';
import type { PortalLinkCreated, PortalLinkStatus } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { newSecretToken } from '../common/crypto/tokens';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PracticeScope } from '../database/practice-scope';
import { PortalLink } from './portal-link.entity';
import { NoLivePortalLink, ParticipantNotFound } from './portal.errors';
import { portalTokenHash } from './portal-token';

const DAY_MS = 24 * 60 * 60 * 1000;

interface LinkStatusRow {
  participant_id: string;
  live: boolean;
  created_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/**
 * The therapist's side of portal links: create (shown once), revoke, and see whether each
 * participant's link still works and when it was last opened.
 *
 * Creating a link is for owners and the case's clinicians, not assistants: whoever holds a
 * link can open the participant's homework answers, which assistants never see. Seeing the
 * links' status and revoking one (a lost phone) reveal nothing, so assistants may.
 */
@Injectable()
export class PortalLinksService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new link for the participant, revoking the one they had. */
  async create(user: AuthenticatedUser, caseId: string, participantId: string): Promise<PortalLinkCreated> {
    await this.access.openClinical(user, caseId);
    await this.lockParticipant(user, caseId, participantId);
    await this.revokeUnrevoked(user, caseId, participantId);
    const token = newSecretToken();
    const expiresAt = new Date(Date.now() + this.config.portal.linkTtlDays * DAY_MS);
    const created = await this.scope.repository(PortalLink).save({
      practiceId: user.practiceId,
      caseId,
      participantId,
      tokenSha256: portalTokenHash(token),
      createdBy: user.id,
      expiresAt,
    });
    await this.audit.record(user.practiceId, { action: 'portal-link.create', recordType: 'portal-link', recordId: created.id, caseId });
    // The fragment never reaches a server: not ours in access logs, nor another's in a Referer.
    // The configured address, not the request's Host: a forged Host must not aim the link elsewhere.
    return { url: `${this.config.links.portalUrl}/#${token}`, expiresAt: expiresAt.toISOString() };
  }

  async revoke(user: AuthenticatedUser, caseId: string, participantId: string): Promise<void> {
    await this.access.open(user, caseId);
    await this.lockParticipant(user, caseId, participantId);
    const revoked = await this.revokeUnrevoked(user, caseId, participantId);
    // An expired link revoked here changes nothing, and the 404 rolls its revocation back.
    if (!revoked.some((link) => link.live)) throw new NoLivePortalLink();
  }

  async list(user: AuthenticatedUser, caseId: string): Promise<PortalLinkStatus[]> {
    await this.access.open(user, caseId);
    const rows: LinkStatusRow[] = await this.scope.manager.query(
      `SELECT p.id AS participant_id, l.created_at, l.expires_at, l.revoked_at, l.last_used_at,
         coalesce(l.revoked_at IS NULL AND l.expires_at > now(), false) AS live
       FROM participants p
       LEFT JOIN LATERAL (
         SELECT * FROM portal_links l WHERE l.participant_id = p.id
         ORDER BY l.revoked_at IS NULL DESC, l.created_at DESC LIMIT 1) l ON true
       WHERE p.practice_id = $1 AND p.case_id = $2
       ORDER BY p.position`,
      [user.practiceId, caseId],
    );
    return rows.map((row) => ({
      participantId: row.participant_id,
      live: row.live,
      createdAt: isoOrNull(row.created_at),
      expiresAt: isoOrNull(row.expires_at),
      revokedAt: isoOrNull(row.revoked_at),
      lastUsedAt: isoOrNull(row.last_used_at),
    }));
  }

  /** The participant must be in this case; the lock makes two simultaneous re-issues take turns. */
  private async lockParticipant(user: AuthenticatedUser, caseId: string, participantId: string): Promise<void> {
    const found = await this.scope.manager.query(
      'SELECT id FROM participants WHERE practice_id = $1 AND case_id = $2 AND id = $3 FOR NO KEY UPDATE',
      [user.practiceId, caseId, participantId],
    );
    if (found.length === 0) throw new ParticipantNotFound();
  }

  private async revokeUnrevoked(user: AuthenticatedUser, caseId: string, participantId: string): Promise<{ id: string; live: boolean }[]> {
    const result = await this.scope
      .repository(PortalLink)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('practice_id = :practiceId AND participant_id = :participantId AND revoked_at IS NULL', { practiceId: user.practiceId, participantId })
      .returning('id, expires_at > now() AS live')
      .execute();
    const revoked: { id: string; live: boolean }[] = result.raw;
    await this.audit.record(
      user.practiceId,
      revoked.map((link) => ({ action: 'portal-link.revoke', recordType: 'portal-link', recordId: link.id, caseId })),
    );
    return revoked;
  }
}

function isoOrNull(value: Date | null): string | null {
  return value ? new Date(value).toISOString() : null;
}
