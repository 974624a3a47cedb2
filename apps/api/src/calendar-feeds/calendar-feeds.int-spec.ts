import type { AuditEvent, CalendarFeed, Page } from '@trustwork/contracts';
import type { Client } from 'pg';
import { addTeamMember, openCoupleWithLinks, registerPractice, useTestApp, type SignedIn } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- ical.js is read as CommonJS in jest.
const ICAL = require('ical.js');

interface Session {
  id: string;
  startsAt: string;
}

interface FeedEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  status: string | null;
  location: string | null;
  description: string;
}

const inDays = (days: number, hour = 10) => {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

describe('calendar feeds', () => {
  const api = useTestApp();
  let database: Client;
  let owner: SignedIn;
  let clinician: { member: { id: string }; signedIn: SignedIn };
  let colleague: { member: { id: string }; signedIn: SignedIn };
  let caseId: string;
  let alexId: string;
  let joint: Session;
  let video: Session;
  let colleagues: Session;

  const feedOf = async (as: SignedIn, body: object) => (await api.http.put('/api/me/calendar-feed').set(as.auth).send(body).expect(200)).body as CalendarFeed;
  const fetchFeed = (url: string) => api.http.get(new URL(url).pathname);
  const eventsOf = (text: string): FeedEvent[] =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component: unknown) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        summary: event.summary,
        status: (component as { getFirstPropertyValue(name: string): string | null }).getFirstPropertyValue('status'),
        location: event.location ?? null,
        description: event.description,
      };
    });
  /** A session held by `clinicianId`, written underneath: the scheduling routes are tested with their feature. */
  const schedule = async (clinicianId: string, onCase: string, row: { startsAt: string; durationMinutes?: number; modality?: string; attendeeIds?: string[] }): Promise<Session> => {
    const { rows } = await database.query(
      `INSERT INTO sessions (practice_id, case_id, clinician_id, starts_at, duration_minutes, modality, attendee_ids)
       SELECT practice_id, id, $2, $3, $4, $5, COALESCE($6::uuid[], ARRAY(SELECT p.id FROM participants p WHERE p.case_id = c.id ORDER BY p.position))
       FROM cases c WHERE id = $1 RETURNING id`,
      [onCase, clinicianId, row.startsAt, row.durationMinutes ?? 50, row.modality ?? 'in-person', row.attendeeIds ?? null],
    );
    return { id: rows[0].id, startsAt: row.startsAt };
  };

  beforeAll(async () => {
    database = await connect(ownerDatabaseUrl());
    owner = await registerPractice(api.http, 'Feed Practice');
    clinician = await addTeamMember(api.http, owner, 'clinician');
    colleague = await addTeamMember(api.http, owner, 'clinician');
    const couple = await openCoupleWithLinks(api.http, owner, clinician.member.id);
    ({ caseId } = couple);
    alexId = couple.alex.id;
    joint = await schedule(clinician.member.id, caseId, { startsAt: inDays(2) });
    video = await schedule(clinician.member.id, caseId, { startsAt: inDays(9), modality: 'video', attendeeIds: [alexId], durationMinutes: 60 });
    const other = await openCoupleWithLinks(api.http, owner, colleague.member.id);
    colleagues = await schedule(colleague.member.id, other.caseId, { startsAt: inDays(3) });
    // The place and answers are written by the scheduling and portal features; set here directly.
    await database.query(`UPDATE sessions SET address = '12 Harbour Lane, Leith' WHERE id = $1`, [joint.id]);
    await database.query(`UPDATE sessions SET video_url = 'https://video.example.test/room-42' WHERE id = $1`, [video.id]);
    await database.query(`INSERT INTO session_attendance (session_id, participant_id, practice_id, response) SELECT id, $2, practice_id, 'confirmed' FROM sessions WHERE id = $1`, [
      joint.id,
      alexId,
    ]);
  });
  afterAll(async () => {
    await database.end();
  });

  it('has no feed until one is made', async () => {
    const feed = (await api.http.get('/api/me/calendar-feed').set(clinician.signedIn.auth).expect(200)).body as CalendarFeed;
    expect(feed).toEqual({ active: false, includeVideoLinks: false, createdAt: null });
  });

  it('makes an address once that serves the member’s own sessions, with initials, times and place', async () => {
    const feed = await feedOf(clinician.signedIn, {});
    expect(feed).toMatchObject({ active: true, includeVideoLinks: false });
    expect(feed.url).toMatch(/^https?:\/\/[^/]+\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await api.http.get('/api/me/calendar-feed').set(clinician.signedIn.auth).expect(200)).body).toEqual({ active: true, includeVideoLinks: false, createdAt: feed.createdAt });

    const response = await fetchFeed(feed.url!).expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.text).toContain('Trustwork: ');
    const events = eventsOf(response.text);
    expect(events.map((event) => event.uid)).toEqual([`session-${joint.id}@trustwork`, `session-${video.id}@trustwork`]);
    const [first, second] = events;
    expect(first).toMatchObject({ start: joint.startsAt, end: new Date(Date.parse(joint.startsAt) + 50 * 60_000).toISOString(), summary: 'Session: A.R. & S.R.' });
    expect(first.location).toBe('12 Harbour Lane, Leith');
    expect(first.description).toContain('Confirmed: 1 of 2');
    expect(first.description).toContain(`/cases/${caseId}/sessions`);
    expect(second).toMatchObject({ start: video.startsAt, end: new Date(Date.parse(video.startsAt) + 60 * 60_000).toISOString(), summary: 'Session: A.R.' });
    expect(second.description).toContain('Confirmed: 0 of 1');
    // No client's name, not even a surname, and no video link until the member asks for it.
    expect(response.text).not.toMatch(/Alex|Sam|Rivera/);
    expect(response.text).not.toContain('video.example.test');
    expect(second.location).toBeNull();
  });

  it('adds video links when asked, shows cancelled sessions as cancelled, and keeps the address', async () => {
    const feed = await feedOf(clinician.signedIn, { newAddress: true });
    expect((await feedOf(clinician.signedIn, { includeVideoLinks: true })).url).toBeUndefined();
    await database.query(`UPDATE sessions SET status = 'cancelled' WHERE id = $1`, [joint.id]);
    try {
      const events = eventsOf((await fetchFeed(feed.url!).expect(200)).text);
      expect(events.find((event) => event.uid === `session-${video.id}@trustwork`)?.location).toBe('https://video.example.test/room-42');
      expect(events.find((event) => event.uid === `session-${joint.id}@trustwork`)?.status).toBe('CANCELLED');
    } finally {
      await database.query(`UPDATE sessions SET status = 'scheduled' WHERE id = $1`, [joint.id]);
    }
  });

  it('stops serving an old address once replaced, and any address once turned off, with one plain 404', async () => {
    const old = await feedOf(clinician.signedIn, { newAddress: true });
    const replacement = await feedOf(clinician.signedIn, { newAddress: true });
    expect(replacement.includeVideoLinks).toBe(true);
    const gone = await fetchFeed(old.url!).expect(404);
    expect(gone.body.message).toBe('This calendar address does not work. Ask for a new one in Trustwork under Your settings.');
    await fetchFeed(replacement.url!).expect(200);

    await api.http.delete('/api/me/calendar-feed').set(clinician.signedIn.auth).expect(204);
    expect((await fetchFeed(replacement.url!).expect(404)).body.message).toBe(gone.body.message);
    expect((await api.http.get('/api/calendar-feeds/not-a-token.ics').expect(404)).body.message).toBe(gone.body.message);
    expect((await api.http.get('/api/me/calendar-feed').set(clinician.signedIn.auth).expect(200)).body).toEqual({ active: false, includeVideoLinks: false, createdAt: null });
    await api.http.delete('/api/me/calendar-feed').set(clinician.signedIn.auth).expect(204);
  });

  it('serves each member only their own sessions, and each practice only its own', async () => {
    const colleagueFeed = await feedOf(colleague.signedIn, {});
    const events = eventsOf((await fetchFeed(colleagueFeed.url!).expect(200)).text);
    expect(events.map((event) => event.uid)).toEqual([`session-${colleagues.id}@trustwork`]);

    const elsewhere = await registerPractice(api.http, 'Another Feed Practice');
    const theirCase = await openCoupleWithLinks(api.http, elsewhere, elsewhere.tokens.user.id);
    const theirs = await schedule(elsewhere.tokens.user.id, theirCase.caseId, { startsAt: inDays(4) });
    const theirFeed = await feedOf(elsewhere, {});
    const theirEvents = eventsOf((await fetchFeed(theirFeed.url!).expect(200)).text);
    expect(theirEvents.map((event) => event.uid)).toEqual([`session-${theirs.id}@trustwork`]);
    // The other practice's owner sees only their own feed's state, never this practice's.
    expect((await api.http.get('/api/me/calendar-feed').set(owner.auth).expect(200)).body.active).toBe(false);
  });

  it('audits making, changing and turning off a feed, and each read as the member’s list of sessions', async () => {
    const feed = await feedOf(colleague.signedIn, { newAddress: true });
    await feedOf(colleague.signedIn, { includeVideoLinks: true });
    await fetchFeed(feed.url!).expect(200);
    await api.http.delete('/api/me/calendar-feed').set(colleague.signedIn.auth).expect(204);
    const log = (await api.http.get('/api/audit-events').query({ actorId: colleague.member.id }).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    const actions = log.items.map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['user.calendar-feed-create', 'user.calendar-feed-replace', 'user.calendar-feed-change', 'user.calendar-feed-revoke', 'session.list']));
    const read = log.items.find((event) => event.action === 'session.list');
    expect(read).toMatchObject({ actorType: 'user', actorId: colleague.member.id, recordType: 'session', recordIds: [colleagues.id] });
  });

  it('refuses bad input and callers who are not signed in', async () => {
    const refused = await api.http.put('/api/me/calendar-feed').set(clinician.signedIn.auth).send({ includeVideoLinks: 'yes' }).expect(400);
    expect(refused.body.message).toContain('includeVideoLinks must be true or false');
    await api.http.put('/api/me/calendar-feed').set(clinician.signedIn.auth).send({ colour: 'blue' }).expect(400);
    await api.http.get('/api/me/calendar-feed').expect(401);
    await api.http.put('/api/me/calendar-feed').send({}).expect(401);
    await api.http.delete('/api/me/calendar-feed').expect(401);
  });
});
