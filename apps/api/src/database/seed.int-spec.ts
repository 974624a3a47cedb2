import type { AgendaSession, AgingReport, AuthTokens, CaseBilling, CaseProgress, CaseSummary, Page, SessionNote, TherapySession } from '@trustwork/contracts';
import { useTestApp } from '../../test/test-app';
import { createScratchDatabase, type ScratchDatabase } from '../../test/test-database';
import { DEMO_OFFICE_ADDRESS, DEMO_VIDEO_URL, seedDemoCaseload } from './demo-caseload';
import { DEMO_PASSWORD, DEMO_PRACTICE_NAME, DEMO_TEAM, seedDemoPracticeIfEmpty } from './seed';

// Seeding needs an empty database: this file makes its own beside the run's.
describe('the demo practice', () => {
  let database: ScratchDatabase;
  let ownerUrl: string;

  beforeAll(async () => {
    database = await createScratchDatabase('seed');
    ownerUrl = database.ownerUrl;
  });
  // Declared between the two, so the app closes before its database is dropped.
  const api = useTestApp(() => ({ DATABASE_URL: database.ownerUrl, DATABASE_APP_URL: database.appUrl }));
  afterAll(async () => {
    await database?.drop();
  });

  it('seeds an empty database once, with a caseload each demo sign-in can work with', async () => {
    const now = new Date();
    expect(await seedDemoPracticeIfEmpty(ownerUrl)).toBe(true);
    await seedDemoCaseload(api.app, ownerUrl, now);
    expect(await seedDemoPracticeIfEmpty(ownerUrl)).toBe(false);

    const signIn = async (email: string) =>
      ((await api.http.post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200)).body as AuthTokens);
    const [owner, clinician, assistant] = await Promise.all(DEMO_TEAM.map((member) => signIn(member.email)));
    expect(owner.user.practice).toMatchObject({ name: DEMO_PRACTICE_NAME, timeZone: 'Europe/London' });
    const auth = (tokens: AuthTokens) => ({ Authorization: `Bearer ${tokens.accessToken}` });

    const caseload = async (tokens: AuthTokens) => ((await api.http.get('/api/cases').set(auth(tokens)).expect(200)).body as Page<CaseSummary>).items;
    expect(await caseload(owner)).toHaveLength(4);
    expect(await caseload(assistant)).toHaveLength(4);
    const clinicianCases = await caseload(clinician);
    expect(clinicianCases.map((row) => row.relationshipType).sort()).toEqual(['couple', 'parent-child']);

    // This week's agenda has sessions to open, and the past ones have notes, signed and draft.
    const from = new Date(now.getTime() - 8 * 24 * 60 * 60 * 1000).toISOString();
    const to = new Date(now.getTime() + 8 * 24 * 60 * 60 * 1000).toISOString();
    const agenda = (await api.http.get(`/api/sessions?from=${from}&to=${to}`).set(auth(owner)).expect(200)).body as AgendaSession[];
    expect(agenda.filter((session) => session.status === 'scheduled').length).toBeGreaterThanOrEqual(3);
    expect(agenda.map((session) => session.noteState)).toEqual(expect.arrayContaining(['signed', 'draft']));

    const couple = clinicianCases.find((row) => row.relationshipType === 'couple');
    const sessions = (await api.http.get(`/api/cases/${couple?.id}/sessions`).set(auth(clinician)).expect(200)).body as TherapySession[];
    const signed = sessions.find((session) => session.noteState === 'signed' && session.startsAt < from);
    const note = (await api.http.get(`/api/sessions/${signed?.id}/note`).set(auth(clinician)).expect(200)).body as SessionNote;
    expect(note).toMatchObject({ status: 'signed', template: 'soap', addenda: [expect.objectContaining({ body: expect.any(String) })] });

    // Every session says where it is; the couple's upcoming ones are a weekly series, the first confirmed by one of them.
    expect(agenda.filter((session) => session.modality === 'in-person').map((session) => session.address)).toEqual(
      agenda.filter((session) => session.modality === 'in-person').map(() => DEMO_OFFICE_ADDRESS),
    );
    expect(agenda.filter((session) => session.modality === 'video').map((session) => session.videoUrl)).toEqual([DEMO_VIDEO_URL]);
    const series = sessions.filter((session) => session.series).sort((a, b) => (a.series?.position ?? 0) - (b.series?.position ?? 0));
    expect(series.map((session) => [session.series?.frequency, session.series?.position, session.series?.count, session.status])).toEqual(
      [1, 2, 3, 4, 5, 6].map((position) => ['weekly', position, 6, 'scheduled']),
    );
    expect(series[0].attendance.map((entry) => entry.response)).toEqual([null, 'confirmed']);

    // Weeks of history for the Progress tab, and the alerts it gave reason for.
    const progress = (await api.http.get(`/api/cases/${couple?.id}/progress`).set(auth(clinician)).expect(200)).body as CaseProgress;
    expect(progress.participants.map((series) => [series.checkIns.length, series.measures.length])).toEqual([
      [9, 3],
      [9, 3],
    ]);
    expect(progress.phaseChanges.map((change) => change.phase)).toEqual([1, 2, 3]);
    expect(progress.participants[0].homework.some((week) => week.rate !== null && week.rate < 1)).toBe(true);
    expect(couple?.alertKinds).toEqual(['rating-drop', 'measure-below-cutoff', 'homework-overdue']);

    // Alex & Jordan's held sessions are invoiced to each for their half: Alex has paid, Jordan still owes.
    const billing = (await api.http.get(`/api/cases/${couple?.id}/billing`).set(auth(assistant)).expect(200)).body as CaseBilling;
    expect(billing.balances.map((balance) => [balance.payer.name, balance.invoiced > 0, balance.outstanding])).toEqual([
      ['Alex Reyes', true, 0],
      ['Jordan Reyes', true, billing.balances[1].invoiced],
    ]);
    const aging = (await api.http.get('/api/billing/aging').set(auth(owner)).expect(200)).body as AgingReport;
    expect(aging.totals.total).toBe(billing.balances[1].invoiced);
  });
});
