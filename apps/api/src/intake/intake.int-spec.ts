import type { AuditEvent, CaseDetail, ExistingParticipant, IntakeCreated, Page } from '@trustwork/contracts';
import type { Client } from 'pg';
import { addTeamMember, portalTokenOf, registerPractice, useTestApp, uniqueEmail, type SignedIn } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Every table an intake writes to, counted underneath the API. */
const WRITTEN_TABLES = ['cases', 'participants', 'case_clinicians', 'case_phase_changes', 'assignments', 'portal_links', 'audit_events'] as const;

describe('linked intake', () => {
  const api = useTestApp();
  let asOwner: Client;
  let owner: SignedIn;
  let clinician: SignedIn;
  let clinicianId: string;
  let assistant: SignedIn;
  let otherPractice: SignedIn;
  let practiceId: string;
  beforeAll(async () => {
    asOwner = await connect(ownerDatabaseUrl());
    owner = await registerPractice(api.http, 'Intake Counselling');
    const added = await addTeamMember(api.http, owner, 'clinician');
    clinician = added.signedIn;
    clinicianId = added.member.id;
    assistant = (await addTeamMember(api.http, owner, 'assistant')).signedIn;
    otherPractice = await registerPractice(api.http, 'Another Practice');
    practiceId = (await asOwner.query('SELECT practice_id FROM users WHERE id = $1', [clinicianId])).rows[0].practice_id;
  });
  afterAll(async () => {
    await asOwner.end();
  });

  /** A full intake for a couple with e-mails, two first exercises and portal links. */
  const intake = (overrides: Record<string, unknown> = {}) => ({
    relationshipType: 'couple',
    presentingConcern: 'An affair came to light in March.',
    phase: 2,
    participants: [
      { displayName: 'Alex Rivera', email: uniqueEmail('alex'), phone: '+44 7700 900123', pronouns: 'he/him', breachRole: 'broke-trust' },
      { displayName: 'Sam Rivera', email: uniqueEmail('sam'), breachRole: 'was-hurt' },
    ],
    exercises: [
      { exerciseId: 'builtin:weekly-trust-check-in', assignTo: 'each', dueOn: inDays(7) },
      { exerciseId: 'builtin:promise-log', assignTo: 'participant', participantIndex: 0, recurrence: { frequency: 'daily', startsOn: today(), endsOn: inDays(13) } },
    ],
    createPortalLinks: true,
    ...overrides,
  });
  const send = (body: object, as: SignedIn = clinician) => api.http.post('/api/intakes').set(as.auth).send(body);
  const check = (emails: string[], as: SignedIn = clinician) => api.http.post('/api/intakes/check').set(as.auth).send({ emails });

  /** Rows of every table an intake writes, for the practice: nothing may appear when an intake fails. */
  const counts = async () => {
    const result: Record<string, number> = {};
    for (const table of WRITTEN_TABLES) result[table] = (await asOwner.query(`SELECT count(*)::int AS n FROM ${table} WHERE practice_id = $1`, [practiceId])).rows[0].n;
    return result;
  };
  /** `body` must be refused with `status` and these messages, and leave every table as it was. */
  const expectNothingCreated = async (body: object, status: number, messages: unknown) => {
    const before = await counts();
    const response = await send(body).expect(status);
    expect(response.body).toMatchObject({ statusCode: status, message: messages });
    expect(await counts()).toEqual(before);
  };

  it('opens the case with both people, the phase, the first exercises and two working portal links', async () => {
    const body = intake();
    const created = (await send(body).expect(201)).body as IntakeCreated;

    const [alex, sam] = created.case.participants;
    expect(created.case).toMatchObject({ relationshipType: 'couple', status: 'intake', phase: 2, presentingConcern: 'An affair came to light in March.' });
    expect(created.case.clinicians.map((member) => member.id)).toEqual([clinicianId]);
    expect(created.case.phaseHistory.map((change) => change.phase)).toEqual([2]);
    expect(alex).toMatchObject({ displayName: 'Alex Rivera', email: body.participants[0].email.toLowerCase(), phone: '+44 7700 900123', breachRole: 'broke-trust' });
    expect(sam).toMatchObject({ displayName: 'Sam Rivera', breachRole: 'was-hurt' });
    expect(created.linkedParticipants).toEqual([]);

    // 'each' makes one sheet per person; the log is Alex's only.
    expect(created.assignments.map((assignment) => [assignment.exercise.id, assignment.participantId])).toEqual([
      ['builtin:weekly-trust-check-in', alex.id],
      ['builtin:weekly-trust-check-in', sam.id],
      ['builtin:promise-log', alex.id],
    ]);
    expect(created.assignments[2].recurrence).toEqual({ frequency: 'daily', startsOn: today(), endsOn: inDays(13) });

    // Every write is audited, as the feature that owns it audits it on its own route.
    const log = (await api.http.get('/api/audit-events').query({ caseId: created.case.id, limit: 50 }).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    expect(log.items.map((event) => event.action).sort()).toEqual(
      ['assignment.create', 'assignment.create', 'assignment.create', 'case.create', 'portal-link.create', 'portal-link.create'].sort(),
    );

    expect(created.portalLinks.map((link) => link.participantId)).toEqual([alex.id, sam.id]);
    for (const [index, link] of created.portalLinks.entries()) {
      const me = (await api.http.get('/api/portal/me').set({ Authorization: `Bearer ${portalTokenOf(link)}` }).expect(200)).body as { firstName?: string; displayName?: string };
      expect(JSON.stringify(me)).toContain(index === 0 ? 'Alex' : 'Sam');
    }
    const detail = (await api.http.get(`/api/cases/${created.case.id}`).set(clinician.auth).expect(200)).body as CaseDetail;
    expect(detail.participants).toEqual(created.case.participants);

  });

  it('makes no portal links when asked not to, and takes no exercises', async () => {
    const created = (await send(intake({ exercises: undefined, createPortalLinks: false })).expect(201)).body as IntakeCreated;
    expect(created.assignments).toEqual([]);
    expect(created.portalLinks).toEqual([]);
    expect((await asOwner.query('SELECT count(*)::int AS n FROM portal_links WHERE case_id = $1', [created.case.id])).rows[0].n).toBe(0);
  });

  it('creates nothing when the second person is invalid, and says which field', async () => {
    const body = intake();
    body.participants[1] = { ...body.participants[1], email: 'not-an-email' };
    await expectNothingCreated(body, 400, ['participants.1.email must be a valid e-mail address']);
    await expectNothingCreated(intake({ participants: [intake().participants[0], { breachRole: 'was-hurt' }] }), 400, ['participants.1.displayName is required']);
  });

  it('creates nothing when an exercise fails, and places the problem under that exercise', async () => {
    const bad = (exercise: object) => intake({ exercises: [intake().exercises[0], exercise] });
    await expectNothingCreated(bad({ exerciseId: 'builtin:no-such-exercise', assignTo: 'each', dueOn: today() }), 400, ['exercises.1.exerciseId must name an exercise in your library']);
    await expectNothingCreated(bad({ exerciseId: 'builtin:weekly-trust-check-in', assignTo: 'each', dueOn: inDays(-3) }), 400, [
      expect.stringMatching(/^exercises\.1\.dueOn must be today \(\d{4}-\d{2}-\d{2}\) or later$/),
    ]);
    await expectNothingCreated(
      bad({ exerciseId: 'builtin:weekly-trust-check-in', assignTo: 'each', recurrence: { frequency: 'weekly', startsOn: inDays(5), endsOn: today() } }),
      400,
      ['exercises.1.recurrence.daysOfWeek is required for a weekly recurrence', 'exercises.1.recurrence.endsOn must be on or after recurrence.startsOn'],
    );
    await expectNothingCreated(bad({ exerciseId: 'builtin:weekly-trust-check-in', assignTo: 'participant', dueOn: today() }), 400, [
      'exercises.1.participantIndex is required with assignTo participant',
    ]);
    await expectNothingCreated(bad({ exerciseId: 'builtin:weekly-trust-check-in', assignTo: 'each' }), 400, ['exercises.1: send either dueOn, for a single sheet, or recurrence, not both']);
  });

  it('rolls back the case and people when the exercise or portal-link step fails after they were written', async () => {
    // Every check passes before the first write, so a failure is forced underneath: a trigger
    // that refuses this practice's rows only (other spec files share the database).
    for (const table of ['assignments', 'portal_links']) {
      const before = await counts();
      await asOwner.query(
        `CREATE FUNCTION intake_spec_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN IF NEW.practice_id = '${practiceId}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`,
      );
      await asOwner.query(`CREATE TRIGGER intake_spec_refuse BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION intake_spec_refuse()`);
      try {
        expect((await send(intake())).status).toBe(500);
      } finally {
        await asOwner.query(`DROP TRIGGER intake_spec_refuse ON ${table}`);
        await asOwner.query('DROP FUNCTION intake_spec_refuse()');
      }
      expect(await counts()).toEqual(before);
    }
  });

  it('finds an existing participant by e-mail, whatever the case of its letters, and audits what it shows', async () => {
    const body = intake({ exercises: [], createPortalLinks: false });
    const created = (await send(body, owner).expect(201)).body as IntakeCreated;
    const sam = created.case.participants[1];
    const found = (await check(['nobody@example.test', body.participants[1].email.toUpperCase()]).expect(200)).body as ExistingParticipant[];
    expect(found).toEqual([
      {
        id: sam.id,
        displayName: 'Sam Rivera',
        email: body.participants[1].email.toLowerCase(),
        caseId: created.case.id,
        caseStatus: 'intake',
        relationshipType: 'couple',
        caseOpenedAt: created.case.createdAt,
      },
    ]);
    const { rows } = await asOwner.query(`SELECT action, record_type, record_ids, case_id FROM audit_events WHERE action = 'participant.match' AND $1 = ANY(record_ids)`, [sam.id]);
    expect(rows).toEqual([{ action: 'participant.match', record_type: 'participant', record_ids: [sam.id], case_id: created.case.id }]);

    expect((await check(['nobody@example.test']).expect(200)).body).toEqual([]);
    // Another practice's people are never found.
    expect((await check([body.participants[1].email], otherPractice).expect(200)).body).toEqual([]);
    expect((await check(['not an e-mail']).expect(400)).body.message).toEqual(['emails must list one or two e-mail addresses']);
  });

  it('links a person to their earlier record, reusing their details, and points every later record at the first', async () => {
    const first = (await send(intake({ exercises: [], createPortalLinks: false })).expect(201)).body as IntakeCreated;
    const earlierSam = first.case.participants[1];
    const linked = (
      await send(intake({ relationshipType: 'parent-child', participants: [{ displayName: 'Jo Rivera', breachRole: 'was-hurt' }, { linkTo: earlierSam.id, breachRole: 'broke-trust' }] })).expect(201)
    ).body as IntakeCreated;
    const sam = linked.case.participants[1];
    expect(sam).toEqual({ ...earlierSam, id: expect.any(String), breachRole: 'broke-trust' });
    expect(sam.id).not.toBe(earlierSam.id);
    expect(linked.linkedParticipants).toEqual([{ participantId: sam.id, linkedParticipantId: earlierSam.id }]);

    // Linking to the second record still names the first: one person, one anchor.
    const third = (await send(intake({ participants: [{ linkTo: sam.id, breachRole: 'both' }, { displayName: 'Kim', breachRole: 'both' }] })).expect(201)).body as IntakeCreated;
    const { rows } = await asOwner.query('SELECT id, linked_participant_id FROM participants WHERE id = ANY($1) ORDER BY created_at', [[earlierSam.id, sam.id, third.case.participants[0].id]]);
    expect(rows.map((row) => row.linked_participant_id)).toEqual([null, earlierSam.id, earlierSam.id]);

    const events = await asOwner.query(`SELECT record_id, case_id FROM audit_events WHERE action = 'participant.link' AND record_id = $1`, [earlierSam.id]);
    expect(events.rows).toEqual([{ record_id: earlierSam.id, case_id: first.case.id }]);

    // One person cannot be both people of a case, and a linked person brings no new details.
    await expectNothingCreated(intake({ participants: [{ linkTo: earlierSam.id, breachRole: 'both' }, { linkTo: sam.id, breachRole: 'both' }] }), 400, [
      'participants.1.linkTo names the same person as participants.0',
    ]);
    await expectNothingCreated(intake({ participants: [intake().participants[0], { linkTo: earlierSam.id, displayName: 'Sammy', breachRole: 'was-hurt' }] }), 400, [
      'participants.1.linkTo reuses the earlier record’s details: send only linkTo and breachRole, not displayName',
    ]);
  });

  it('refuses another practice’s participant, or one that does not exist, and creates nothing', async () => {
    const theirs = (await send(intake({ exercises: [], createPortalLinks: false }), otherPractice).expect(201)).body as IntakeCreated;
    for (const linkTo of [theirs.case.participants[0].id, '00000000-0000-4000-8000-000000000000']) {
      await expectNothingCreated(intake({ participants: [intake().participants[0], { linkTo, breachRole: 'was-hurt' }] }), 400, [
        'participants.1.linkTo must be the id of a participant of your practice',
      ]);
    }
  });

  it('is for owners and clinicians only: an assistant is refused and nothing is created', async () => {
    const before = await counts();
    await send(intake(), assistant).expect(403);
    await check(['sam@example.test'], assistant).expect(403);
    expect(await counts()).toEqual(before);
  });
});
