import { Inject, Injectable } from '@nestjs/common';
import { AuditRecordType, type CalendarFeed } from '@trustwork/contracts';
import { ClsService } from 'nestjs-cls';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { newSecretToken } from '../common/crypto/tokens';
import { actAs, type RequestContext } from '../common/request-context';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PracticeScope } from '../database/practice-scope';
import { portalTokenHash } from '../portal/portal-token';
import { calendarFile } from './calendar-file';
import { CalendarFeedRecord } from './calendar-feed.entity';
import { CalendarFeedNotFound } from './calendar-feeds.errors';
import { FEED_SESSIONS, LIVE_FEED, type FeedSessionRow } from './calendar-feeds.queries';
import type { UpdateCalendarFeedDto } from './dto/update-calendar-feed.dto';

/** newSecretToken()'s shape, then the extension calendar apps expect. */
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

/**
 * Each team member's own calendar feed: a secret address calendar apps subscribe to,
 * serving the member's sessions with initials only. The address is shown once, when made.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
    private readonly cls: ClsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async read(user: AuthenticatedUser): Promise<CalendarFeed> {
    return describe(await this.live(user));
  }

  /** A new address when asked for (or when none is live), replacing the old one; then the options. */
  async update(user: AuthenticatedUser, request: UpdateCalendarFeedDto): Promise<CalendarFeed> {
    const feeds = this.scope.repository(CalendarFeedRecord);
    const live = await this.live(user);
    if (request.newAddress || !live) {
      if (live) await feeds.update({ id: live.id }, { revokedAt: () => 'now()' });
      const token = newSecretToken();
      const created = await feeds.save({
        practiceId: user.practiceId,
        userId: user.id,
        tokenSha256: portalTokenHash(token),
        includeVideoLinks: request.includeVideoLinks ?? live?.includeVideoLinks ?? false,
      });
      await this.audit.record(user.practiceId, { action: live ? 'user.calendar-feed-replace' : 'user.calendar-feed-create', recordType: AuditRecordType.User, recordId: user.id });
      return { ...describe(created), url: `${this.config.links.dashboardUrl}/api/calendar-feeds/${token}.ics` };
    }
    if (request.includeVideoLinks !== undefined && request.includeVideoLinks !== live.includeVideoLinks) {
      live.includeVideoLinks = request.includeVideoLinks;
      await feeds.update({ id: live.id }, { includeVideoLinks: request.includeVideoLinks });
      await this.audit.record(user.practiceId, { action: 'user.calendar-feed-change', recordType: AuditRecordType.User, recordId: user.id });
    }
    return describe(live);
  }

  /** Turning off an address that is already off changes nothing. */
  async revoke(user: AuthenticatedUser): Promise<void> {
    const live = await this.live(user);
    if (!live) return;
    await this.scope.repository(CalendarFeedRecord).update({ id: live.id }, { revokedAt: () => 'now()' });
    await this.audit.record(user.practiceId, { action: 'user.calendar-feed-revoke', recordType: AuditRecordType.User, recordId: user.id });
  }

  /**
   * The feed's calendar, for whoever holds its address (a calendar app, no sign-in). The token
   * names the practice and member (calendar_feed_for_token, SECURITY DEFINER); the read runs in
   * that practice's transaction and is audited as the member's own list read.
   */
  async calendar(file: string, origin: Pick<RequestContext, 'ipAddress' | 'requestId'>): Promise<string> {
    const token = FEED_FILE.exec(file)?.[1];
    if (!token) throw new CalendarFeedNotFound();
    const [found]: { practice_id: string; user_id: string; feed_id: string }[] = await this.scope.manager.query(
      'SELECT practice_id, user_id, feed_id FROM calendar_feed_for_token($1)',
      [portalTokenHash(token)],
    );
    if (!found) throw new CalendarFeedNotFound();
    return this.scope.run(found.practice_id, async () => {
      actAs(this.cls, 'user', found.user_id, origin);
      const [feed]: { include_video_links: boolean; member_name: string }[] = await this.scope.manager.query(LIVE_FEED, [found.practice_id, found.feed_id]);
      if (!feed) throw new CalendarFeedNotFound();
      const sessions: FeedSessionRow[] = await this.scope.manager.query(FEED_SESSIONS, [found.practice_id, found.user_id]);
      await this.audit.recordList(found.practice_id, {
        action: 'session.list',
        recordType: AuditRecordType.Session,
        recordIds: sessions.map((session) => session.id),
        caseIds: sessions.map((session) => session.case_id),
      });
      return calendarFile(sessions, { memberName: feed.member_name, includeVideoLinks: feed.include_video_links, dashboardUrl: this.config.links.dashboardUrl });
    });
  }

  private live(user: AuthenticatedUser): Promise<CalendarFeedRecord | null> {
    return this.scope
      .repository(CalendarFeedRecord)
      .createQueryBuilder('f')
      .where('f.practice_id = :practiceId AND f.user_id = :userId AND f.revoked_at IS NULL', { practiceId: user.practiceId, userId: user.id })
      .setLock('pessimistic_write')
      .getOne();
  }
}

function describe(feed: CalendarFeedRecord | null): CalendarFeed {
  return { active: feed !== null, includeVideoLinks: feed?.includeVideoLinks ?? false, createdAt: feed ? new Date(feed.createdAt).toISOString() : null };
}
