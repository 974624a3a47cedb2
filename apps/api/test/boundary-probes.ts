import { JwtService } from '@nestjs/jwt';
import type {
  AgreementDetail,
  Assignment,
  BillingService,
  CaseAgreements,
  CaseAlert,
  CaseBilling,
  CaseEvent,
  Charge,
  ExerciseDetail,
  Invoice,
  Payment,
  PortalSubmission,
  SafetyReport,
  SessionNote,
  TherapySession,
} from '@trustwork/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { addTeamMember, openCoupleWithLinks, registerPractice, signAgreement, type PortalPerson, type SignedIn } from './test-app';

/**
 * The pieces of the boundary matrix (boundaries.int-spec.ts): the routes as the OpenAPI
 * document lists them, two practices full of records to aim at, and forged credentials.
 */

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface Route {
  method: HttpMethod;
  /** As the OpenAPI document writes it: `/api/cases/{id}/events`. */
  path: string;
  /** `METHOD /api/path`, the key of the expectation tables. */
  key: string;
  /** Each path parameter as `<segment before it>/{<name>}`, e.g. `cases/{id}`, the key of the parameter map. */
  params: string[];
  /** Whether the document says the route takes a bearer token (a dashboard sign-in or a portal link). */
  bearer: boolean;
  /** Fields of the body or query that name a record by id: `participantId`, `participants[].id`. */
  references: { field: string; in: 'body' | 'query'; array: boolean }[];
}

interface Schema {
  $ref?: string;
  type?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
}

interface OpenApiDocument {
  paths: Record<string, Partial<Record<string, { security?: Record<string, unknown>[]; parameters?: { name: string; in: string; schema?: { format?: string } }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>>;
  components?: { schemas?: Record<string, Schema> };
}

const NAMES_A_RECORD = /(^id|Id|Ids)$/;

/** Every field of a body schema, one level into lists of objects, that names a record. */
function referencesIn(document: OpenApiDocument, schema: Schema | undefined, prefix = ''): Route['references'] {
  const resolved = (candidate: Schema | undefined): Schema | undefined =>
    candidate?.$ref ? document.components?.schemas?.[candidate.$ref.split('/').pop() ?? ''] : candidate?.allOf?.length === 1 ? resolved(candidate.allOf[0]) : candidate;
  return Object.entries(resolved(schema)?.properties ?? {}).flatMap(([name, property]) => {
    const items = property.type === 'array' ? resolved(property.items) : undefined;
    if (items?.properties && !prefix) return referencesIn(document, items, `${name}[].`);
    return NAMES_A_RECORD.test(name) ? [{ field: `${prefix}${name}`, in: 'body' as const, array: property.type === 'array' }] : [];
  });
}

/** Every path and method of the running app's OpenAPI document. */
export async function routesOf(http: TestAgent): Promise<Route[]> {
  const document = (await http.get('/api/docs-json').expect(200)).body as OpenApiDocument;
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = operations[method];
      if (!operation) return [];
      // A query parameter names a record by its name (`caseId`) or by its documented format (`participant`).
      const query = (operation.parameters ?? []).filter(
        (parameter) => parameter.in === 'query' && (NAMES_A_RECORD.test(parameter.name) || parameter.schema?.format === 'uuid'),
      );
      return [
        {
          method,
          path,
          key: `${method.toUpperCase()} ${path}`,
          bearer: (operation.security ?? []).some((requirement) => 'bearer' in requirement),
          params: [...path.matchAll(/([^/]+)\/\{([^}]+)\}/g)].map(([, segment, name]) => `${segment}/{${name}}`),
          references: [
            ...referencesIn(document, operation.requestBody?.content?.['application/json']?.schema),
            ...query.map((parameter) => ({ field: parameter.name, in: 'query' as const, array: false })),
          ],
        },
      ];
    }),
  );
}

/** `path` with each `{name}` replaced by `values[name]`. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_match, name: string) => values[name]);
}

// Each record carries a marker in its free text, so a response that shows it can be caught.
const marker = (what: string) => `${what} ${randomBytes(5).toString('hex')}`;

export interface ClinicalText {
  presentingConcern: string;
  note: string;
  addendum: string;
  eventTitle: string;
  eventDetails: string;
  clinicianNotes: string;
  alexPrivateAnswer: string;
  samSharedAnswer: string;
  alexCheckIn: string;
  samCheckIn: string;
  safetyReport: string;
  /** The name Alex typed to sign: Sam's portal must never show it. */
  alexSignedName: string;
}

export interface PracticeRecords {
  practiceId: string;
  owner: SignedIn;
  caseId: string;
  alex: PortalPerson;
  sam: PortalPerson;
  sessionId: string;
  eventId: string;
  templateId: string;
  /** Alex's sheet (answered privately) and Sam's (answered and shared). */
  alexAssignmentId: string;
  samAssignmentId: string;
  submissionIds: string[];
  checkInIds: string[];
  safetyReportId: string;
  alertId: string;
  /** The practice's own agreement (on the case) and its own confidentiality policy (the case's), and Alex's signature of the first. */
  agreementId: string;
  policyId: string;
  signatureId: string;
  billing: BillingRecords;
  text: ClinicalText;
}

/** The case's money: a service, the two people as payers, charges, invoices and a payment. */
export interface BillingRecords {
  serviceId: string;
  alexPayerId: string;
  samPayerId: string;
  /** Alex's charge on the draft (still editable). */
  chargeId: string;
  /** Alex's invoice not yet issued, and Alex's and Sam's issued ones. */
  draftInvoiceId: string;
  issuedInvoiceId: string;
  samInvoiceId: string;
  /** Alex's payment towards their issued invoice. */
  paymentId: string;
}

export interface MainPractice extends PracticeRecords {
  clinicianA: { id: string; signedIn: SignedIn };
  clinicianB: { id: string; signedIn: SignedIn };
  assistant: { id: string; signedIn: SignedIn };
  /** A second case of the practice, also clinician A's: its participant and sheet are "another case". */
  otherCase: { caseId: string; alex: PortalPerson; sam: PortalPerson; assignmentId: string };
  /** A portal link of the other case that was revoked. */
  revokedPortalToken: string;
  /** The access token of a colleague who has since been deactivated. */
  formerColleagueToken: string;
}

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const ratings = { trust: 4, safety: 6, heard: 5, closeness: 5 };

/** An exercise template every sheet of both practices uses, so one set of answers fits any sheet. */
export const walkTemplate = (clinicianNotes: string) => ({
  title: 'Evening walk together',
  phase: 7,
  audience: 'together',
  cadence: { kind: 'weekly', timesPerWeek: 2 },
  minutes: 30,
  purpose: 'Time side by side without screens, to rebuild easy closeness.',
  instructions: 'Walk for twenty minutes after dinner. Talk about anything except what happened.',
  clinicianNotes,
  prompts: [
    { type: 'yes-no', key: 'walked', label: 'Did you go for the walk?', required: true },
    { type: 'scale', key: 'closeness', label: 'How close did you feel?', required: true, min: 0, max: 10, minLabel: 'Distant', maxLabel: 'Very close' },
    { type: 'text', key: 'moment', label: 'A moment you noticed', required: false, maxLength: 500, multiline: true },
  ],
});

export const walkAnswers = (moment: string, shared: boolean) => ({ answers: { walked: true, closeness: 6, moment }, shared });

/** The body of a write the test expects to succeed, or an error naming the step and the answer. */
async function made<T>(step: string, request: PromiseLike<{ status: number; body: unknown }>): Promise<T> {
  const response = await request;
  if (response.status >= 300) throw new Error(`${step} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/** Who pays (both, in halves), a service, and for each person an issued invoice; Alex also a draft and a payment. */
async function fillBilling(http: TestAgent, owner: SignedIn, caseId: string, alexId: string, samId: string): Promise<BillingRecords> {
  const as = owner.auth;
  const service = await made<BillingService>(
    'a billing service',
    http.post('/api/billing/services').set(as).send({ name: 'Couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 15000 }),
  );
  const billing = await made<CaseBilling>(
    'who pays',
    http.put(`/api/cases/${caseId}/billing`).set(as).send({ arrangement: 'shared', shares: [{ participantId: alexId, percent: 50 }, { participantId: samId, percent: 50 }] }),
  );
  const payerOf = (participantId: string) => {
    const payer = billing.balances.find((balance) => balance.payer.participantId === participantId)?.payer;
    if (!payer) throw new Error('a person of the case is no payer');
    return payer.id;
  };
  const [alexPayerId, samPayerId] = [payerOf(alexId), payerOf(samId)];
  const charge = (payerId: string, amount: number) =>
    made<Charge>(
      'a charge',
      http.post(`/api/cases/${caseId}/charges`).set(as).send({ kind: 'manual', payerId, description: 'Couples session', serviceDate: today(), amount, reason: 'Agreed fee', serviceId: service.id }),
    );
  const invoice = async (payerId: string, amount: number, issue: boolean) => {
    const charged = await charge(payerId, amount);
    const draft = await made<Invoice>('a draft invoice', http.post(`/api/cases/${caseId}/invoices`).set(as).send({ payerId, chargeIds: [charged.id] }));
    if (issue) await made<Invoice>('issuing an invoice', http.post(`/api/invoices/${draft.id}/issue`).set(as).send({}));
    return { invoiceId: draft.id, chargeId: charged.id };
  };
  const issued = await invoice(alexPayerId, 10000, true);
  const draft = await invoice(alexPayerId, 5000, false);
  const forSam = await invoice(samPayerId, 7000, true);
  const payment = await made<Payment>(
    'a payment',
    http
      .post(`/api/cases/${caseId}/payments`)
      .set(as)
      .send({ payerId: alexPayerId, method: 'cash', amount: 2000, receivedOn: today(), allocations: [{ invoiceId: issued.invoiceId, amount: 2000 }] }),
  );
  return {
    serviceId: service.id,
    alexPayerId,
    samPayerId,
    chargeId: draft.chargeId,
    draftInvoiceId: draft.invoiceId,
    issuedInvoiceId: issued.invoiceId,
    samInvoiceId: forSam.invoiceId,
    paymentId: payment.id,
  };
}

/** One practice's clinical record of a couple, made by `clinician` (who may be the owner). */
async function fillPractice(http: TestAgent, owner: SignedIn, clinician: { id: string; signedIn: SignedIn }, label: string): Promise<PracticeRecords> {
  const as = clinician.signedIn.auth;
  const text: ClinicalText = {
    presentingConcern: marker(`${label} presenting concern`),
    note: marker(`${label} session note`),
    addendum: marker(`${label} addendum`),
    eventTitle: marker(`${label} breach title`),
    eventDetails: marker(`${label} breach details`),
    clinicianNotes: marker(`${label} clinician notes`),
    alexPrivateAnswer: marker(`${label} Alex private answer`),
    samSharedAnswer: marker(`${label} Sam shared answer`),
    alexCheckIn: marker(`${label} Alex check-in`),
    samCheckIn: marker(`${label} Sam check-in`),
    safetyReport: marker(`${label} safety report`),
    alexSignedName: marker(`${label} Alex signed name`),
  };
  const agreement = async (kind: string, title: string) =>
    ((await http.post('/api/agreements').set(owner.auth).send({ kind, title, body: `${title} at {{practice}}.` }).expect(201)).body as AgreementDetail).id;
  const [agreementId, policyId] = [await agreement('other', `${label} fees`), await agreement('confidentiality', `${label} privacy`)];
  const { caseId, alex, sam } = await openCoupleWithLinks(http, owner, clinician.id, undefined, {
    confidentialityPolicyId: policyId,
    agreementIds: ['builtin:informed-consent', agreementId],
  });
  await signAgreement(http, alex, agreementId, text.alexSignedName);
  const signed = (await http.get(`/api/cases/${caseId}/agreements`).set(owner.auth).expect(200)).body as CaseAgreements;
  const signatureId = signed.agreements.find((candidate) => candidate.agreementId === agreementId)?.signers[0].signature?.id;
  if (!signatureId) throw new Error('the signature was not kept');
  await http.patch(`/api/cases/${caseId}`).set(as).send({ presentingConcern: text.presentingConcern }).expect(200);

  const session = (
    await http.post(`/api/cases/${caseId}/sessions`).set(as).send({ startsAt: `${today()}T09:00:00Z`, durationMinutes: 50, modality: 'video' }).expect(201)
  ).body as TherapySession;
  await http.patch(`/api/sessions/${session.id}`).set(as).send({ status: 'completed' }).expect(200);
  const note = `/api/sessions/${session.id}/note`;
  await http.put(note).set(as).send({ template: 'free', sections: { body: text.note }, version: 0 }).expect(200);
  await http.post(`${note}/sign`).set(as).expect(200);
  const amended = (await http.post(`${note}/addenda`).set(as).send({ body: text.addendum }).expect(201)).body as SessionNote;
  if (amended.addenda.length !== 1) throw new Error('the addendum was not kept');

  const event = (
    await http.post(`/api/cases/${caseId}/events`).set(as).send({ kind: 'breach', occurredOn: '2026-01-05', title: text.eventTitle, details: text.eventDetails }).expect(201)
  ).body as CaseEvent;

  const template = (await http.post('/api/exercises').set(as).send(walkTemplate(text.clinicianNotes)).expect(201)).body as ExerciseDetail;
  const assign = async (participantId: string) =>
    ((await http.post(`/api/cases/${caseId}/assignments`).set(as).send({ exerciseId: template.id, assignTo: 'participant', participantId, dueOn: inDays(7) }).expect(201)).body as Assignment[])[0];
  const [forAlex, forSam] = [await assign(alex.id), await assign(sam.id)];
  const submit = async (person: PortalPerson, assignmentId: string, moment: string, shared: boolean) =>
    ((await http.post(`/api/portal/assignments/${assignmentId}/submissions`).set(person.auth).send(walkAnswers(moment, shared)).expect(201)).body as PortalSubmission).id;
  const submissionIds = [await submit(alex, forAlex.id, text.alexPrivateAnswer, false), await submit(sam, forSam.id, text.samSharedAnswer, true)];

  const checkIn = async (person: PortalPerson, note: string) =>
    ((await http.post('/api/portal/check-ins').set(person.auth).send({ ...ratings, note }).expect(201)).body as { id: string }).id;
  const checkInIds = [await checkIn(alex, text.alexCheckIn), await checkIn(sam, text.samCheckIn)];

  await http.post('/api/portal/safety-reports').set(alex.auth).send({ message: text.safetyReport, urgency: 'urgent' }).expect(201);
  const [report] = (await http.get(`/api/cases/${caseId}/safety-reports`).set(as).expect(200)).body as SafetyReport[];
  const alerts = (await http.get(`/api/cases/${caseId}/alerts`).set(as).expect(200)).body as CaseAlert[];
  const alert = alerts.find((candidate) => candidate.safetyReportId === report.id);
  if (!alert) throw new Error('the safety report raised no alert');
  const billing = await fillBilling(http, owner, caseId, alex.id, sam.id);

  return {
    practiceId: owner.tokens.user.practice.id,
    owner,
    caseId,
    alex,
    sam,
    sessionId: session.id,
    eventId: event.id,
    templateId: template.id,
    alexAssignmentId: forAlex.id,
    samAssignmentId: forSam.id,
    submissionIds,
    checkInIds,
    safetyReportId: report.id,
    alertId: alert.id,
    agreementId,
    policyId,
    signatureId,
    billing,
    text,
  };
}

/** Practice 1: owner, two clinicians (A on the cases, B not), an assistant, and a full clinical record. */
export async function openMainPractice(http: TestAgent): Promise<MainPractice> {
  const owner = await registerPractice(http, 'Boundary Practice');
  const member = async (role: 'clinician' | 'assistant') => {
    const added = await addTeamMember(http, owner, role);
    return { id: added.member.id, signedIn: added.signedIn };
  };
  const clinicianA = await member('clinician');
  const clinicianB = await member('clinician');
  const assistant = await member('assistant');
  const former = await member('clinician');
  await http.patch(`/api/users/${former.id}`).set(owner.auth).send({ active: false }).expect(200);
  const records = await fillPractice(http, owner, clinicianA, 'P1');

  const other = await openCoupleWithLinks(http, owner, clinicianA.id);
  const [otherAssignment] = (
    await http
      .post(`/api/cases/${other.caseId}/assignments`)
      .set(clinicianA.signedIn.auth)
      .send({ exerciseId: records.templateId, assignTo: 'participant', participantId: other.alex.id, dueOn: inDays(7) })
      .expect(201)
  ).body as Assignment[];
  await http.delete(`/api/cases/${other.caseId}/participants/${other.sam.id}/portal-link`).set(owner.auth).expect(204);

  return {
    ...records,
    clinicianA,
    clinicianB,
    assistant,
    otherCase: { caseId: other.caseId, alex: other.alex, sam: other.sam, assignmentId: otherAssignment.id },
    revokedPortalToken: other.sam.token,
    formerColleagueToken: former.signedIn.tokens.accessToken,
  };
}

/** Practice 2: its own owner, who is also the clinician of its own couple. */
export async function openOtherPractice(http: TestAgent): Promise<PracticeRecords> {
  const owner = await registerPractice(http, 'Elsewhere Counselling');
  return fillPractice(http, owner, { id: owner.tokens.user.id, signedIn: owner }, 'P2');
}

/** Every id a practice's responses may name, for scanning another practice's responses. */
export function idsOf(records: PracticeRecords): string[] {
  return [
    records.practiceId,
    records.owner.tokens.user.id,
    records.caseId,
    records.alex.id,
    records.sam.id,
    records.sessionId,
    records.eventId,
    records.templateId,
    records.alexAssignmentId,
    records.samAssignmentId,
    ...records.submissionIds,
    ...records.checkInIds,
    records.safetyReportId,
    records.alertId,
    records.agreementId,
    records.policyId,
    records.signatureId,
    ...Object.values(records.billing),
  ];
}

/** Ids of the records that belong to a case (not to the practice as a whole). */
export function caseRecordIdsOf(practice: MainPractice): string[] {
  const practiceWide = new Set([practice.practiceId, practice.owner.tokens.user.id, practice.templateId, practice.agreementId, practice.policyId, practice.billing.serviceId]);
  return [
    ...idsOf(practice).filter((id) => !practiceWide.has(id)),
    practice.otherCase.caseId,
    practice.otherCase.alex.id,
    practice.otherCase.sam.id,
    practice.otherCase.assignmentId,
  ];
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Access tokens a careful API refuses, built from a real one: expired, signature altered,
 * signed with another secret, unsigned (alg none), and a genuine signature over claims that
 * name a user in a practice that is not theirs.
 */
export async function forgedAccessTokens(valid: string, secret: string, otherPracticeId: string): Promise<Record<string, string>> {
  const [header, payload, signature] = valid.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string; pid: string };
  const now = Math.floor(Date.now() / 1000);
  const withSecret = new JwtService({ secret });
  const flipped = signature[3] === 'A' ? 'B' : 'A';
  return {
    'an expired JWT': await withSecret.signAsync({ sub: claims.sub, pid: claims.pid, iat: now - 7200, exp: now - 3600 }),
    'a JWT with an altered signature': `${header}.${payload}.${signature.slice(0, 3)}${flipped}${signature.slice(4)}`,
    'a JWT signed with another secret': await new JwtService({ secret: randomBytes(48).toString('base64url') }).signAsync({ sub: claims.sub, pid: claims.pid }),
    'an unsigned JWT (alg none)': `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: claims.sub, pid: claims.pid, iat: now, exp: now + 600 })}.`,
    'a JWT naming another practice': await withSecret.signAsync({ sub: claims.sub, pid: otherPracticeId }),
    'a JWT of an unknown user': await withSecret.signAsync({ sub: randomUUID(), pid: claims.pid }),
  };
}
