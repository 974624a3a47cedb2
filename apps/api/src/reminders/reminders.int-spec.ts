import type { CurrentUser, ExerciseDetail, PortalWelcome } from '@trustwork/contracts';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addTeamMember, openCoupleWithLinks, registerPractice, useTestApp, type PortalPerson, type SignedIn } from '../../test/test-app';
import { decodeQuotedPrintable, partOf } from '../../test/mailbox';
import { eventually, PUBLIC_URL, useReminderInstances } from '../../test/reminder-harness';
import { JobQueue } from '../jobs/job-queue';
import { homeworkDueMail } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { ReminderJob } from './reminder-jobs';
import { RemindersService } from './reminders.service';

const REPORT_TEXT = 'He read my phone again last night and I am scared to go home.';

describe('e-mail reminders and notices', () => {
  jest.setTimeout(120_000);
  const { first, second, db, messages, to, setClock, drained } = useReminderInstances('reminders');

  /** A couple on a new clinician's caseload, with the e-mail addresses and names given (null: none on file). */
  async function coupleWithEmails(owner: SignedIn, emails: [string | null, string | null], names = ['Alex Rivera', 'Sam Rivera']) {
    const { member, signedIn } = await addTeamMember(first.http, owner, 'clinician');
    const couple = await openCoupleWithLinks(first.http, owner, member.id);
    for (const [index, person] of [couple.alex, couple.sam].entries()) {
      await db.query('UPDATE participants SET email = $2, display_name = $3 WHERE id = $1', [person.id, emails[index], names[index]]);
    }
    return { ...couple, clinician: signedIn };
  }

  async function assignSheet(clinician: SignedIn, caseId: string, dueOn: string, assignTo: 'each' | 'together' = 'each') {
    const exercise = (await first.http.get('/api/exercises/builtin:weekly-trust-check-in').set(clinician.auth).expect(200)).body as ExerciseDetail;
    await first.http.post(`/api/cases/${caseId}/assignments`).set(clinician.auth).send({ exerciseId: exercise.id, assignTo, dueOn }).expect(201);
  }

  const today = () => new Date().toISOString().slice(0, 10);
  const dayAfter = (date: string, days = 1) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  describe('homework due today', () => {
    it('sends each participant one e-mail a day, however many instances run the hourly job', async () => {
      const owner = await registerPractice(first.http, 'Reminder Practice');
      const alexEmail = `alex-${Date.now()}@example.test`;
      const samEmail = `sam-${Date.now()}@example.test`;
      const { caseId, clinician } = await coupleWithEmails(owner, [alexEmail, samEmail]);
      await assignSheet(clinician, caseId, today());
      await assignSheet(clinician, caseId, today(), 'together');

      // Before 08:00 practice time (the practice is on UTC) nothing goes out.
      const early = new Date(`${today()}T07:30:00Z`);
      await Promise.all([first, second].map((api) => api.app.get(RemindersService).remindHomeworkDue(early)));
      expect(to(alexEmail)).toHaveLength(0);

      const nine = new Date(`${today()}T09:00:00Z`);
      await Promise.all([first, second, first, second].map((api) => api.app.get(RemindersService).remindHomeworkDue(nine)));
      // And again an hour later: still today, so nothing new.
      await second.app.get(RemindersService).remindHomeworkDue(new Date(`${today()}T10:00:00Z`));

      expect(to(alexEmail)).toHaveLength(1);
      expect(to(samEmail)).toHaveLength(1);
      const [mail] = to(alexEmail);
      const text = partOf(mail, 'text/plain');
      expect(text).toContain('Hi Alex,');
      expect(text).toContain('You have 2 sheets to fill in today');
      expect(text).toContain(`${PUBLIC_URL}/p/`);
      expect(text).toContain('turn reminders off in your Trustwork space');
      // Others may read the inbox: no exercise title, no surname.
      expect(mail.raw).not.toMatch(/trust check-in|Rivera/i);
    });

    it('runs as the scheduled job on either instance, still once', async () => {
      const owner = await registerPractice(first.http, 'Scheduled Practice');
      const alexEmail = `alex-job-${Date.now()}@example.test`;
      const { caseId, clinician } = await coupleWithEmails(owner, [alexEmail, null]);
      const tomorrow = dayAfter(today());
      await assignSheet(clinician, caseId, tomorrow);

      setClock(new Date(`${tomorrow}T08:05:00Z`));
      await Promise.all([first, second].map((api) => api.app.get(JobQueue).send(ReminderJob.HomeworkReminders, {})));
      await eventually(() => to(alexEmail).length > 0);
      await drained(ReminderJob.HomeworkReminders);
      expect(to(alexEmail)).toHaveLength(1);
      expect(partOf(to(alexEmail)[0], 'text/plain')).toContain('You have 1 sheet to fill in today');
    });

    it('sends nothing to a participant who turned reminders off, nor to one without an e-mail address', async () => {
      const owner = await registerPractice(first.http, 'Quiet Practice');
      const alexEmail = `alex-off-${Date.now()}@example.test`;
      const { caseId, clinician, alex, sam } = await coupleWithEmails(owner, [alexEmail, null]);
      await assignSheet(clinician, caseId, today());

      const off = await first.http.put('/api/portal/reminders').set(alex.auth).send({ homework: false }).expect(200);
      expect(off.body).toEqual({ email: true, homework: false, sessions: true });
      const welcome = (await first.http.get('/api/portal/me').set(alex.auth).expect(200)).body as PortalWelcome;
      expect(welcome.reminders).toEqual({ email: true, homework: false, sessions: true });
      expect(((await first.http.get('/api/portal/me').set(sam.auth).expect(200)).body as PortalWelcome).reminders).toEqual({ email: false, homework: true, sessions: true });

      const before = messages().length;
      await first.app.get(RemindersService).remindHomeworkDue(new Date(`${today()}T12:00:00Z`));
      expect(to(alexEmail)).toHaveLength(0);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM reminder_deliveries WHERE recipient_id = ANY($1)`, [[alex.id, sam.id]]);
      expect(rows[0].n).toBe(0);
      expect(messages().slice(before).flatMap((message) => message.to)).not.toContain(alexEmail.toLowerCase());
    });

    it('keeps no record of a send that failed, so the next run sends it', async () => {
      const owner = await registerPractice(first.http, 'Flaky Mail Practice');
      const alexEmail = `alex-retry-${Date.now()}@example.test`;
      const { caseId, clinician, alex } = await coupleWithEmails(owner, [alexEmail, null]);
      await assignSheet(clinician, caseId, today());
      const noon = new Date(`${today()}T12:00:00Z`);

      const failing = jest.spyOn(first.app.get(MailService), 'send').mockRejectedValue(new Error('SMTP is down'));
      await expect(first.app.get(RemindersService).remindHomeworkDue(noon)).rejects.toThrow('SMTP is down');
      failing.mockRestore();
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM reminder_deliveries WHERE recipient_id = $1`, [alex.id]);
      expect(rows[0].n).toBe(0);
      expect(to(alexEmail)).toHaveLength(0);

      await first.app.get(RemindersService).remindHomeworkDue(noon);
      expect(to(alexEmail)).toHaveLength(1);
    });

    it('refuses a preference that is not true or false, and records the change in the audit log', async () => {
      const owner = await registerPractice(first.http, 'Audited Practice');
      const { alex } = await coupleWithEmails(owner, [null, null]);
      const refused = await first.http.put('/api/portal/reminders').set(alex.auth).send({ homework: 'no' }).expect(400);
      expect(refused.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: ['homework must be true or false'] });
      await first.http.put('/api/portal/reminders').send({ homework: false }).expect(401);

      await first.http.put('/api/portal/reminders').set(alex.auth).send({ homework: false }).expect(200);
      const { rows } = await db.query(`SELECT actor_type, action FROM audit_events WHERE record_id = $1 AND action = 'participant.update'`, [alex.id]);
      expect(rows).toEqual([{ actor_type: 'participant', action: 'participant.update' }]);
    });

    it('escapes names in the HTML part', async () => {
      const owner = await registerPractice(first.http, 'Escaping Practice');
      const samEmail = `sam-html-${Date.now()}@example.test`;
      const { caseId, clinician } = await coupleWithEmails(owner, [null, samEmail], ['Alex Rivera', '<b>Sam</b> Rivera']);
      await assignSheet(clinician, caseId, today());
      await first.app.get(RemindersService).remindHomeworkDue(new Date(`${today()}T09:00:00Z`));

      const [mail] = to(samEmail);
      expect(partOf(mail, 'text/html')).toContain('Hi &lt;b&gt;Sam&lt;/b&gt;,');
      expect(partOf(mail, 'text/html')).not.toContain('<b>Sam</b>');
    });
  });

  describe('a safety report', () => {
    it('e-mails the case’s clinician once, with a link to the case and nothing of the report', async () => {
      const owner = await registerPractice(first.http, 'Safety Practice');
      const { caseId, alex, clinician } = await coupleWithEmails(owner, [null, null]);
      const send = (person: PortalPerson) =>
        first.http.post('/api/portal/safety-reports').set({ ...person.auth, 'Idempotency-Key': 'report-1' }).send({ message: REPORT_TEXT, urgency: 'urgent' });
      await send(alex).expect(201);
      // A retried send is the same report: no second e-mail.
      await send(alex).expect(201);

      await eventually(() => to(clinician.email).length > 0);
      await drained(ReminderJob.SafetyReportEmail);
      expect(to(clinician.email)).toHaveLength(1);
      expect(to(owner.email)).toHaveLength(0);
      const [mail] = to(clinician.email);
      expect(partOf(mail, 'text/plain')).toContain('A client on one of your cases sent a private safety report');
      expect(partOf(mail, 'text/plain')).toContain(`${PUBLIC_URL}/cases/${caseId}`);
      expect(partOf(mail, 'text/html')).toContain(`href="${PUBLIC_URL}/cases/${caseId}"`);
      expect(mail.raw).not.toMatch(/scared|phone again|Alex|Sam|Rivera/);
    });
  });

  describe('the weekly digest', () => {
    it('goes on Monday morning to those who turned it on, once', async () => {
      const owner = await registerPractice(first.http, 'Digest Practice');
      const { clinician } = await coupleWithEmails(owner, [null, null]);
      const changed = await first.http.patch('/api/me').set(clinician.auth).send({ weeklyDigest: true }).expect(200);
      expect((changed.body as CurrentUser).weeklyDigest).toBe(true);
      expect(((await first.http.get('/api/me').set(owner.auth).expect(200)).body as CurrentUser).weeklyDigest).toBe(false);
      await first.http.patch('/api/me').set(clinician.auth).send({ weeklyDigest: 'yes' }).expect(400);

      const daysToMonday = (8 - new Date().getUTCDay()) % 7;
      const monday = dayAfter(today(), daysToMonday);
      await first.app.get(RemindersService).sendWeeklyDigests(new Date(`${dayAfter(monday, 1)}T09:00:00Z`));
      expect(to(clinician.email)).toHaveLength(0);
      await Promise.all([first, second].map((api) => api.app.get(RemindersService).sendWeeklyDigests(new Date(`${monday}T09:00:00Z`))));

      expect(to(clinician.email)).toHaveLength(1);
      expect(to(owner.email)).toHaveLength(0);
      const text = partOf(to(clinician.email)[0], 'text/plain');
      expect(text).toContain('Open alerts on your cases: 0');
      expect(text).toContain('Your sessions this week: 0');
      expect(text).toContain(`${PUBLIC_URL}/`);
    });
  });
});

describe('e-mail without an SMTP server', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'trustwork-mail-'));
  const api = useTestApp({ DATA_DIR: dataDir });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes each message as an .eml file under DATA_DIR/mail', async () => {
    await api.app.get(MailService).send('someone@example.test', homeworkDueMail({ firstName: 'Robin', dueToday: 1, portalUrl: `${PUBLIC_URL}/p` }));
    const folder = path.join(dataDir, 'mail');
    expect(existsSync(folder)).toBe(true);
    const files = readdirSync(folder);
    expect(files).toEqual([expect.stringMatching(/\.eml$/)]);
    const eml = readFileSync(path.join(folder, files[0]), 'utf8');
    expect(eml).toContain('To: someone@example.test');
    expect(decodeQuotedPrintable(eml)).toContain('Hi Robin,');
  });
});
