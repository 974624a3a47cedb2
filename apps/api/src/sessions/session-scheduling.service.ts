import { Injectable } from '@nestjs/common';
import {
  MAX_SERIES_SESSIONS,
  SESSION_STATUS_LABELS,
  SeriesScope,
  SessionModality,
  SessionStatus,
  type SessionClash,
  type SessionRepeat,
  type TherapySession,
} from '@trustwork/contracts';
import { MoreThan } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import { PracticeScope } from '../database/practice-scope';
import type { CancelSessionDto } from './dto/cancel-session.dto';
import type { ScheduleSessionDto } from './dto/schedule-session.dto';
import type { SessionClashQueryDto } from './dto/session-clash-query.dto';
import type { UpdateSessionDto } from './dto/update-session.dto';
import { localDate, movedLikeAnother, seriesStarts } from './series';
import { SessionSeries } from './session-series.entity';
import { SessionRecord } from './session.entity';
import { SessionOutcomes, type SessionOutcome } from './session-outcomes';
import { CLASH_SELECT, clashWindowsParameter, toSessionClashes, type ClashWindow } from './sessions.queries';
import { InvalidSessionChange, SessionClashes, SessionNotCancellable } from './sessions.errors';
import { SessionsService } from './sessions.service';

interface PracticeSettings {
  timeZone: string;
  officeAddress: string | null;
}

/**
 * Scheduling, moving and cancelling sessions, one or a series at a time, and the clash
 * check every such write makes. A series keeps its local time in its zone, so moves and
 * new sessions are computed there, not in UTC.
 */
@Injectable()
export class SessionSchedulingService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly sessions: SessionsService,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly outcomes: SessionOutcomes,
  ) {}

  /** One session, or every session of a series; answers the first. */
  async schedule(user: AuthenticatedUser, caseId: string, request: ScheduleSessionDto): Promise<TherapySession> {
    await this.access.open(user, caseId);
    const attendeeIds = await this.sessions.checkAttendees(user, caseId, request.attendeeIds);
    const practice = await this.practiceSettings(user);
    const first = new Date(request.startsAt);
    const starts = request.repeat ? occurrences(first, practice.timeZone, request.repeat) : [first];
    const clinicianId = await this.sessions.holderOfNewSession(user, caseId);
    if (!request.allowClashes) {
      await this.refuseClashes(user, starts.map((startsAt) => ({ startsAt, durationMinutes: request.durationMinutes, clinicianId, attendeeIds })), []);
    }
    const series = request.repeat
      ? await this.scope.repository(SessionSeries).save({ practiceId: user.practiceId, caseId, frequency: request.repeat.frequency, timeZone: practice.timeZone, createdBy: user.id })
      : null;
    const created = await this.scope.repository(SessionRecord).save(
      starts.map((startsAt, index) => ({
        practiceId: user.practiceId,
        caseId,
        clinicianId,
        startsAt,
        durationMinutes: request.durationMinutes,
        modality: request.modality,
        status: SessionStatus.Scheduled,
        attendeeIds,
        ...placeOf(request.modality, request, null, practice.officeAddress),
        seriesId: series?.id ?? null,
        seriesPosition: series ? index + 1 : null,
      })),
    );
    await this.audit.record(
      user.practiceId,
      created.map((session) => ({ action: 'session.create', recordType: 'session', recordId: session.id, caseId })),
    );
    return this.sessions.describe(user, created[0].id);
  }

  /**
   * Changes a session, or with `scope` this and the following / all scheduled sessions of its
   * series. A new start moves the others by the same change of local day, to the same local time.
   */
  async update(user: AuthenticatedUser, sessionId: string, changes: UpdateSessionDto): Promise<TherapySession> {
    await this.lockWithSeries(user, sessionId);
    const found = await this.sessions.open(user, sessionId);
    const scope = changes.scope ?? SeriesScope.This;
    if (changes.status !== undefined && scope !== SeriesScope.This) {
      throw new InvalidSessionChange('status changes one session at a time: leave out scope, or cancel the series with POST /api/sessions/:id/cancel');
    }
    const attendeeIds = changes.attendeeIds === undefined ? undefined : await this.sessions.checkAttendees(user, found.caseId, changes.attendeeIds);
    const practice = await this.practiceSettings(user);
    const series = found.seriesId ? await this.seriesOf(user, found.seriesId) : null;
    const timeZone = series?.timeZone ?? practice.timeZone;
    const targets = await this.withSeries(user, found, scope);
    const to = changes.startsAt === undefined ? undefined : new Date(changes.startsAt);
    const moved = to && to.getTime() !== found.startsAt.getTime() ? { from: found.startsAt, to } : undefined;

    const retimed: string[] = [];
    const restored: string[] = [];
    const statusChanges: SessionOutcome[] = [];
    for (const session of targets) {
      if (moved) {
        session.startsAt = session.id === found.id ? moved.to : movedLikeAnother(session.startsAt, timeZone, moved);
        retimed.push(session.id);
      }
      if (changes.durationMinutes !== undefined) session.durationMinutes = changes.durationMinutes;
      if (attendeeIds) session.attendeeIds = attendeeIds;
      const modality = changes.modality ?? session.modality;
      Object.assign(session, placeOf(modality, changes, session, practice.officeAddress), { modality });
      if (changes.status !== undefined && changes.status !== session.status) {
        if (changes.status === SessionStatus.Scheduled) restored.push(session.id);
        statusChanges.push(outcomeOf(session, changes.status, user));
        setStatus(session, changes.status, user, null);
      }
      session.updatedAt = new Date();
    }
    const timeOrPeopleChanged = moved !== undefined || changes.durationMinutes !== undefined || attendeeIds !== undefined;
    const rechecked = targets.filter((session) => session.status === SessionStatus.Scheduled && (timeOrPeopleChanged || restored.includes(session.id)));
    if (!changes.allowClashes && rechecked.length > 0) {
      await this.refuseClashes(user, rechecked.map(windowOf), targets.map((session) => session.id));
    }
    await this.scope.repository(SessionRecord).save(targets);
    // People confirmed the old time; a restored session asks them again.
    await this.forgetAnswers(user, retimed, restored);
    await this.outcomes.changed(statusChanges);
    await this.audit.record(
      user.practiceId,
      targets.map((session) => ({ action: 'session.update', recordType: 'session', recordId: session.id, caseId: session.caseId })),
    );
    return this.sessions.describe(user, found.id);
  }

  /** The team cancels a session (never late: the notice period is the people's). */
  async cancel(user: AuthenticatedUser, sessionId: string, request: CancelSessionDto): Promise<TherapySession> {
    await this.lockWithSeries(user, sessionId);
    const found = await this.sessions.open(user, sessionId);
    if (found.status !== SessionStatus.Scheduled) throw new SessionNotCancellable(SESSION_STATUS_LABELS[found.status].toLowerCase());
    const targets = await this.withSeries(user, found, request.scope ?? SeriesScope.This);
    const cancelled = targets.map((session) => outcomeOf(session, SessionStatus.Cancelled, user));
    for (const session of targets) {
      setStatus(session, SessionStatus.Cancelled, user, request.reason ?? null);
      session.updatedAt = new Date();
    }
    await this.scope.repository(SessionRecord).save(targets);
    await this.outcomes.changed(cancelled);
    await this.audit.record(
      user.practiceId,
      targets.map((session) => ({ action: 'session.cancel', recordType: 'session', recordId: session.id, caseId: session.caseId })),
    );
    return this.sessions.describe(user, found.id);
  }

  /** The check the writes make, for a form to warn before saving. Audited as a read of the sessions it names. */
  async clashes(user: AuthenticatedUser, query: SessionClashQueryDto): Promise<SessionClash[]> {
    await this.access.open(user, query.caseId);
    const attendeeIds = await this.sessions.checkAttendees(user, query.caseId, query.attendeeIds);
    const moving = query.excludeSessionId
      ? await this.scope.repository(SessionRecord).findOne({ where: { id: query.excludeSessionId, practiceId: user.practiceId, caseId: query.caseId } })
      : null;
    const clinicianId = moving ? moving.clinicianId : await this.sessions.holderOfNewSession(user, query.caseId);
    const window = { startsAt: new Date(query.startsAt), durationMinutes: query.durationMinutes, clinicianId, attendeeIds };
    const clashes = await this.findClashes(user, [window], query.excludeSessionId ? [query.excludeSessionId] : []);
    await this.audit.recordList(user.practiceId, {
      action: 'session.list',
      recordType: 'session',
      recordIds: [...new Set(clashes.map((clash) => clash.sessionId))],
      caseIds: [query.caseId, ...clashes.map((clash) => clash.caseId)],
    });
    return clashes;
  }

  private async refuseClashes(user: AuthenticatedUser, windows: ClashWindow[], excludeIds: string[]): Promise<void> {
    const clashes = await this.findClashes(user, windows, excludeIds);
    if (clashes.length > 0) throw new SessionClashes(clashes);
  }

  /**
   * Only sessions still to end are checked: one recorded after it was held (bookkeeping)
   * can put nobody in two places.
   */
  private async findClashes(user: AuthenticatedUser, windows: ClashWindow[], excludeIds: string[]): Promise<SessionClash[]> {
    const now = Date.now();
    const ahead = windows.filter((window) => window.startsAt.getTime() + window.durationMinutes * 60_000 > now);
    if (ahead.length === 0) return [];
    return toSessionClashes(await this.scope.manager.query(CLASH_SELECT, [user.practiceId, clashWindowsParameter(ahead), excludeIds]));
  }

  /**
   * Locks the session and the rest of its series until the request's transaction ends, in
   * the one order every team write takes (by id; the portal locks a single session), so a
   * second tap or a person cancelling in the portal waits, and what is read next is what
   * they wrote: `save` would otherwise write the stale status back over their cancellation.
   */
  private async lockWithSeries(user: AuthenticatedUser, sessionId: string): Promise<void> {
    await this.scope.manager.query(
      `SELECT s.id FROM sessions s
       WHERE s.practice_id = $1
         AND (s.id = $2 OR s.series_id = (SELECT o.series_id FROM sessions o WHERE o.practice_id = $1 AND o.id = $2))
       ORDER BY s.id
       FOR UPDATE OF s`,
      [user.practiceId, sessionId],
    );
  }

  /** The session first, then (by scope) the later or all other still-scheduled sessions of its series. */
  private async withSeries(user: AuthenticatedUser, found: SessionRecord, scope: SeriesScope): Promise<SessionRecord[]> {
    if (scope === SeriesScope.This || !found.seriesId) return [found];
    const others = await this.scope.repository(SessionRecord).find({
      where: {
        practiceId: user.practiceId,
        seriesId: found.seriesId,
        status: SessionStatus.Scheduled,
        ...(scope === SeriesScope.Following ? { seriesPosition: MoreThan(found.seriesPosition ?? 0) } : {}),
      },
      order: { seriesPosition: 'ASC' },
    });
    return [found, ...others.filter((session) => session.id !== found.id)];
  }

  private async forgetAnswers(user: AuthenticatedUser, retimed: string[], restored: string[]): Promise<void> {
    if (retimed.length > 0) {
      await this.scope.manager.query(`DELETE FROM session_attendance WHERE practice_id = $1 AND session_id = ANY($2::uuid[])`, [user.practiceId, retimed]);
    }
    if (restored.length > 0) {
      await this.scope.manager.query(
        `DELETE FROM session_attendance WHERE practice_id = $1 AND session_id = ANY($2::uuid[]) AND response = 'cancelled'`,
        [user.practiceId, restored],
      );
    }
  }

  private seriesOf(user: AuthenticatedUser, seriesId: string): Promise<SessionSeries | null> {
    return this.scope.repository(SessionSeries).findOne({ where: { id: seriesId, practiceId: user.practiceId } });
  }

  private async practiceSettings(user: AuthenticatedUser): Promise<PracticeSettings> {
    const [row]: { time_zone: string; office_address: string | null }[] = await this.scope.manager.query(
      `SELECT time_zone, office_address FROM practices WHERE id = $1`,
      [user.practiceId],
    );
    return { timeZone: row.time_zone, officeAddress: row.office_address };
  }
}

/** The starts of a new series in the practice's zone; refuses what cannot be one. */
function occurrences(first: Date, timeZone: string, repeat: SessionRepeat): Date[] {
  if (repeat.count === undefined && repeat.until === undefined) throw new InvalidSessionChange('repeat needs count (how many sessions) or until (the last date)');
  if (repeat.count !== undefined && repeat.until !== undefined) throw new InvalidSessionChange('repeat takes count or until, not both');
  const firstDate = localDate(first, timeZone);
  if (repeat.until !== undefined && repeat.until < firstDate) {
    throw new InvalidSessionChange(`repeat.until must be on or after the first session’s date (${firstDate})`);
  }
  const starts = seriesStarts(first, timeZone, repeat.frequency, repeat.count !== undefined ? { count: repeat.count } : { until: repeat.until ?? firstDate });
  if (starts.length > MAX_SERIES_SESSIONS) {
    throw new InvalidSessionChange(`repeat.until makes more than ${MAX_SERIES_SESSIONS} sessions; a series holds at most ${MAX_SERIES_SESSIONS}. Choose an earlier date.`);
  }
  return starts;
}

/**
 * Where a session is held: an address only in person (the practice's office when none was
 * given), a video link only by video. `current` is the session being changed, if any.
 */
function placeOf(
  modality: SessionModality,
  given: { address?: string | null; videoUrl?: string | null },
  current: Pick<SessionRecord, 'modality' | 'address' | 'videoUrl'> | null,
  officeAddress: string | null,
): { address: string | null; videoUrl: string | null } {
  const wasInPerson = current?.modality === SessionModality.InPerson;
  const wasVideo = current?.modality === SessionModality.Video;
  return {
    address: modality !== SessionModality.InPerson ? null : given.address !== undefined ? given.address : wasInPerson ? (current?.address ?? null) : officeAddress,
    videoUrl: modality !== SessionModality.Video ? null : given.videoUrl !== undefined ? given.videoUrl : wasVideo ? (current?.videoUrl ?? null) : null,
  };
}

/** A team member's status change, before it is made (the session still holds the previous status). */
function outcomeOf(session: SessionRecord, status: SessionStatus, user: AuthenticatedUser): SessionOutcome {
  return { practiceId: user.practiceId, sessionId: session.id, caseId: session.caseId, status, previousStatus: session.status, cancellationLate: false, userId: user.id };
}

/** A status change; cancelling records who and when, any other status clears that record. */
function setStatus(session: SessionRecord, status: SessionStatus, user: AuthenticatedUser, reason: string | null): void {
  session.status = status;
  const cancelled = status === SessionStatus.Cancelled;
  session.cancelledAt = cancelled ? new Date() : null;
  session.cancelledByUserId = cancelled ? user.id : null;
  session.cancelledByParticipantId = null;
  session.cancellationLate = cancelled ? false : null;
  session.cancellationReason = cancelled ? reason : null;
}

function windowOf(session: SessionRecord): ClashWindow {
  return { startsAt: session.startsAt, durationMinutes: session.durationMinutes, clinicianId: session.clinicianId, attendeeIds: session.attendeeIds };
}
