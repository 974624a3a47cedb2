import type { PortalReminders } from '@trustwork/contracts';
import { addTeamMember, openCoupleWithLinks, registerPractice } from '../../test/test-app';
import { partOf, type Received } from '../../test/mailbox';
import { eventually, PUBLIC_URL, useReminderInstances } from '../../test/reminder-harness';
import { PracticeScope } from '../database/practice-scope';
import { JobQueue } from '../jobs/job-queue';
import { ReminderJob } from './reminder-jobs';
import { RemindersService } from './reminders.service';
import { SessionRemindersService } from './session-reminders.service';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- ical.js is read as CommonJS in jest.
const ICAL = require('ical.js');

const HOUR = 3_600_000;
const OFFICE = '12 Harbour Street, Leith';

/**
 * The .ics attachment of a message, which nodemailer sends as base64 (the mailbox's
 * quoted-printable decoding may take its last '=' padding, which base64 can do without).
 */
function calendarFileOf(message: Received): string {
  const match = /Content-Type: text\/calendar[^]*?Content-Transfer-Encoding: base64[^]*?\r?\n\r?\n([A-Za-z0-9+/=\s]*)/.exec(message.raw);
  if (!match) throw new Error(`no calendar file in:\n${message.raw}`);
  return Buffer.from(match[1].replace(/\s/g, ''), 'base64').toString('utf8');
}

/** What a reader sees: the headers and each decoded part (the raw base64 of an attachment could hold any letters). */
function readable(message: Received): string[] {
  return [message.raw.split(/\r?\n\r?\n/)[0], partOf(message, 'text/plain'), partOf(message, 'text/html'), calendarFileOf(message)];
}

/** The one event of a calendar file, as ical.js reads it. */
function eventOf(ics: string): { method: string; uid: string; start: Date; end: Date; summary: string; location: string | null } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const event = new ICAL.Event(events[0]);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    summary: event.summary,
    location: event.location ?? null,
  };
}

describe('session reminders and cancellation notices', () => {
  jest.setTimeout(120_000);
  const { first, second, db, to, setClock, drained } = useReminderInstances('session_reminders');

  const sweep = (at = new Date()) =>
    Promise.all([first, second, first, second].map((api) => api.app.get(SessionRemindersService).remindSessionsDue(at)));

  /** A practice in London with an office, and a couple (Alex and Sam Rivera) with e-mail addresses and portal links. */
  async function practiceWithCouple(label: string) {
    const owner = await registerPractice(first.http, `${label} Practice`);
    await first.http.patch('/api/practice').set(owner.auth).send({ timeZone: 'Europe/London', officeAddress: OFFICE }).expect(200);
    const { member, signedIn } = await addTeamMember(first.http, owner, 'clinician');
    const couple = await openCoupleWithLinks(first.http, owner, member.id);
    const stamp = `${label.toLowerCase().replace(/\W/g, '-')}-${Date.now()}`;
    const emails = { alex: `alex-${stamp}@example.test`, sam: `sam-${stamp}@example.test` };
    await db.query('UPDATE participants SET email = $2 WHERE id = $1', [couple.alex.id, emails.alex]);
    await db.query('UPDATE participants SET email = $2 WHERE id = $1', [couple.sam.id, emails.sam]);
    return { owner, clinician: { ...signedIn, id: member.id }, ...couple, emails };
  }

  /**
   * A scheduled session as the sessions feature stores it, written here directly so this
   * suite checks the reminders alone (both people when no attendees are given).
   */
  async function schedule(clinicianId: string, caseId: string, startsAt: Date, more: { attendeeIds?: string[]; modality?: string } = {}) {
    const { rows } = await db.query(
      `INSERT INTO sessions (practice_id, case_id, clinician_id, starts_at, duration_minutes, modality, attendee_ids)
       SELECT c.practice_id, c.id, $2, $3, 50, $4, coalesce($5::uuid[], ARRAY(SELECT p.id FROM participants p WHERE p.case_id = c.id ORDER BY p.position))
       FROM cases c WHERE c.id = $1 RETURNING id`,
      [caseId, clinicianId, startsAt, more.modality ?? 'in-person', more.attendeeIds ?? null],
    );
    return { id: rows[0].id as string };
  }

  /** Whole minutes, as a session's start is kept. */
  const hoursAhead = (hours: number) => new Date(Math.floor((Date.now() + hours * HOUR) / 60_000) * 60_000);

  it('reminds each person of a joint session once, however many instances sweep, with the calendar file and both answers', async () => {
    const { clinician, caseId, emails } = await practiceWithCouple('Reminding');
    const startsAt = hoursAhead(20);
    const session = await schedule(clinician.id, caseId, startsAt);

    await sweep();
    await sweep();

    expect(to(emails.alex)).toHaveLength(1);
    expect(to(emails.sam)).toHaveLength(1);
    const [mail] = to(emails.alex);
    const text = partOf(mail, 'text/plain');
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(startsAt);
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long' }).format(startsAt);
    expect(mail.raw).toMatch(new RegExp(`Subject: Reminder: your appointment on ${weekday.slice(0, 3)} \\d+ \\w+ at ${local}`));
    expect(text).toMatch(new RegExp(`${weekday} \\d+ \\w+ \\d{4}, ${local} \\(Europe/London\\)`));
    expect(text).toContain('It lasts 50 minutes.');
    expect(text).toContain(`Where: ${OFFICE}`);
    expect(text).toContain(`I'll be there: ${PUBLIC_URL}/p/sessions/${session.id}?reply=confirm`);
    expect(text).toContain(`I can't come: ${PUBLIC_URL}/p/sessions/${session.id}?reply=cancel`);
    expect(text).toContain('You can turn these e-mails off in your Trustwork space');
    expect(partOf(mail, 'text/html')).toContain(`href="${PUBLIC_URL}/p/sessions/${session.id}?reply=confirm"`);

    const ics = calendarFileOf(mail);
    const event = eventOf(ics);
    expect(event).toEqual({
      method: 'PUBLISH',
      uid: `session-${session.id}@trustwork`,
      start: startsAt,
      end: new Date(startsAt.getTime() + 50 * 60_000),
      summary: 'Appointment',
      location: OFFICE,
    });
    expect(eventOf(calendarFileOf(to(emails.sam)[0])).uid).toBe(`session-${session.id}@trustwork`);

    // An inbox or a calendar may be shared: no surname, not the other person, nothing clinical.
    for (const part of readable(mail)) expect(part).not.toMatch(/Rivera|Sam|therapy|couple|session notes/i);
    for (const part of readable(to(emails.sam)[0])) expect(part).not.toMatch(/Rivera|Alex/);
  });

  it('runs as the scheduled job on either instance, still once', async () => {
    const { clinician, caseId, emails } = await practiceWithCouple('Job');
    await schedule(clinician.id, caseId, hoursAhead(3));
    setClock(new Date());

    await Promise.all([first, second].map((api) => api.app.get(JobQueue).send(ReminderJob.SessionReminders, {})));
    await eventually(() => to(emails.alex).length > 0 && to(emails.sam).length > 0);
    await drained(ReminderJob.SessionReminders);
    expect(to(emails.alex)).toHaveLength(1);
    expect(to(emails.sam)).toHaveLength(1);
  });

  it('reminds only its person of an individual session, and says how it happens', async () => {
    const { clinician, caseId, alex, emails } = await practiceWithCouple('Individual');
    await schedule(clinician.id, caseId, hoursAhead(5), { attendeeIds: [alex.id], modality: 'phone' });

    await sweep();
    expect(to(emails.alex)).toHaveLength(1);
    expect(to(emails.sam)).toHaveLength(0);
    const text = partOf(to(emails.alex)[0], 'text/plain');
    expect(text).toContain('Your therapist will phone you.');
    expect(text).not.toContain('Where:');
    expect(eventOf(calendarFileOf(to(emails.alex)[0])).location).toBeNull();
  });

  it('sends nothing to a person who turned session reminders off, and refuses an empty or unclear choice', async () => {
    const { clinician, caseId, alex, sam, emails } = await practiceWithCouple('Quiet');
    const off = await first.http.put('/api/portal/reminders').set(alex.auth).send({ sessions: false }).expect(200);
    expect(off.body as PortalReminders).toEqual({ email: true, homework: true, sessions: false });
    const both = await first.http.put('/api/portal/reminders').set(sam.auth).send({ homework: false, sessions: true }).expect(200);
    expect(both.body as PortalReminders).toEqual({ email: true, homework: false, sessions: true });

    const empty = await first.http.put('/api/portal/reminders').set(alex.auth).send({}).expect(400);
    expect(empty.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(JSON.stringify(empty.body.message)).toContain('Say which e-mails to turn on or off');
    const unclear = await first.http.put('/api/portal/reminders').set(alex.auth).send({ sessions: 'no' }).expect(400);
    expect(unclear.body).toMatchObject({ message: ['sessions must be true or false'] });

    await schedule(clinician.id, caseId, hoursAhead(6));
    await sweep();
    expect(to(emails.alex)).toHaveLength(0);
    expect(to(emails.sam)).toHaveLength(1);
  });

  it('reminds nobody whose portal link no longer works (the e-mail links there), nor one without an e-mail address', async () => {
    const { clinician, caseId, alex, sam, emails } = await practiceWithCouple('Unreachable');
    await db.query('UPDATE portal_links SET revoked_at = now() WHERE participant_id = $1', [alex.id]);
    await db.query('UPDATE participants SET email = NULL WHERE id = $1', [sam.id]);
    await schedule(clinician.id, caseId, hoursAhead(7));

    await sweep();
    expect(to(emails.alex)).toHaveLength(0);
    expect(to(emails.sam)).toHaveLength(0);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM reminder_deliveries WHERE recipient_id = ANY($1)`, [[alex.id, sam.id]]);
    expect(rows[0].n).toBe(0);
  });

  it('waits until a session is within the practice’s reminder lead, and never reminds of a cancelled one', async () => {
    const { owner, clinician, caseId, emails } = await practiceWithCouple('Lead');
    await schedule(clinician.id, caseId, hoursAhead(30));
    const cancelled = await schedule(clinician.id, caseId, hoursAhead(4));
    await db.query(`UPDATE sessions SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [cancelled.id]);

    await sweep();
    expect(to(emails.alex)).toHaveLength(0);

    // A longer lead brings the 30-hour session in.
    await first.http.patch('/api/practice').set(owner.auth).send({ reminderLeadHours: 48 }).expect(200);
    await sweep();
    expect(to(emails.alex)).toHaveLength(1);
    expect(partOf(to(emails.alex)[0], 'text/plain')).not.toContain(cancelled.id);
  });

  it('reminds again, once, of a session moved after its reminder', async () => {
    const { clinician, caseId, emails } = await practiceWithCouple('Moved');
    const session = await schedule(clinician.id, caseId, hoursAhead(10));
    await sweep();
    expect(to(emails.alex)).toHaveLength(1);

    const later = hoursAhead(12);
    await db.query('UPDATE sessions SET starts_at = $2 WHERE id = $1', [session.id, later]);
    await sweep();
    await sweep();
    expect(to(emails.alex)).toHaveLength(2);
    const moved = to(emails.alex)[1];
    expect(eventOf(calendarFileOf(moved))).toMatchObject({ uid: `session-${session.id}@trustwork`, start: later });
  });

  it('tells the session’s clinician once that a client cancelled, with the calendar day and nothing of who or why', async () => {
    const { owner, clinician, caseId, sam, emails } = await practiceWithCouple('Cancelled');
    const startsAt = hoursAhead(8);
    const session = await schedule(clinician.id, caseId, startsAt);
    // Sam cancels from the portal, inside the practice's 24-hour notice: a late cancellation.
    await first.http.post(`/api/portal/sessions/${session.id}/cancel`).set(sam.auth).send({ reason: 'Sam is ill' }).expect(200);
    // A second queueing (as a retried job would) sends nothing more.
    const practiceId = (await db.query('SELECT practice_id FROM sessions WHERE id = $1', [session.id])).rows[0].practice_id as string;
    await second.app.get(PracticeScope).runInBackground(practiceId, () => second.app.get(RemindersService).sessionCancelledByParticipant(practiceId, session.id));
    await eventually(() => to(clinician.email).length > 0);
    await drained(ReminderJob.SessionCancelledEmail);

    expect(to(clinician.email)).toHaveLength(1);
    expect(to(owner.email)).toHaveLength(0);
    const [mail] = to(clinician.email);
    const text = partOf(mail, 'text/plain');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(startsAt);
    expect(text).toMatch(/A client cancelled the appointment on \w+ \d+ \w+ \d{4}, \d\d:\d\d \(Europe\/London\) \(late cancellation\)\./);
    expect(text).toContain(`${PUBLIC_URL}/calendar?date=${day}`);
    for (const part of [mail.raw, text]) expect(part).not.toMatch(/Rivera|Alex|Sam|is ill/);
    expect(to(emails.alex)).toHaveLength(0);
  });
});
