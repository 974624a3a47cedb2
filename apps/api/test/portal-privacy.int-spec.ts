import type { Assignment, Invoice, PortalAgreementSummary, PortalBilling, PortalWelcome } from '@trustwork/contracts';
import fc from 'fast-check';
import { asBuffer, shareFiftyFifty } from './billing';
import { pdfText } from './pdf-text';
import { openCoupleWithLinks, registerPractice, signAgreement, useTestApp, type PortalPerson, type SignedIn } from './test-app';

/**
 * Whatever a couple does in their portals, a participant's portal never shows the other
 * person's private answers or check-in notes, anyone else's anything, or any safety report
 * (their own included: the portal only sends reports, it never reads them back).
 */

const SEED = Number(process.env.PORTAL_PRIVACY_SEED ?? 20261124);
const RUNS = Number(process.env.PORTAL_PRIVACY_RUNS ?? 15);

const reflection = {
  title: 'A moment this week',
  phase: 4,
  audience: 'each',
  cadence: { kind: 'once', dueInDays: 7 },
  minutes: 10,
  purpose: 'A short look back.',
  instructions: 'Write a sentence or two.',
  clinicianNotes: 'Read in session.',
  prompts: [{ type: 'text', key: 'moment', label: 'A moment you noticed', required: true, maxLength: 500, multiline: true }],
};

type Who = 'alex' | 'sam';
const otherOf = (who: Who): Who => (who === 'alex' ? 'sam' : 'alex');

/** A piece of private text, tagged with a marker no other text contains. */
interface Written {
  marker: string;
  kind: 'answer' | 'check-in note' | 'safety report';
  caseIndex: number;
  author: Who;
  shared: boolean;
}

interface CasePlan {
  assignments: { assignTo: 'each' | 'participant' | 'together'; participant: Who }[];
  submissions: { assignment: number; author: Who; shared: boolean; words: string }[];
  checkIns: { author: Who; words: string }[];
  reports: { author: Who; words: string }[];
}

// Text around the markers is varied too, so nothing depends on plain ASCII.
const words = fc.constantFrom('We talked', 'Я устал', 'مرحبا', 'a walk 🌧️👣', '\u202eright to left', 'quiet\nevening', '');
const who = fc.constantFrom<Who>('alex', 'sam');
const casePlan: fc.Arbitrary<CasePlan> = fc.record({
  assignments: fc.array(fc.record({ assignTo: fc.constantFrom('each' as const, 'participant' as const, 'together' as const), participant: who }), { minLength: 1, maxLength: 3 }),
  submissions: fc.array(fc.record({ assignment: fc.nat(), author: who, shared: fc.boolean(), words }), { maxLength: 4 }),
  checkIns: fc.array(fc.record({ author: who, words }), { maxLength: 3 }),
  reports: fc.array(fc.record({ author: who, words }), { maxLength: 2 }),
});

/** One charge of a billing plan: whose, and whether its invoice is issued or left a draft. */
interface BilledCharge {
  payer: Who;
  amount: number;
  issue: boolean;
}
const billingPlan: fc.Arbitrary<BilledCharge[]> = fc.array(fc.record({ payer: who, amount: fc.integer({ min: 1, max: 500_000 }), issue: fc.boolean() }), { minLength: 1, maxLength: 4 });

describe('portal privacy', () => {
  const api = useTestApp();
  let owner: SignedIn;
  let ownerId: string;
  let exerciseId: string;
  let markerCount = 0;
  let caseCount = 0;
  /** Every private text written in any run, so later runs also check nothing earlier leaks. */
  const written: Written[] = [];

  beforeAll(async () => {
    owner = await registerPractice(api.http, 'Privacy Counselling');
    ownerId = ((await api.http.get('/api/me').set(owner.auth).expect(200)).body as { id: string }).id;
    exerciseId = ((await api.http.post('/api/exercises').set(owner.auth).send(reflection).expect(201)).body as { id: string }).id;
  });

  /** Opens the next couple's case, numbered as the runs go, with its people by who they are. */
  const openNumberedCase = async () => {
    const couple = await openCoupleWithLinks(api.http, owner, ownerId);
    const people: Record<Who, PortalPerson> = { alex: couple.alex, sam: couple.sam };
    return { couple, people, caseIndex: (caseCount += 1) };
  };

  const newMarker = (kind: string) => `${kind}-${(markerCount += 1).toString().padStart(5, '0')}-${Math.random().toString(36).slice(2, 10)}`;

  it('never shows a participant another’s private text or any safety report', async () => {
    const today = new Date().toISOString().slice(0, 10);
    let responses = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(casePlan, { minLength: 2, maxLength: 4 }), async (plans) => {
        const runStart = written.length;
        /** Every portal response each participant got, as JSON text. */
        const seen = new Map<PortalPerson, string[]>();
        const record = (person: PortalPerson, body: unknown) => {
          responses += 1;
          seen.set(person, [...(seen.get(person) ?? []), JSON.stringify(body)]);
        };
        const cases: { index: number; people: Record<Who, PortalPerson> }[] = [];

        for (const plan of plans) {
          const { couple, people, caseIndex } = await openNumberedCase();
          cases.push({ index: caseIndex, people });

          const assignments: { id: string; answerers: Who[] }[] = [];
          for (const { assignTo, participant } of plan.assignments) {
            const request = { exerciseId, assignTo, dueOn: today, ...(assignTo === 'participant' ? { participantId: people[participant].id } : {}) };
            const made = (await api.http.post(`/api/cases/${couple.caseId}/assignments`).set(owner.auth).send(request).expect(201)).body as Assignment[];
            for (const assignment of made) {
              const answerers: Who[] = assignment.participantId === null ? ['alex', 'sam'] : [assignment.participantId === people.alex.id ? 'alex' : 'sam'];
              assignments.push({ id: assignment.id, answerers });
            }
          }

          const answered = new Set<string>();
          for (const submission of plan.submissions) {
            const assignment = assignments[submission.assignment % assignments.length];
            // Only someone the sheet is for can answer it, and once for its one date.
            const author = assignment.answerers.includes(submission.author) ? submission.author : assignment.answerers[0];
            if (answered.has(`${assignment.id}:${author}`)) continue;
            answered.add(`${assignment.id}:${author}`);
            const marker = newMarker('ANSWER');
            const response = await api.http
              .post(`/api/portal/assignments/${assignment.id}/submissions`)
              .set(people[author].auth)
              .send({ answers: { moment: `${submission.words} ${marker}` }, shared: submission.shared })
              .expect(201);
            record(people[author], response.body);
            written.push({ marker, kind: 'answer', caseIndex, author, shared: submission.shared });
          }
          for (const checkIn of plan.checkIns) {
            const marker = newMarker('CHECKIN');
            const response = await api.http
              .post('/api/portal/check-ins')
              .set(people[checkIn.author].auth)
              .send({ trust: 5, safety: 5, heard: 5, closeness: 5, note: `${checkIn.words} ${marker}` })
              .expect(201);
            record(people[checkIn.author], response.body);
            written.push({ marker, kind: 'check-in note', caseIndex, author: checkIn.author, shared: false });
          }
          for (const report of plan.reports) {
            const marker = newMarker('REPORT');
            const response = await api.http
              .post('/api/portal/safety-reports')
              .set(people[report.author].auth)
              .send({ message: `${report.words} ${marker}`, urgency: 'concern' })
              .expect(201);
            record(people[report.author], response.body);
            written.push({ marker, kind: 'safety report', caseIndex, author: report.author, shared: false });
          }
        }

        for (const { people } of cases) {
          for (const person of Object.values(people)) {
            for (const path of ['/api/portal/me', '/api/portal/assignments', '/api/portal/shared', '/api/portal/check-ins']) {
              record(person, (await api.http.get(path).set(person.auth).expect(200)).body);
            }
          }
        }

        for (const { index, people } of cases) {
          for (const me of ['alex', 'sam'] as Who[]) {
            const text = (seen.get(people[me]) ?? []).join('\n');
            const mayRead = (piece: Written) =>
              piece.caseIndex === index && piece.kind !== 'safety report' && (piece.author === me || (piece.kind === 'answer' && piece.shared && piece.author === otherOf(me)));
            const leaked = written.filter((piece) => !mayRead(piece) && text.includes(piece.marker));
            expect(leaked).toEqual([]);
            // The scan must be able to find text: their own notes and what the other chose to share are really there.
            const shownThisRun = written.slice(runStart).filter((piece) => mayRead(piece) && (piece.kind === 'check-in note' || piece.author !== me));
            expect(shownThisRun.filter((piece) => !text.includes(piece.marker))).toEqual([]);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`portal privacy: ${RUNS} runs, ${responses} portal responses scanned for ${written.length} private texts`);
  }, 120_000);

  it('shows a person only the issued invoices, statement and superbill addressed to them', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const period = { from: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10), to: today };
    const pdf = async (person: PortalPerson, path: string, query: Record<string, string> = {}) =>
      (await pdfText((await api.http.get(path).query(query).set(person.auth).buffer(true).parse(asBuffer).expect(200)).body as Buffer)).text;
    await fc.assert(
      fc.asyncProperty(fc.array(billingPlan, { minLength: 2, maxLength: 2 }), async (plans) => {
        const invoices: { id: string; number: string | null; marker: string; caseIndex: number; payer: Who; issued: boolean }[] = [];
        const cases: { index: number; people: Record<Who, PortalPerson> }[] = [];
        for (const plan of plans) {
          const { couple, people, caseIndex } = await openNumberedCase();
          cases.push({ index: caseIndex, people });
          const payers = await shareFiftyFifty(api.http, owner, couple.caseId, people);
          for (const charge of plan) {
            const marker = newMarker('CHARGE');
            const payerId = payers[charge.payer];
            const made = await api.http
              .post(`/api/cases/${couple.caseId}/charges`)
              .set(owner.auth)
              .send({ kind: 'manual', payerId, description: `Session ${marker}`, serviceDate: today, amount: charge.amount, reason: 'Agreed fee' })
              .expect(201);
            let invoice = (await api.http.post(`/api/cases/${couple.caseId}/invoices`).set(owner.auth).send({ payerId, chargeIds: [made.body.id] }).expect(201)).body as Invoice;
            if (charge.issue) invoice = (await api.http.post(`/api/invoices/${invoice.id}/issue`).set(owner.auth).expect(201)).body as Invoice;
            invoices.push({ id: invoice.id, number: invoice.number, marker, caseIndex, payer: charge.payer, issued: charge.issue });
          }
        }

        for (const { index, people } of cases) {
          for (const me of ['alex', 'sam'] as Who[]) {
            const person = people[me];
            const theirs = (invoice: (typeof invoices)[number]) => invoice.caseIndex === index && invoice.payer === me;
            const own = invoices.filter((invoice) => theirs(invoice) && invoice.issued);
            const overview = (await api.http.get('/api/portal/billing').set(person.auth).expect(200)).body as PortalBilling;
            expect(overview.invoices.map((invoice) => invoice.id).sort()).toEqual(own.map((invoice) => invoice.id).sort());
            for (const invoice of invoices) {
              if (own.includes(invoice)) expect(await pdf(person, `/api/portal/billing/invoices/${invoice.id}/pdf`)).toContain(invoice.marker);
              else await api.http.get(`/api/portal/billing/invoices/${invoice.id}/pdf`).set(person.auth).expect(404);
            }
            const documents = `${await pdf(person, '/api/portal/billing/statement.pdf', period)}\n${await pdf(person, '/api/portal/billing/superbill.pdf', period)}`;
            const leaked = invoices.filter((invoice) => !own.includes(invoice) && (documents.includes(invoice.marker) || (invoice.number !== null && documents.includes(invoice.number))));
            expect(leaked).toEqual([]);
          }
        }
      }),
      { numRuns: 3, seed: SEED },
    );
  }, 120_000);

  it('never tells a participant whether the other has signed, or what they typed', async () => {
    const { alex, sam } = await openCoupleWithLinks(api.http, owner, ownerId, undefined, { confidentialityPolicyId: 'builtin:no-secrets' });
    const get = async (person: PortalPerson, path: string) => (await api.http.get(path).set(person.auth).expect(200)).body as unknown;
    /** Everything a person's portal shows of the case's agreements. */
    const agreementsSeenBy = async (person: PortalPerson) => {
      const list = (await get(person, '/api/portal/agreements')) as PortalAgreementSummary[];
      const documents = [];
      for (const agreement of list) documents.push(await get(person, `/api/portal/agreements/${agreement.agreementId}`));
      return { welcome: (await get(person, '/api/portal/me')) as PortalWelcome, list, documents };
    };

    const samBefore = await agreementsSeenBy(sam);
    expect(samBefore.welcome.agreementsToSign).toBe(2);
    const marker = newMarker('SIGNATURE');
    const typedName = `Alex ${marker}`;
    for (const agreement of samBefore.list) await signAgreement(api.http, alex, agreement.agreementId, typedName);

    expect(((await get(alex, '/api/portal/me')) as PortalWelcome).agreementsToSign).toBe(0);
    const samAfter = await agreementsSeenBy(sam);
    expect(samAfter).toEqual(samBefore);
    expect(JSON.stringify(samAfter)).not.toContain(marker);
  });
});
