import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Permission, roleHasPermission, rolesWith, type Role } from '@trustwork/contracts';
import { AlertsService } from '../alerts/alerts.service';
import { addDays, dayOfWeek, isOccurrence, occurrences, SCHEDULE_COLUMNS, scheduleOf, todayIn, type ScheduleColumns } from '../common/occurrences';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PracticeScope } from '../database/practice-scope';
import { JobQueue } from '../jobs/job-queue';
import { homeworkDueMail, safetyReportMail, weeklyDigestMail, type MailContent } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { Clock } from './clock';
import { ReminderDeliveries, type Delivery } from './reminder-deliveries';
import { HOURLY, ReminderJob, type SafetyReportEmailJob, type SessionCancelledEmailJob } from './reminder-jobs';

/** Reminders go out from this hour of the practice's day, never at night. */
const FIRST_HOUR = 8;
const MONDAY = 1;

interface ScheduleRow extends ScheduleColumns {
  assignment_id: string;
}

interface HomeworkRow extends ScheduleRow {
  participant_id: string;
  display_name: string;
  email: string;
  answered: boolean;
}

interface Recipient {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** Who gets which e-mail and when. The mail itself never names a client or an exercise. */
@Injectable()
export class RemindersService implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly scope: PracticeScope,
    private readonly mail: MailService,
    private readonly deliveries: ReminderDeliveries,
    private readonly alerts: AlertsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Hourly jobs catch up next hour, so one retry is plenty; a safety notice keeps trying.
    for (const name of [ReminderJob.HomeworkReminders, ReminderJob.WeeklyDigest, ReminderJob.AlertsSweep]) {
      await this.jobs.createQueue(name, { retryLimit: 1, retryDelay: 60 });
    }
    await this.jobs.createQueue(ReminderJob.SafetyReportEmail, { retryLimit: 12, retryDelay: 30, retryBackoff: true });
    if (!this.jobs.runsJobs) return;

    await this.jobs.work(ReminderJob.HomeworkReminders, () => this.remindHomeworkDue(this.clock.now()));
    await this.jobs.work(ReminderJob.WeeklyDigest, () => this.sendWeeklyDigests(this.clock.now()));
    await this.jobs.work(ReminderJob.AlertsSweep, () => this.sweepAlerts(this.clock.now()));
    await this.jobs.work<SafetyReportEmailJob>(ReminderJob.SafetyReportEmail, (job) => this.tellCliniciansOfSafetyReport(job));
    for (const name of [ReminderJob.HomeworkReminders, ReminderJob.WeeklyDigest, ReminderJob.AlertsSweep]) {
      await this.jobs.schedule(name, HOURLY);
    }
  }

  /** Queues the clinicians' e-mail in the report's own transaction: both commit, or neither. */
  async safetyReportReceived(practiceId: string, reportId: string): Promise<void> {
    const job: SafetyReportEmailJob = { practiceId, reportId };
    await this.jobs.sendInTransaction(this.scope.manager, ReminderJob.SafetyReportEmail, job);
  }

  /** Queues the e-mail telling the session's clinician that a client cancelled, in the cancellation's own transaction. */
  async sessionCancelledByParticipant(practiceId: string, sessionId: string): Promise<void> {
    const job: SessionCancelledEmailJob = { practiceId, sessionId };
    await this.jobs.sendInTransaction(this.scope.manager, ReminderJob.SessionCancelledEmail, job);
  }

  /** One e-mail per participant per day, however many instances run this at once. */
  async remindHomeworkDue(now: Date): Promise<void> {
    await this.deliveries.forEachPractice(async (practiceId) => {
      const { today, due } = await this.scope.runInBackground(practiceId, () => this.homeworkDueToday(practiceId, now));
      for (const person of due) {
        const content = homeworkDueMail({ firstName: firstName(person.name), dueToday: person.count, portalUrl: this.config.links.portalUrl });
        await this.deliverOnce(practiceId, { kind: 'homework-due', recipientId: person.id, subject: today, to: person.email, content });
      }
    });
  }

  /** Monday from 08:00 practice time, to owners and clinicians who opted in. */
  async sendWeeklyDigests(now: Date): Promise<void> {
    await this.deliveries.forEachPractice(async (practiceId) => {
      const digests = await this.scope.runInBackground(practiceId, () => this.weeklyDigests(practiceId, now));
      for (const { recipient, monday, counts } of digests) {
        const content = weeklyDigestMail({ name: recipient.name, ...counts, dashboardUrl: this.config.links.dashboardUrl });
        await this.deliverOnce(practiceId, { kind: 'weekly-digest', recipientId: recipient.id, subject: monday, to: recipient.email, content });
      }
    });
  }

  async sweepAlerts(now: Date): Promise<void> {
    await this.deliveries.forEachPractice((practiceId) => this.scope.runInBackground(practiceId, () => this.alerts.sweep(practiceId, now)));
  }

  /** To the case's active clinicians, or those who read every case's records (the owners) when it has none. */
  async tellCliniciansOfSafetyReport({ practiceId, reportId }: SafetyReportEmailJob): Promise<void> {
    const found = await this.scope.runInBackground(practiceId, async () => {
      const [report]: { case_id: string }[] = await this.scope.manager.query('SELECT case_id FROM safety_reports WHERE practice_id = $1 AND id = $2', [
        practiceId,
        reportId,
      ]);
      if (!report) return null;
      const recipients: Recipient[] = await this.scope.manager.query(
        `SELECT u.id, u.email, u.name, u.role FROM case_clinicians cc JOIN users u ON u.id = cc.user_id
         WHERE cc.practice_id = $1 AND cc.case_id = $2 AND u.active`,
        [practiceId, report.case_id],
      );
      return { caseId: report.case_id, recipients: recipients.length > 0 ? recipients : await this.activeTeam(practiceId, [Permission.ViewAllCases, Permission.ViewClinicalRecords]) };
    });
    // The report was removed (its case deleted) before the job ran: nothing to tell.
    if (!found) return;
    const content = safetyReportMail({ caseId: found.caseId, dashboardUrl: this.config.links.dashboardUrl });
    for (const recipient of found.recipients) {
      await this.deliverOnce(practiceId, { kind: 'safety-report', recipientId: recipient.id, subject: reportId, to: recipient.email, content });
    }
  }

  private async homeworkDueToday(practiceId: string, now: Date): Promise<{ today: string; due: { id: string; name: string; email: string; count: number }[] }> {
    const { today, hour } = await this.practiceClock(practiceId, now);
    if (hour < FIRST_HOUR) return { today, due: [] };
    // Only people with a live portal link: the e-mail's link opens the space their device remembers.
    const rows: HomeworkRow[] = await this.scope.manager.query(
      `SELECT p.id AS participant_id, p.display_name, p.email, a.id AS assignment_id, ${SCHEDULE_COLUMNS},
         EXISTS (SELECT 1 FROM submissions s WHERE s.assignment_id = a.id AND s.participant_id = p.id AND s.occurrence_on = $2) AS answered
       FROM participants p
       JOIN cases c ON c.id = p.case_id
       JOIN assignments a ON a.case_id = p.case_id AND (a.participant_id = p.id OR a.audience = 'together')
       WHERE p.practice_id = $1 AND a.practice_id = $1 AND p.homework_reminders AND nullif(trim(p.email), '') IS NOT NULL
         AND c.status <> 'closed' AND a.status = 'active'
         AND (a.due_on = $2 OR $2 BETWEEN a.starts_on AND a.ends_on)
         AND EXISTS (SELECT 1 FROM portal_links l WHERE l.participant_id = p.id AND l.revoked_at IS NULL AND l.expires_at > now())`,
      [practiceId, today],
    );
    const due = new Map<string, { id: string; name: string; email: string; count: number }>();
    for (const row of rows.filter((candidate) => !candidate.answered && isOccurrence(scheduleOf(candidate), today))) {
      const person = due.get(row.participant_id) ?? { id: row.participant_id, name: row.display_name, email: row.email.trim(), count: 0 };
      due.set(row.participant_id, { ...person, count: person.count + 1 });
    }
    return { today, due: [...due.values()] };
  }

  private async weeklyDigests(practiceId: string, now: Date) {
    const { today, hour, timeZone } = await this.practiceClock(practiceId, now);
    if (dayOfWeek(today) !== MONDAY || hour < FIRST_HOUR) return [];
    const recipients = await this.activeTeam(practiceId, [Permission.ViewClinicalRecords], 'u.weekly_digest');
    return Promise.all(
      recipients.map(async (recipient) => ({ recipient, monday: today, counts: await this.digestCounts(practiceId, recipient, today, timeZone) })),
    );
  }

  /** "Your cases": every open case for one who sees them all (an owner), the assigned ones for a clinician (as CaseAccess). */
  private async digestCounts(practiceId: string, recipient: Recipient, monday: string, timeZone: string) {
    const yourCases = `c.status <> 'closed' AND ($2::boolean OR EXISTS (SELECT 1 FROM case_clinicians cc WHERE cc.case_id = c.id AND cc.user_id = $3))`;
    const scopeParams = [practiceId, roleHasPermission(recipient.role, Permission.ViewAllCases), recipient.id];
    const [{ count: openAlerts }]: { count: number }[] = await this.scope.manager.query(
      `SELECT count(*)::int AS count FROM case_alerts ca JOIN cases c ON c.id = ca.case_id
       WHERE ca.practice_id = $1 AND ca.status = 'open' AND ${yourCases}`,
      scopeParams,
    );
    const [{ count: sessionsThisWeek }]: { count: number }[] = await this.scope.manager.query(
      `SELECT count(*)::int AS count FROM sessions
       WHERE practice_id = $1 AND clinician_id = $2 AND status <> 'cancelled'
         AND starts_at >= ($3::date)::timestamp AT TIME ZONE $5 AND starts_at < ($4::date)::timestamp AT TIME ZONE $5`,
      [practiceId, recipient.id, monday, addDays(monday, 7), timeZone],
    );
    return { openAlerts, sessionsThisWeek, homeworkOverdue: await this.overdueSheets(practiceId, yourCases, scopeParams, monday) };
  }

  private async overdueSheets(practiceId: string, yourCases: string, scopeParams: unknown[], today: string): Promise<number> {
    const assignments: (ScheduleRow & { participant_ids: string[] })[] = await this.scope.manager.query(
      `SELECT a.id AS assignment_id, ${SCHEDULE_COLUMNS},
         CASE WHEN a.participant_id IS NOT NULL THEN ARRAY[a.participant_id::text]
              ELSE ARRAY(SELECT p.id::text FROM participants p WHERE p.case_id = a.case_id) END AS participant_ids
       FROM assignments a JOIN cases c ON c.id = a.case_id
       WHERE a.practice_id = $1 AND a.status = 'active' AND ${yourCases}`,
      scopeParams,
    );
    const answered: { key: string; occurrence_on: string }[] = await this.scope.manager.query(
      `SELECT assignment_id || '/' || participant_id AS key, occurrence_on::text FROM submissions WHERE practice_id = $1 AND assignment_id = ANY($2)`,
      [practiceId, assignments.map((row) => row.assignment_id)],
    );
    const done = (key: string) => new Set(answered.filter((row) => row.key === key).map((row) => row.occurrence_on));
    return assignments
      .flatMap((row) => row.participant_ids.map((participantId) => occurrences(scheduleOf(row), done(`${row.assignment_id}/${participantId}`), today)))
      .flat()
      .filter((occurrence) => occurrence.status === 'overdue').length;
  }

  /** The active team members whose role grants every one of `permissions`. */
  private activeTeam(practiceId: string, permissions: Permission[], condition = 'TRUE'): Promise<Recipient[]> {
    return this.scope.manager.query(
      `SELECT u.id, u.email, u.name, u.role FROM users u WHERE u.practice_id = $1 AND u.active AND u.role = ANY($2::text[]) AND ${condition} ORDER BY u.id`,
      [practiceId, rolesWith(...permissions)],
    );
  }

  private async practiceClock(practiceId: string, now: Date): Promise<{ today: string; hour: number; timeZone: string }> {
    const [{ time_zone: timeZone }]: { time_zone: string }[] = await this.scope.manager.query('SELECT time_zone FROM practices WHERE id = $1', [practiceId]);
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(now));
    return { today: todayIn(timeZone, now), hour, timeZone };
  }

  /** Sends the e-mail unless this delivery was made already. */
  private deliverOnce(practiceId: string, delivery: Delivery & { to: string; content: MailContent }): Promise<void> {
    return this.deliveries.once(practiceId, delivery, () => this.mail.send(delivery.to, delivery.content));
  }
}

function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0];
}
