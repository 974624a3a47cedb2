import { randomUUID } from 'node:crypto';
import {
  caseRecordIdsOf,
  fillPath,
  forgedAccessTokens,
  idsOf,
  openMainPractice,
  openOtherPractice,
  ratings,
  routesOf,
  walkAnswers,
  walkTemplate,
  type ClinicalText,
  type MainPractice,
  type PracticeRecords,
  type Route,
} from './boundary-probes';
import { useTestApp, TEST_PASSWORD, uniqueEmail, type PortalPerson, type TestApp } from './test-app';

/**
 * The boundary matrix: every route of the OpenAPI document, probed as every kind of caller
 * who must be turned away, with the ids of real records, and every answer an allowed
 * caller reads scanned for what they must not see. A new route is probed without anyone
 * remembering to; it only has to be given a line in ROUTES (its path parameters a line in
 * RECORD_PARAMS or PORTAL_RECORDS, its id fields a line in REFERENCE_FIELDS), or this file
 * fails and names what is missing.
 */

type Outcome = 'allowed' | 403;

type RouteRule =
  /** No sign-in at all (sign-in itself, health). */
  | { access: 'public' }
  /** A participant's portal: the link token only. */
  | { access: 'portal'; body?: Body; query?: Record<string, string> }
  /** The dashboard: an access token, then role, then case assignment. Owners may do everything. */
  | { access: 'team'; assistant: Outcome; clinician: Outcome; body?: Body; query?: Query; queryNamesCase?: boolean };

/** An example body valid enough to pass validation, so the probe reaches the authorisation check. */
type Body = (practice: MainPractice) => object;
/** Query parameters; a function when they name one of practice 1's records. */
type Query = Record<string, string> | ((practice: MainPractice) => Record<string, string>);

const team = (assistant: Outcome, clinician: Outcome, extra: { body?: Body; query?: Query; queryNamesCase?: boolean } = {}): RouteRule => ({
  access: 'team',
  assistant,
  clinician,
  ...extra,
});
const everyRole = (extra?: { body?: Body; query?: Query; queryNamesCase?: boolean }) => team('allowed', 'allowed', extra);
const clinical = (body?: Body) => team(403, 'allowed', { body });
const ownerOnly = (body?: Body) => team(403, 403, { body });
const empty: Body = () => ({});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** `billing:manage`: the owner and the assistant. */
const billing = (body?: Body, query?: Query) => team('allowed', 403, { body, query });
/** A statement's or superbill's period: the last month. */
const period = { from: day(-30), to: day(0) };

/** What each route answers each role today (see DESIGN.md "Domain" and the feature specs). */
const ROUTES: Record<string, RouteRule> = {
  'POST /api/auth/register': { access: 'public' },
  'POST /api/auth/login': { access: 'public' },
  // The code step of a sign-in with two-factor; the refresh cookie stands in for a sign-in.
  'POST /api/auth/login/two-factor': { access: 'public' },
  'POST /api/auth/refresh': { access: 'public' },
  'GET /api/health': { access: 'public' },
  // An e-mailed link is opened without a sign-in, perhaps on another device; "Forgot password?" has none.
  'POST /api/auth/email-confirmation': { access: 'public' },
  'POST /api/auth/password-reset': { access: 'public' },
  'POST /api/auth/password-reset/complete': { access: 'public' },

  'GET /api/me': everyRole(),
  'POST /api/auth/logout': everyRole({ body: empty }),
  'POST /api/me/step-up': everyRole({ body: () => ({ password: 'not the password' }) }),
  // Each person's own signed-in devices (the probes' ids name therapy sessions, which are no one's sign-in: 404).
  'GET /api/me/sessions': everyRole(),
  'DELETE /api/me/sessions/{id}': everyRole(),
  'POST /api/me/sessions/sign-out-others': everyRole({ body: empty }),
  // Each person's own calendar feed; the feed itself opens with its secret address alone.
  'GET /api/me/calendar-feed': everyRole(),
  'PUT /api/me/calendar-feed': everyRole({ body: () => ({ includeVideoLinks: false }) }),
  'DELETE /api/me/calendar-feed': everyRole(),
  'GET /api/calendar-feeds/{file}': { access: 'public' },
  'POST /api/users/{id}/sign-out': ownerOnly(empty),
  'PATCH /api/me': everyRole({ body: () => ({ weeklyDigest: false }) }),
  'GET /api/users': everyRole(),
  'POST /api/users': ownerOnly(() => ({ name: 'A colleague', email: uniqueEmail('probe'), role: 'clinician', temporaryPassword: TEST_PASSWORD })),
  'PATCH /api/users/{id}': ownerOnly(() => ({ role: 'assistant' })),
  // Each person's own two-factor; only the owner resets a colleague's.
  'GET /api/me/two-factor': everyRole(),
  'POST /api/me/two-factor/enrolment': everyRole({ body: empty }),
  'POST /api/me/two-factor': everyRole({ body: () => ({ code: '000000' }) }),
  'POST /api/me/two-factor/recovery-codes': everyRole({ body: () => ({ code: '000000' }) }),
  'POST /api/me/two-factor/disable': everyRole({ body: () => ({ code: '000000' }) }),
  'DELETE /api/users/{id}/two-factor': ownerOnly(),
  // Each person's own password and address.
  'POST /api/me/password': everyRole(),
  'POST /api/me/email': everyRole(),
  'GET /api/practice': everyRole(),
  'PATCH /api/practice': ownerOnly(() => ({ name: 'Renamed by a probe' })),
  'GET /api/audit-events': ownerOnly(),
  'GET /api/audit-events/verify': ownerOnly(),

  'GET /api/cases': everyRole(),
  'POST /api/cases': clinical(() => ({
    relationshipType: 'couple',
    participants: [
      { displayName: 'Probe One', breachRole: 'broke-trust' },
      { displayName: 'Probe Two', breachRole: 'was-hurt' },
    ],
  })),
  // An intake opens a case, assigns homework and makes portal links: clinical work, as each step is on its own.
  'POST /api/intakes': clinical((practice) => ({
    relationshipType: 'couple',
    participants: [
      { displayName: 'Probe One', breachRole: 'broke-trust' },
      { linkTo: practice.alex.id, breachRole: 'was-hurt' },
    ],
    exercises: [{ exerciseId: practice.templateId, assignTo: 'each', dueOn: day(7) }],
    createPortalLinks: true,
  })),
  'POST /api/intakes/check': clinical(() => ({ emails: ['probe@example.test'] })),
  'GET /api/cases/{id}': everyRole(),
  // Assistants may change contact details only; a phase change is clinical.
  'PATCH /api/cases/{id}': clinical(() => ({ phase: 4 })),
  'GET /api/cases/{id}/events': clinical(),
  'POST /api/cases/{id}/events': clinical(() => ({ kind: 'setback', occurredOn: '2026-02-01', title: 'Written by a probe' })),
  'GET /api/cases/{id}/export': clinical(),
  'GET /api/cases/{id}/progress': clinical(),
  'GET /api/cases/{id}/check-ins': clinical(),
  'GET /api/cases/{id}/safety-reports': clinical(),
  'POST /api/safety-reports/{id}/acknowledge': clinical(empty),
  'GET /api/cases/{id}/alerts': clinical(),
  'POST /api/alerts/{id}/acknowledge': clinical(() => ({ note: 'Called them back.' })),

  // Scheduling is the assistant's work too; the note is not.
  'GET /api/sessions': everyRole({ query: { from: `${day(-7)}T00:00:00Z`, to: `${day(7)}T00:00:00Z` } }),
  // Everyone has a Home; an assistant's holds no alerts or notes (the API leaves them out).
  'GET /api/attention': everyRole(),
  'GET /api/cases/{id}/sessions': everyRole(),
  'POST /api/cases/{id}/sessions': everyRole({ body: () => ({ startsAt: `${day(3)}T10:00:00Z`, durationMinutes: 50, modality: 'in-person' }) }),
  'PATCH /api/sessions/{id}': everyRole({ body: () => ({ durationMinutes: 60 }) }),
  'POST /api/sessions/{id}/cancel': everyRole({ body: empty }),
  // The case is named in the query: a clinician not on it, or another practice, gets 404.
  'GET /api/sessions/clashes': everyRole({ query: (p) => ({ caseId: p.caseId, startsAt: `${day(3)}T10:00:00Z`, durationMinutes: '50' }), queryNamesCase: true }),
  'GET /api/sessions/{id}/note': clinical(),
  'PUT /api/sessions/{id}/note': clinical(() => ({ template: 'free', sections: { body: 'Written by a probe' }, version: 1 })),
  'POST /api/sessions/{id}/note/sign': clinical(empty),
  'POST /api/sessions/{id}/note/addenda': clinical(() => ({ body: 'Written by a probe' })),
  'GET /api/sessions/{id}/brief': clinical(),

  // Assistants list and revoke links (contact work) but never create one.
  'GET /api/cases/{id}/portal-links': everyRole(),
  'POST /api/cases/{id}/participants/{pid}/portal-link': clinical(empty),
  'DELETE /api/cases/{id}/participants/{pid}/portal-link': everyRole({ body: empty }),

  // The library is no one's record: every role reads it, only clinical roles change it.
  'GET /api/exercises': everyRole(),
  'POST /api/exercises': clinical(() => walkTemplate('Written by a probe')),
  'GET /api/exercises/{id}': everyRole(),
  'GET /api/exercises/{id}/versions/{version}': everyRole(),
  'PATCH /api/exercises/{id}': clinical(() => ({ minutes: 5 })),
  'POST /api/exercises/{id}/duplicate': clinical(empty),
  'POST /api/exercises/{id}/archive': clinical(empty),
  'POST /api/exercises/{id}/unarchive': clinical(empty),
  // A library leaves the practice or changes it as a whole: the roles that may change it.
  'GET /api/exercises/export': clinical(),
  'POST /api/exercises/import': clinical(() => ({ format: 'trustwork.exercise-library', formatVersion: 1, exercises: [{ key: 'walk', ...walkTemplate('Written by a probe') }] })),
  'GET /api/measures': everyRole(),

  'GET /api/cases/{id}/assignments': clinical(),
  'POST /api/cases/{id}/assignments': clinical((practice) => ({ exerciseId: practice.templateId, assignTo: 'participant', participantId: practice.alex.id, dueOn: day(7) })),
  'PATCH /api/assignments/{id}': clinical(() => ({ status: 'paused' })),
  'GET /api/assignments/{id}/submissions': clinical(),

  // The agreement library is no one's record: every role reads it, owners write it. Who signed what
  // is paperwork (assistants too, and reminders); choosing what a case's people sign is clinical.
  'GET /api/agreements': everyRole(),
  'GET /api/agreements/{id}': everyRole(),
  'POST /api/agreements': ownerOnly(() => ({ kind: 'other', title: 'Written by a probe', body: 'Text.' })),
  'PATCH /api/agreements/{id}': ownerOnly(() => ({ archived: false })),
  'GET /api/cases/{id}/agreements': everyRole(),
  'PUT /api/cases/{id}/confidentiality-policy': clinical(() => ({ agreementId: 'builtin:kept-private', reason: 'Written by a probe' })),
  'PUT /api/cases/{id}/agreements': clinical(() => ({ agreementIds: ['builtin:informed-consent'] })),
  'POST /api/cases/{id}/agreements/reminders': everyRole({ body: empty }),
  'GET /api/cases/{id}/agreements/signatures/{signatureId}/pdf': everyRole(),

  // Billing is the owner's and the assistant's work; a clinician enters the diagnosis codes a superbill prints.
  'GET /api/billing/settings': billing(),
  'PATCH /api/billing/settings': billing(() => ({ paymentTermsDays: 30 })),
  'GET /api/billing/services': billing(),
  'POST /api/billing/services': billing(() => ({ name: 'Written by a probe', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 100 })),
  'PATCH /api/billing/services/{id}': billing(() => ({ fee: 100 })),
  'GET /api/billing/clinicians': billing(),
  'PUT /api/billing/clinicians/{id}': billing(() => ({ licence: 'Written by a probe', npi: null })),
  'GET /api/cases/{id}/billing': billing(),
  'PUT /api/cases/{id}/billing': billing((p) => ({ arrangement: 'one-person', payerParticipantId: p.alex.id })),
  'GET /api/cases/{id}/charges': billing(),
  'POST /api/cases/{id}/charges': billing((p) => ({ kind: 'manual', payerId: p.billing.alexPayerId, description: 'Written by a probe', serviceDate: day(0), amount: 100, reason: 'Probe' })),
  'PATCH /api/charges/{id}': billing(() => ({ description: 'Written by a probe' })),
  'DELETE /api/charges/{id}': billing(),
  'GET /api/participants/{pid}/diagnoses': everyRole(),
  'PUT /api/participants/{pid}/diagnoses': clinical(() => ({ codes: [{ code: 'Z63.0', description: 'Written by a probe' }] })),
  'GET /api/cases/{id}/invoices': billing(),
  'POST /api/cases/{id}/invoices': billing((p) => ({ payerId: p.billing.alexPayerId })),
  'GET /api/invoices/{id}': billing(),
  'PATCH /api/invoices/{id}': billing((p) => ({ chargeIds: [p.billing.chargeId] })),
  'DELETE /api/invoices/{id}': billing(),
  'POST /api/invoices/{id}/issue': billing(empty),
  'POST /api/invoices/{id}/email': billing(empty),
  'GET /api/invoices/{id}/pdf': billing(),
  'POST /api/invoices/{id}/credit-notes': billing(() => ({ reason: 'Written by a probe' })),
  'GET /api/cases/{id}/payments': billing(),
  'POST /api/cases/{id}/payments': billing((p) => ({ payerId: p.billing.alexPayerId, method: 'cash', amount: 100, receivedOn: day(0) })),
  'POST /api/payments/{id}/refunds': billing(() => ({ amount: 1, refundedOn: day(0), reason: 'Written by a probe' })),
  'GET /api/payers/{id}/statement': billing(undefined, period),
  'GET /api/payers/{id}/statement.pdf': billing(undefined, period),
  'GET /api/participants/{pid}/superbill': billing(undefined, period),
  'GET /api/participants/{pid}/superbill.pdf': billing(undefined, period),
  'GET /api/billing/aging': billing(),
  'GET /api/billing/aging.csv': billing(),
  'GET /api/billing/invoices': billing(),

  'GET /api/portal/me': { access: 'portal' },
  'GET /api/portal/assignments': { access: 'portal' },
  'POST /api/portal/assignments/{id}/submissions': { access: 'portal', body: () => walkAnswers('Written by a probe', false) },
  'GET /api/portal/shared': { access: 'portal' },
  'GET /api/portal/check-ins': { access: 'portal' },
  'POST /api/portal/check-ins': { access: 'portal', body: () => ratings },
  'POST /api/portal/safety-reports': { access: 'portal', body: () => ({ message: 'Written by a probe', urgency: 'concern' }) },
  'PUT /api/portal/reminders': { access: 'portal', body: () => ({ homework: false }) },
  'GET /api/portal/agreements': { access: 'portal' },
  'GET /api/portal/agreements/{agreementId}': { access: 'portal' },
  'POST /api/portal/agreements/{agreementId}/signature': { access: 'portal', body: () => ({ version: 1, documentHash: '0'.repeat(64), typedName: 'A probe', intendToSign: true }) },
  'GET /api/portal/agreements/{agreementId}/pdf': { access: 'portal' },
  'GET /api/portal/sessions': { access: 'portal' },
  'POST /api/portal/sessions/{id}/confirm': { access: 'portal' },
  'POST /api/portal/sessions/{id}/cancel': { access: 'portal', body: empty },
  'GET /api/portal/billing': { access: 'portal' },
  'GET /api/portal/billing/invoices/{id}/pdf': { access: 'portal' },
  'GET /api/portal/billing/statement.pdf': { access: 'portal', query: period },
  'GET /api/portal/billing/superbill.pdf': { access: 'portal', query: period },
};

/**
 * Path parameters that name a record: which of practice 1's records to aim at, and whether
 * the record belongs to a case (so a clinician not on the case must get 404).
 */
const RECORD_PARAMS: Record<string, { caseRecord: boolean; ids: (practice: MainPractice, filling: Record<string, string>) => string[] }> = {
  'cases/{id}': { caseRecord: true, ids: (p) => [p.caseId, p.otherCase.caseId] },
  'participants/{pid}': { caseRecord: true, ids: (p) => [p.alex.id, p.sam.id] },
  'sessions/{id}': { caseRecord: true, ids: (p) => [p.sessionId] },
  'assignments/{id}': { caseRecord: true, ids: (p) => [p.alexAssignmentId, p.samAssignmentId] },
  'alerts/{id}': { caseRecord: true, ids: (p) => [p.alertId] },
  'safety-reports/{id}': { caseRecord: true, ids: (p) => [p.safetyReportId] },
  'exercises/{id}': { caseRecord: false, ids: (p) => [p.templateId] },
  'users/{id}': { caseRecord: false, ids: (p) => [p.clinicianA.id] },
  'agreements/{id}': { caseRecord: false, ids: (p) => [p.agreementId, p.policyId] },
  // A signature is named under its own case only (under another, it is another case's: 404).
  'signatures/{signatureId}': { caseRecord: true, ids: (p, filling) => (filling.id === p.caseId ? [p.signatureId] : []) },
  'agreements/{agreementId}': { caseRecord: true, ids: (p) => [p.agreementId] },
  'services/{id}': { caseRecord: false, ids: (p) => [p.billing.serviceId] },
  'clinicians/{id}': { caseRecord: false, ids: (p) => [p.clinicianA.id] },
  'charges/{id}': { caseRecord: true, ids: (p) => [p.billing.chargeId] },
  'invoices/{id}': { caseRecord: true, ids: (p) => [p.billing.draftInvoiceId, p.billing.issuedInvoiceId] },
  'payments/{id}': { caseRecord: true, ids: (p) => [p.billing.paymentId] },
  'payers/{id}': { caseRecord: true, ids: (p) => [p.billing.alexPayerId] },
  // A feed is named by its secret, not an id: calendar-feeds.int-spec.ts probes replaced, revoked and other practices' addresses.
  'calendar-feeds/{file}': { caseRecord: false, ids: () => [] },
};
/** Path parameters that are not records. */
const VALUE_PARAMS: Record<string, string> = { 'versions/{version}': '1' };

/** Records a portal route may name by id, with whose they are: a link reaches only its own. */
const PORTAL_RECORDS: Record<string, (main: MainPractice, other: PracticeRecords) => { id: string; participantId: string }[]> = {
  'assignments/{id}': (main, other) => [
    { id: main.alexAssignmentId, participantId: main.alex.id },
    { id: main.samAssignmentId, participantId: main.sam.id },
    { id: main.otherCase.assignmentId, participantId: main.otherCase.alex.id },
    { id: other.alexAssignmentId, participantId: other.alex.id },
    { id: other.samAssignmentId, participantId: other.sam.id },
  ],
  // Every agreement of a case is for both its people; any other is no one's here.
  'agreements/{agreementId}': (main, other) => [
    { id: other.agreementId, participantId: other.alex.id },
    { id: 'builtin:telehealth', participantId: '' },
  ],
  // Practice 2's session is its two people's; practice 1's people never reach it.
  'sessions/{id}': (_main, other) => [{ id: other.sessionId, participantId: other.alex.id }],
  // A person's own issued invoices only: a draft, even of their own, is no one's yet.
  'invoices/{id}': (main, other) => [
    { id: main.billing.issuedInvoiceId, participantId: main.alex.id },
    { id: main.billing.samInvoiceId, participantId: main.sam.id },
    { id: main.billing.draftInvoiceId, participantId: '' },
    { id: other.billing.issuedInvoiceId, participantId: other.alex.id },
    { id: other.billing.samInvoiceId, participantId: other.sam.id },
  ],
};

/**
 * Body and query fields that name a record. `foreign`: ids no caller of practice 1 may
 * reach through the field (another case's participant, another practice's records).
 * `offCaseload`: ids of practice 1 that clinician B (not on the case) must not reach
 * through a query filter.
 */
const REFERENCE_FIELDS: Record<string, { foreign: (main: MainPractice, other: PracticeRecords) => string[]; offCaseload: (main: MainPractice) => string[] }> = {
  participantId: { foreign: (main, other) => [main.otherCase.alex.id, other.alex.id], offCaseload: (main) => [main.alex.id] },
  aboutParticipantId: { foreign: (main, other) => [main.otherCase.alex.id, other.alex.id], offCaseload: (main) => [main.alex.id] },
  // The export's records request: `?participant=`.
  participant: { foreign: (main, other) => [main.otherCase.alex.id, other.alex.id], offCaseload: (main) => [main.alex.id] },
  attendeeIds: { foreign: (main, other) => [main.otherCase.alex.id, other.alex.id], offCaseload: (main) => [main.alex.id] },
  'participants[].id': { foreign: (main, other) => [main.otherCase.alex.id, other.alex.id], offCaseload: (main) => [main.alex.id] },
  clinicianId: { foreign: (_main, other) => [other.owner.tokens.user.id], offCaseload: (main) => [main.clinicianA.id] },
  clinicianIds: { foreign: (_main, other) => [other.owner.tokens.user.id], offCaseload: (main) => [main.clinicianA.id] },
  actorId: { foreign: (_main, other) => [other.owner.tokens.user.id], offCaseload: (main) => [main.clinicianA.id] },
  exerciseId: { foreign: (_main, other) => [other.templateId], offCaseload: (main) => [main.templateId] },
  'exercises[].exerciseId': { foreign: (_main, other) => [other.templateId], offCaseload: (main) => [main.templateId] },
  caseId: { foreign: (_main, other) => [other.caseId], offCaseload: (main) => [main.caseId] },
  excludeSessionId: { foreign: (_main, other) => [other.sessionId], offCaseload: (main) => [main.sessionId] },
  recordId: { foreign: (_main, other) => [other.caseId, other.sessionId], offCaseload: (main) => [main.caseId, main.sessionId] },
  agreementId: { foreign: (_main, other) => [other.policyId], offCaseload: (main) => [main.policyId] },
  agreementIds: { foreign: (_main, other) => [other.agreementId], offCaseload: (main) => [main.agreementId] },
  confidentialityPolicyId: { foreign: (_main, other) => [other.policyId], offCaseload: (main) => [main.policyId] },
  payerParticipantId: { foreign: (main, other) => [main.otherCase.alex.id, other.alex.id], offCaseload: (main) => [main.alex.id] },
  'shares[].participantId': { foreign: (main, other) => [main.otherCase.alex.id, other.alex.id], offCaseload: (main) => [main.alex.id] },
  payerId: { foreign: (_main, other) => [other.billing.alexPayerId], offCaseload: (main) => [main.billing.alexPayerId] },
  chargeIds: { foreign: (_main, other) => [other.billing.chargeId], offCaseload: (main) => [main.billing.chargeId] },
  'lines[].chargeId': { foreign: (_main, other) => [other.billing.chargeId], offCaseload: (main) => [main.billing.chargeId] },
  'allocations[].invoiceId': { foreign: (_main, other) => [other.billing.issuedInvoiceId], offCaseload: (main) => [main.billing.issuedInvoiceId] },
  sessionId: { foreign: (_main, other) => [other.sessionId], offCaseload: (main) => [main.sessionId] },
  serviceId: { foreign: (_main, other) => [other.billing.serviceId], offCaseload: (main) => [main.billing.serviceId] },
  // The practice's tax number: named like an id, but no record.
  taxId: { foreign: () => [], offCaseload: () => [] },
};

/** `body` with `field` (`name` or `list[].name`) set to `id`. */
function withReference(body: object | undefined, reference: Route['references'][number], id: string): object {
  const [list, name] = reference.field.split('[].');
  if (name) return { ...body, [list]: [{ [name]: id }] };
  return { ...body, [reference.field]: reference.array ? [id] : id };
}

interface Caller {
  name: string;
  headers: Record<string, string>;
}

interface Probe {
  route: Route;
  path: string;
  caller: Caller;
  body?: object;
  query?: Record<string, string>;
  /**
   * A refusal status; 'ok' for a 2xx whose body must not contain any of `mustNotShow`;
   * 'refused' for any 4xx (a reference in the body); 'ok-or-refused' for either (in the query).
   */
  expect: 401 | 403 | 404 | 'ok' | 'refused' | 'ok-or-refused';
  /** A write route with no example body: validation may answer 400 first, which is no leak. */
  validationMayAnswer: boolean;
  mustNotShow: string[];
}

const bearer = (token: string): Caller['headers'] => ({ Authorization: `Bearer ${token}` });

/** Everything one role may read about a case's clinical work, as text. */
const clinicalTextOf = (text: ClinicalText) => [
  text.presentingConcern,
  text.note,
  text.addendum,
  text.eventTitle,
  text.eventDetails,
  text.alexPrivateAnswer,
  text.samSharedAnswer,
  text.alexCheckIn,
  text.samCheckIn,
  text.safetyReport,
];
/** What stays with the therapist: no participant's portal shows it. */
const therapistOnlyTextOf = (text: ClinicalText) => [
  text.presentingConcern,
  text.note,
  text.addendum,
  text.eventTitle,
  text.eventDetails,
  text.clinicianNotes,
  text.safetyReport,
];
const everythingOf = (records: PracticeRecords) => [...idsOf(records), ...Object.values(records.text)];

/** `cases/{id}` → `id` */
const nameOf = (param: string) => param.slice(param.indexOf('{') + 1, -1);

/** Each combination of values the route's path parameters take, from `valuesOf(param)`. */
function fillingsOf(route: Route, valuesOf: (param: string, filling: Record<string, string>) => string[]): Record<string, string>[] {
  let fillings: Record<string, string>[] = [{}];
  for (const param of route.params) fillings = fillings.flatMap((filling) => valuesOf(param, filling).map((value) => ({ ...filling, [nameOf(param)]: value })));
  return fillings;
}

/** The route's paths with practice 1's records in each parameter. */
const practiceOneFillings = (route: Route, main: MainPractice) =>
  fillingsOf(route, (param, filling) => (VALUE_PARAMS[param] !== undefined ? [VALUE_PARAMS[param]] : RECORD_PARAMS[param].ids(main, filling)));

async function send(api: Pick<TestApp, 'http'>, probe: Probe) {
  let request = api.http[probe.route.method](probe.path).set(probe.caller.headers);
  if (probe.query) request = request.query(probe.query);
  return probe.route.method === 'get' ? request : request.send(probe.body ?? {});
}

/** The expected answer, or undefined when the caller may make the change (writes are not sent then). */
function expectationFor(route: Route, outcome: Outcome | 404): Probe['expect'] | undefined {
  if (outcome !== 'allowed') return outcome;
  return route.method === 'get' ? 'ok' : undefined;
}

/** What is wrong with the answer to a probe, if anything. */
function leakOf(probe: Probe, response: { status: number; text: string }): string | undefined {
  const where = `${probe.route.method.toUpperCase()} ${probe.path} as ${probe.caller.name}: ${response.status}`;
  const refused = response.status >= 400 && response.status <= 499;
  if (probe.expect === 'refused' || (probe.expect === 'ok-or-refused' && refused)) {
    return refused ? undefined : `${where} (expected 4xx) with ${JSON.stringify(probe.query ?? probe.body)}`;
  }
  if (probe.expect === 'ok' || probe.expect === 'ok-or-refused') {
    if (response.status < 200 || response.status > 299) return `${where} (expected 2xx)`;
    // A file (a signed copy, compressed) has no text to scan; its access is what the probe checks.
    const seen = probe.mustNotShow.filter((text) => (response.text ?? '').includes(text));
    return seen.length > 0 ? `${where} showed ${seen.join(', ')}` : undefined;
  }
  if (response.status === probe.expect || (probe.validationMayAnswer && response.status === 400)) return undefined;
  return `${where} (expected ${probe.expect})`;
}

describe('the boundary matrix of every route', () => {
  const api = useTestApp();

  it('turns away every caller who may not, on every route, and shows no one another practice’s records', async () => {
    const [main, other] = [await openMainPractice(api.http), await openOtherPractice(api.http)];
    const routes = await routesOf(api.http);

    // New routes must be placed in the tables before anything is probed.
    const unmapped = routes.filter((route) => !ROUTES[route.key]).map((route) => route.key);
    expect(unmapped).toEqual([]);
    // The document marks every route that takes a bearer token; the rest must be exactly the public allow-list.
    const publicByDocument = routes.filter((route) => !route.bearer).map((route) => route.key);
    expect(publicByDocument.sort()).toEqual(routes.filter((route) => ROUTES[route.key].access === 'public').map((route) => route.key).sort());
    const unknownParams = routes.flatMap((route) => route.params.filter((param) => !RECORD_PARAMS[param] && VALUE_PARAMS[param] === undefined).map((param) => `${route.key}: ${param}`));
    expect(unknownParams).toEqual([]);
    const unknownPortalParams = routes.flatMap((route) =>
      ROUTES[route.key].access === 'portal' ? route.params.filter((param) => !PORTAL_RECORDS[param]).map((param) => `${route.key}: ${param}`) : [],
    );
    expect(unknownPortalParams).toEqual([]);

    const unknownReferences = routes.flatMap((route) => route.references.filter((reference) => !REFERENCE_FIELDS[reference.field]).map((reference) => `${route.key}: ${reference.field}`));
    expect(unknownReferences).toEqual([]);

    const secret = process.env.TEST_JWT_SECRET;
    if (!secret) throw new Error('TEST_JWT_SECRET is not set: run this file through jest, whose global setup sets it');
    const forged = await forgedAccessTokens(main.owner.tokens.accessToken, secret, other.practiceId);
    const turnedAway: Caller[] = [
      { name: 'no Authorization', headers: {} },
      { name: 'a malformed Authorization', headers: bearer('not-a-token') },
      { name: 'a refresh token', headers: bearer(main.owner.refreshToken) },
      { name: 'a deactivated colleague', headers: bearer(main.formerColleagueToken) },
      { name: 'Basic credentials', headers: { Authorization: `Basic ${Buffer.from(`${main.owner.email}:${TEST_PASSWORD}`).toString('base64')}` } },
      ...Object.entries(forged).map(([name, token]) => ({ name, headers: bearer(token) })),
    ];
    const portalPerson = (name: string, person: PortalPerson, mustNotShow: string[]) => ({ name, headers: person.auth, person, mustNotShow });
    const portalPeople = [
      portalPerson('participant A (practice 1)', main.alex, [...everythingOf(other), ...therapistOnlyTextOf(main.text), main.text.samCheckIn, main.billing.samInvoiceId, main.billing.draftInvoiceId]),
      portalPerson('participant B (practice 1)', main.sam, [
        ...everythingOf(other),
        ...therapistOnlyTextOf(main.text),
        main.text.alexCheckIn,
        main.text.alexPrivateAnswer,
        main.text.alexSignedName,
        main.billing.issuedInvoiceId,
        main.billing.draftInvoiceId,
        main.billing.paymentId,
      ]),
      portalPerson('a participant of practice 2', other.alex, [...everythingOf(main), ...therapistOnlyTextOf(other.text)]),
    ];
    const revokedPortal: Caller = { name: 'a revoked portal link', headers: bearer(main.revokedPortalToken) };

    const practiceTwo = everythingOf(other);
    const ofPracticeOne = [...everythingOf(main), ...caseRecordIdsOf(main)];
    const teamCallers = {
      owner: { name: 'the owner', headers: main.owner.auth, mustNotShow: practiceTwo },
      clinicianA: { name: 'clinician A (on the case)', headers: main.clinicianA.signedIn.auth, mustNotShow: practiceTwo },
      clinicianB: { name: 'clinician B (not on the case)', headers: main.clinicianB.signedIn.auth, mustNotShow: [...practiceTwo, ...caseRecordIdsOf(main), ...clinicalTextOf(main.text)] },
      assistant: { name: 'the assistant', headers: main.assistant.signedIn.auth, mustNotShow: [...practiceTwo, ...clinicalTextOf(main.text)] },
      stranger: { name: 'the owner of practice 2', headers: other.owner.auth, mustNotShow: ofPracticeOne },
    };

    const probes: Probe[] = [];
    for (const route of routes) {
      const rule = ROUTES[route.key];
      const body = rule.access !== 'public' ? rule.body?.(main) : undefined;
      const query = rule.access !== 'public' ? (typeof rule.query === 'function' ? rule.query(main) : rule.query) : undefined;
      const queryNamesCase = rule.access === 'team' && rule.queryNamesCase === true;
      const validationMayAnswer = route.method !== 'get' && !body;
      const probe = (path: string, caller: Caller, expected: Probe['expect'] | undefined, mustNotShow: string[] = [], withBody = body, withQuery = query) => {
        if (expected !== undefined) probes.push({ route, path, caller, body: withBody, query: withQuery, expect: expected, validationMayAnswer, mustNotShow });
      };
      const names = route.params.filter((param) => RECORD_PARAMS[param]);
      const namesARecord = names.length > 0 || queryNamesCase;
      const namesACaseRecord = names.some((param) => RECORD_PARAMS[param].caseRecord) || queryNamesCase;

      const fillings = practiceOneFillings(route, main);
      for (const path of fillings.map((filling) => fillPath(route.path, filling))) {
        if (rule.access === 'public') {
          if (route.method === 'get') probe(path, turnedAway[0], 'ok', ofPracticeOne);
          continue;
        }
        for (const caller of turnedAway) probe(path, caller, 401);
        if (rule.access === 'portal') {
          // A dashboard sign-in is not a portal link, and a revoked link is no link.
          for (const caller of [teamCallers.owner, teamCallers.assistant, revokedPortal]) probe(path, caller, 401);
          if (!namesARecord) for (const person of portalPeople) probe(path, person, expectationFor(route, 'allowed'), person.mustNotShow);
          continue;
        }
        for (const person of [...portalPeople, revokedPortal]) probe(path, person, 401);
        const { owner, clinicianA, clinicianB, assistant, stranger } = teamCallers;
        probe(path, owner, expectationFor(route, 'allowed'), owner.mustNotShow);
        probe(path, clinicianA, expectationFor(route, rule.clinician), clinicianA.mustNotShow);
        const forClinicianB = rule.clinician === 403 ? 403 : namesACaseRecord ? 404 : 'allowed';
        probe(path, clinicianB, expectationFor(route, forClinicianB), clinicianB.mustNotShow);
        probe(path, assistant, expectationFor(route, rule.assistant), assistant.mustNotShow);
        probe(path, stranger, expectationFor(route, namesARecord ? 404 : 'allowed'), stranger.mustNotShow);
      }

      // A portal link names only its own participant's records: anyone else's is 404.
      if (rule.access === 'portal' && route.params.length > 0) {
        for (const person of portalPeople) {
          const notTheirs = (param: string) =>
            PORTAL_RECORDS[param](main, other)
              .filter((record) => record.participantId !== person.person.id)
              .map((record) => record.id);
          for (const filling of fillingsOf(route, notTheirs)) probe(fillPath(route.path, filling), person, 404);
        }
      }

      // A record named in the body or query, by a caller who may use the route: only their own practice's and case's.
      if (rule.access !== 'public') {
        const path = fillPath(route.path, fillings[0]);
        const caller = rule.access === 'portal' ? portalPeople[0] : teamCallers.owner;
        const clinicianBMayUse = rule.access === 'team' && rule.clinician === 'allowed' && !namesACaseRecord;
        for (const reference of route.references) {
          const field = REFERENCE_FIELDS[reference.field];
          if (reference.in === 'body') {
            for (const id of field.foreign(main, other)) probe(path, caller, 'refused', [], withReference(body, reference, id));
            continue;
          }
          for (const id of field.foreign(main, other)) probe(path, caller, 'ok-or-refused', [id, ...caller.mustNotShow], body, { ...query, [reference.field]: id });
          if (clinicianBMayUse) {
            const { clinicianB } = teamCallers;
            for (const id of field.offCaseload(main)) probe(path, clinicianB, 'ok-or-refused', clinicianB.mustNotShow, body, { ...query, [reference.field]: id });
          }
        }
      }

      // An id that is malformed or names nothing is simply not found, on every route, never a 500.
      if (rule.access !== 'public') {
        const caller = rule.access === 'portal' ? portalPeople[0] : teamCallers.owner;
        for (const param of route.params.filter((candidate) => RECORD_PARAMS[candidate])) {
          for (const missing of ['not-an-id', randomUUID()]) probe(fillPath(route.path, { ...fillings[0], [nameOf(param)]: missing }), caller, 404);
        }
      }
    }

    const leaks: string[] = [];
    const concurrency = 8;
    for (let start = 0; start < probes.length; start += concurrency) {
      const chunk = probes.slice(start, start + concurrency);
      const responses = await Promise.all(chunk.map((probe) => send(api, probe)));
      chunk.forEach((probe, index) => {
        const leak = leakOf(probe, responses[index]);
        if (leak) leaks.push(leak);
      });
    }

    process.stdout.write(`boundary probes: ${probes.length} made, ${leaks.length} leaked\n`);
    expect(leaks).toEqual([]);
    expect(probes.length).toBeGreaterThanOrEqual(1000);
    // Some 1,600 probes take close to jest's default 30 s on a busy two-core machine.
  }, 120_000);
});
