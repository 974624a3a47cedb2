import type { CaseDetail, ExerciseDetail, PortalLinkCreated } from '@trustwork/contracts';
import type { Client } from 'pg';
import { addTeamMember, openCoupleWithLinks, registerPractice, useTestApp } from '../../test/test-app';
import { connect, createScratchDatabase, type ScratchDatabase } from '../../test/test-database';
import { RemindersService } from '../reminders/reminders.service';
import type { MailContent } from './mail-templates';
import { MailService } from './mail.service';

// Three different places, as under `npm run dev`: the API's own origin must appear in no link.
const PUBLIC_URL = 'https://api.trustwork.example';
const DASHBOARD_URL = 'https://dashboard.trustwork.example';
const PORTAL_URL = 'https://portal.trustwork.example/p';

describe('every link the product gives opens the app it belongs to', () => {
  let database: ScratchDatabase;
  let db: Client;
  const sent: { to: string; content: MailContent }[] = [];
  beforeAll(async () => {
    // Its own database: the reminder runs below visit every practice in it.
    database = await createScratchDatabase('links');
    db = await connect(database.ownerUrl);
  });
  const api = useTestApp(() => ({ DATABASE_URL: database.ownerUrl, DATABASE_APP_URL: database.appUrl, PUBLIC_URL, DASHBOARD_URL, PORTAL_URL }));
  beforeAll(() => {
    jest.spyOn(api.app.get(MailService), 'send').mockImplementation(async (to, content) => {
      sent.push({ to, content });
    });
  });
  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  /** The links of the one e-mail sent to `address`, from both its parts. */
  const linksMailedTo = (address: string) => {
    const mails = sent.filter((mail) => mail.to.toLowerCase() === address.toLowerCase());
    expect(mails).toHaveLength(1);
    const { text, html } = mails[0].content;
    return { text: text.match(/https?:\/\/\S+/g), html: [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]) };
  };

  async function coupleOnCaseload() {
    const owner = await registerPractice(api.http, 'Linked Practice');
    const { member, signedIn: clinician } = await addTeamMember(api.http, owner, 'clinician');
    const couple = await openCoupleWithLinks(api.http, owner, member.id);
    return { owner, clinician, ...couple };
  }

  it('a portal link opens the portal at PORTAL_URL, whatever Host the request named', async () => {
    const { owner, caseId } = await coupleOnCaseload();
    const detail = (await api.http.get(`/api/cases/${caseId}`).set(owner.auth).expect(200)).body as CaseDetail;
    const link = (
      await api.http
        .post(`/api/cases/${caseId}/participants/${detail.participants[0].id}/portal-link`)
        .set(owner.auth)
        .set('Host', 'attacker.example')
        .set('X-Forwarded-Host', 'attacker.example')
        .expect(201)
    ).body as PortalLinkCreated;
    expect(link.url).toMatch(new RegExp(`^${PORTAL_URL}/#[A-Za-z0-9_-]{43}$`));
  });

  it("the homework reminder opens the client's portal", async () => {
    const { clinician, caseId, alex } = await coupleOnCaseload();
    const email = `alex-${Date.now()}@example.test`;
    await db.query('UPDATE participants SET email = $2 WHERE id = $1', [alex.id, email]);
    const exercise = (await api.http.get('/api/exercises/builtin:weekly-trust-check-in').set(clinician.auth).expect(200)).body as ExerciseDetail;
    const today = new Date().toISOString().slice(0, 10);
    await api.http.post(`/api/cases/${caseId}/assignments`).set(clinician.auth).send({ exerciseId: exercise.id, assignTo: 'each', dueOn: today }).expect(201);

    await api.app.get(RemindersService).remindHomeworkDue(new Date(`${today}T12:00:00Z`));
    expect(linksMailedTo(email)).toEqual({ text: [`${PORTAL_URL}/`], html: [`${PORTAL_URL}/`] });
  });

  it("the safety-report notice opens the case in the clinician's dashboard", async () => {
    const { clinician, caseId, alex } = await coupleOnCaseload();
    await api.http
      .post('/api/portal/safety-reports')
      .set({ ...alex.auth, 'Idempotency-Key': 'links-report' })
      .send({ message: 'Please call me.', urgency: 'urgent' })
      .expect(201);
    const { rows } = await db.query('SELECT practice_id AS "practiceId", id AS "reportId" FROM safety_reports WHERE case_id = $1', [caseId]);

    await api.app.get(RemindersService).tellCliniciansOfSafetyReport(rows[0]);
    expect(linksMailedTo(clinician.email)).toEqual({ text: [`${DASHBOARD_URL}/cases/${caseId}`], html: [`${DASHBOARD_URL}/cases/${caseId}`] });
  });

  it('the weekly digest opens the dashboard', async () => {
    const { clinician } = await coupleOnCaseload();
    await api.http.patch('/api/me').set(clinician.auth).send({ weeklyDigest: true }).expect(200);
    const now = new Date();
    const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ((8 - now.getUTCDay()) % 7), 9));

    await api.app.get(RemindersService).sendWeeklyDigests(monday);
    expect(linksMailedTo(clinician.email)).toEqual({ text: [`${DASHBOARD_URL}/`], html: [`${DASHBOARD_URL}/`] });
  });
});
