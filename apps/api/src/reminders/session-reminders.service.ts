import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Permission, rolesWith, type SessionModality } from '@trustwork/contracts';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PracticeScope } from '../database/practice-scope';
import { JobQueue } from '../jobs/job-queue';
import { sessionCancelledMail } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { appointmentTime } from './appointment-time';
import { Clock } from './clock';
import { REMINDER_CHANNELS, type ReminderChannel, type ReminderRecipient, type SessionReminder } from './reminder-channel';
import { ReminderDeliveries } from './reminder-deliveries';
import { EVERY_TEN_MINUTES, ReminderJob, type SessionCancelledEmailJob } from './reminder-jobs';

interface DueRow {
  session_id: string;
  starts_at: Date;
  duration_minutes: number;
  modality: SessionModality;
  address: string | null;
  time_zone: string;
  participant_id: string;
  email: string | null;
}

interface CancelledRow {
  starts_at: Date;
  late: boolean | null;
  time_zone: string;
  recipients: { id: string; email: string }[];
}

/** Reminders of sessions to the people who attend them, and the clinician's notice when one cancels. */
@Injectable()
export class SessionRemindersService implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly scope: PracticeScope,
    private readonly mail: MailService,
    private readonly deliveries: ReminderDeliveries,
    private readonly clock: Clock,
    @Inject(REMINDER_CHANNELS) private readonly channels: ReminderChannel[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The sweep runs again in ten minutes, so one retry is plenty; a cancellation notice keeps trying.
    await this.jobs.createQueue(ReminderJob.SessionReminders, { retryLimit: 1, retryDelay: 60 });
    await this.jobs.createQueue(ReminderJob.SessionCancelledEmail, { retryLimit: 12, retryDelay: 30, retryBackoff: true });
    if (!this.jobs.runsJobs) return;

    await this.jobs.work(ReminderJob.SessionReminders, () => this.remindSessionsDue(this.clock.now()));
    await this.jobs.work<SessionCancelledEmailJob>(ReminderJob.SessionCancelledEmail, (job) => this.tellClinicianOfCancellation(job));
    await this.jobs.schedule(ReminderJob.SessionReminders, EVERY_TEN_MINUTES);
  }

  /**
   * Each attendee once per session and start time, however many instances sweep at once:
   * a session moved after its reminder is reminded again, at its new time.
   */
  async remindSessionsDue(now: Date): Promise<void> {
    await this.deliveries.forEachPractice(async (practiceId) => {
      const due = await this.scope.runInBackground(practiceId, () => this.sessionsDue(practiceId, now));
      for (const { recipient, reminder } of due) {
        const channels = this.channels.filter((channel) => channel.reaches(recipient));
        if (channels.length === 0) continue;
        const delivery = { kind: 'session-reminder' as const, recipientId: recipient.participantId, subject: `${reminder.sessionId}@${reminder.startsAt.toISOString()}` };
        await this.deliveries.once(practiceId, delivery, async () => {
          for (const channel of channels) await channel.send(recipient, reminder);
        });
      }
    });
  }

  /** To the session's clinician; when it has none, the case's clinicians, or else those who read every case (the owners). */
  async tellClinicianOfCancellation({ practiceId, sessionId }: SessionCancelledEmailJob): Promise<void> {
    const found = await this.scope.runInBackground(practiceId, () => this.cancelledSession(practiceId, sessionId));
    // The session was removed (its case deleted) before the job ran: nothing to tell.
    if (!found) return;
    const { long, date } = appointmentTime(found.starts_at, found.time_zone);
    const content = sessionCancelledMail({ when: long, date, late: found.late === true, dashboardUrl: this.config.links.dashboardUrl });
    for (const recipient of found.recipients) {
      await this.deliveries.once(practiceId, { kind: 'session-cancelled', recipientId: recipient.id, subject: sessionId }, () =>
        this.mail.send(recipient.email, content),
      );
    }
  }

  /** Scheduled sessions starting within the practice's lead, to attendees who want reminders and whose portal link works (the e-mail links there). */
  private async sessionsDue(practiceId: string, now: Date): Promise<{ recipient: ReminderRecipient; reminder: SessionReminder }[]> {
    const rows: DueRow[] = await this.scope.manager.query(
      `SELECT s.id AS session_id, s.starts_at, s.duration_minutes, s.modality,
         CASE WHEN s.modality = 'in-person' THEN coalesce(s.address, pr.office_address) END AS address,
         pr.time_zone, p.id AS participant_id, nullif(trim(p.email), '') AS email
       FROM sessions s
       JOIN practices pr ON pr.id = s.practice_id
       JOIN cases c ON c.id = s.case_id
       JOIN participants p ON p.case_id = s.case_id AND p.id = ANY(s.attendee_ids)
       WHERE s.practice_id = $1 AND p.practice_id = $1 AND s.status = 'scheduled' AND c.status <> 'closed'
         AND s.starts_at > $2 AND s.starts_at <= $2::timestamptz + make_interval(hours => pr.reminder_lead_hours)
         AND p.session_reminders
         AND EXISTS (SELECT 1 FROM portal_links l WHERE l.participant_id = p.id AND l.revoked_at IS NULL AND l.expires_at > now())
       ORDER BY s.starts_at, p.position`,
      [practiceId, now],
    );
    return rows.map((row) => ({
      recipient: { participantId: row.participant_id, email: row.email },
      reminder: {
        sessionId: row.session_id,
        startsAt: row.starts_at,
        durationMinutes: row.duration_minutes,
        modality: row.modality,
        address: row.address,
        timeZone: row.time_zone,
      },
    }));
  }

  private async cancelledSession(practiceId: string, sessionId: string): Promise<CancelledRow | null> {
    const [row]: CancelledRow[] = await this.scope.manager.query(
      `SELECT s.starts_at, s.cancellation_late AS late, pr.time_zone,
         coalesce(
           (SELECT json_agg(json_build_object('id', u.id, 'email', u.email)) FROM users u WHERE u.id = s.clinician_id AND u.active),
           (SELECT json_agg(json_build_object('id', u.id, 'email', u.email) ORDER BY u.id) FROM case_clinicians cc JOIN users u ON u.id = cc.user_id
             WHERE cc.practice_id = $1 AND cc.case_id = s.case_id AND u.active),
           (SELECT json_agg(json_build_object('id', u.id, 'email', u.email) ORDER BY u.id) FROM users u
             WHERE u.practice_id = $1 AND u.active AND u.role = ANY($3::text[])),
           '[]'::json
         ) AS recipients
       FROM sessions s JOIN practices pr ON pr.id = s.practice_id
       WHERE s.practice_id = $1 AND s.id = $2`,
      [practiceId, sessionId, rolesWith(Permission.ViewAllCases, Permission.ViewClinicalRecords)],
    );
    return row ?? null;
  }
}
