import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  REFRESH_COOKIE_NAME,
  REFRESH_REQUEST_HEADER,
  TOTP_PERIOD_SECONDS,
  type AuthTokens,
  type BreachRole,
  type CaseDetail,
  type CreateCaseRequest,
  type CurrentUser,
  type PortalAgreementDocument,
  type PortalLinkCreated,
  type PortalSignature,
  type RecoveryCodes,
  type Role,
  type TeamMember,
  type TwoFactorEnrolment,
} from '@trustwork/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { generateSync } from 'otplib';
import request, { type Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../src/app-factory';
export { answersFor } from '../src/database/demo-caseload';
import { loadAppConfig } from '../src/config/app-config';
import { appDatabaseUrl, ownerDatabaseUrl } from './test-database';
import { TEST_PASSWORD } from './test-secrets';

export { TEST_PASSWORD };
/** The password a member added by `addTeamMember` chooses at first sign-in (it holds TEST_PASSWORD, so the log scan finds it too). */
export const MEMBER_PASSWORD = `${TEST_PASSWORD} of my own`;

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  close(): Promise<void>;
}

/** One notes key per test file, so every app a file starts reads the same notes. */
const TEST_NOTES_ENCRYPTION_KEY = `test:${randomBytes(32).toString('base64')}`;

/** The whole API over real HTTP, on the run's PostgreSQL, as the unprivileged role. */
export async function startTestApp(environment: Record<string, string> = {}): Promise<TestApp> {
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: ownerDatabaseUrl(),
    DATABASE_APP_URL: environment.DATABASE_APP_URL ?? appDatabaseUrl(),
    JWT_SECRET: process.env.TEST_JWT_SECRET,
    NOTES_ENCRYPTION_KEY: TEST_NOTES_ENCRYPTION_KEY,
    TRUST_PROXY: 'true',
    // The global setup names a run-wide log file; the teardown scans it for secrets.
    ...(process.env.TEST_LOG_FILE ? { LOG_LEVEL: 'debug', LOG_FILE: process.env.TEST_LOG_FILE } : { LOG_LEVEL: 'silent' }),
    DATABASE_POOL_SIZE: '4',
    ...environment,
  });
  const app = await createApp(config, config.database.appUrl ?? appDatabaseUrl());
  await app.getHttpAdapter().getInstance().ready();
  return { app, http: request(app.getHttpServer()) as unknown as TestAgent, close: () => app.close() };
}

/** Limits high enough that no test trips them unless it sets its own. */
const TEST_LIMITS = {
  LOGIN_LIMIT_PER_EMAIL: '10000',
  LOGIN_LIMIT_PER_ADDRESS: '10000',
  PORTAL_LIMIT_PER_LINK: '10000',
  PORTAL_LIMIT_PER_ADDRESS: '10000',
};

/**
 * One app for the enclosing `describe` (or file): started in a `beforeAll`, closed in an
 * `afterAll`, with test limits unless `environment` sets others. Pass a function when the
 * environment is known only once earlier `beforeAll`s have run (a scratch database).
 */
export function useTestApp(environment: Record<string, string> | (() => Record<string, string>) = {}): Omit<TestApp, 'close'> {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp({ ...TEST_LIMITS, ...(typeof environment === 'function' ? environment() : environment) });
  });
  afterAll(() => started?.close());
  const current = () => {
    if (!started) throw new Error('The test app starts in beforeAll: use it inside hooks and tests.');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get http() {
      return current().http;
    },
  };
}


export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@Example.test`;
}

export interface SignedIn {
  tokens: AuthTokens;
  auth: { Authorization: string };
  email: string;
  /** The refresh token, which the API sets only as its HttpOnly cookie. */
  refreshToken: string;
}

/** The refresh token a sign-in (or refresh) set as its cookie. */
export function refreshTokenOf(response: Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((candidate) => candidate.startsWith(`${REFRESH_COOKIE_NAME}=`));
  if (!cookie) throw new Error(`No ${REFRESH_COOKIE_NAME} cookie was set`);
  return cookie.slice(REFRESH_COOKIE_NAME.length + 1).split(';')[0];
}

/** A refresh as the dashboard sends it: the cookie, and the header no cross-site request can send. */
export function refreshWith(http: TestAgent, refreshToken: string) {
  return http.post('/api/auth/refresh').set(REFRESH_REQUEST_HEADER, '1').set('Cookie', `${REFRESH_COOKIE_NAME}=${refreshToken}`);
}

export async function registerPractice(http: TestAgent, practiceName = 'Test Practice'): Promise<SignedIn> {
  const email = uniqueEmail('owner');
  const response = await http
    .post('/api/auth/register')
    .send({ practiceName, name: 'Olive Owner', email, password: TEST_PASSWORD })
    .expect(201);
  const tokens = response.body as AuthTokens;
  return { tokens, auth: { Authorization: `Bearer ${tokens.accessToken}` }, email: email.toLowerCase(), refreshToken: refreshTokenOf(response) };
}

export async function addTeamMember(http: TestAgent, owner: SignedIn, role: Role): Promise<{ member: TeamMember; signedIn: SignedIn }> {
  const email = uniqueEmail(role);
  const added = await http
    .post('/api/users')
    .set(owner.auth)
    .send({ name: `A ${role}`, email, role, temporaryPassword: TEST_PASSWORD })
    .expect(201);
  const login = await http.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  const { accessToken } = login.body as AuthTokens;
  const auth = { Authorization: `Bearer ${accessToken}` };
  // Until they choose their own password, a member may do nothing else.
  await http.post('/api/me/password').set(auth).send({ currentPassword: TEST_PASSWORD, newPassword: MEMBER_PASSWORD }).expect(204);
  const user = (await http.get('/api/me').set(auth).expect(200)).body as CurrentUser;
  return {
    member: { ...(added.body as TeamMember), mustChoosePassword: false },
    signedIn: { tokens: { ...(login.body as AuthTokens), user }, auth, email: email.toLowerCase(), refreshToken: refreshTokenOf(login) },
  };
}

/** The code an authenticator app shows for `secret` now, or one 30-second step ahead (the API allows one step of drift). */
export function twoFactorCode(secret: string, stepsAhead: 0 | 1 = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * TOTP_PERIOD_SECONDS });
}

/** Turns on two-factor for a person just signed in (a fresh sign-in counts as a step-up); the code used is this step's. */
export async function enrolTwoFactor(http: TestAgent, person: SignedIn): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = (await http.post('/api/me/two-factor/enrolment').set(person.auth).expect(201)).body as TwoFactorEnrolment;
  const { recoveryCodes } = (await http.post('/api/me/two-factor').set(person.auth).send({ code: twoFactorCode(secret) }).expect(201)).body as RecoveryCodes;
  return { secret, recoveryCodes };
}

/** The secret of a portal link: the URL's fragment. */
export function portalTokenOf(link: PortalLinkCreated): string {
  return new URL(link.url).hash.slice(1);
}

export interface PortalPerson {
  id: string;
  token: string;
  auth: { Authorization: string };
}

/**
 * A couple, Alex and Sam Rivera, on `clinicianId`'s caseload (created by `owner`), with a
 * portal link for each. `breachRoles` are Alex's and Sam's sides of the breach; `opening`
 * chooses what New case also chooses (a confidentiality policy, the agreements).
 */
export async function openCoupleWithLinks(
  http: TestAgent,
  owner: SignedIn,
  clinicianId: string,
  breachRoles: [BreachRole, BreachRole] = ['broke-trust', 'was-hurt'],
  opening: Pick<CreateCaseRequest, 'confidentialityPolicyId' | 'agreementIds'> = {},
): Promise<{ caseId: string; alex: PortalPerson; sam: PortalPerson }> {
  const created = (
    await http
      .post('/api/cases')
      .set(owner.auth)
      .send({
        relationshipType: 'couple',
        participants: [
          { displayName: 'Alex Rivera', breachRole: breachRoles[0] },
          { displayName: 'Sam Rivera', breachRole: breachRoles[1] },
        ],
        clinicianIds: [clinicianId],
        ...opening,
      })
      .expect(201)
  ).body as CaseDetail;
  const person = async (participantId: string): Promise<PortalPerson> => {
    const link = (await http.post(`/api/cases/${created.id}/participants/${participantId}/portal-link`).set(owner.auth).expect(201)).body as PortalLinkCreated;
    const token = portalTokenOf(link);
    return { id: participantId, token, auth: { Authorization: `Bearer ${token}` } };
  };
  const [alex, sam] = created.participants;
  return { caseId: created.id, alex: await person(alex.id), sam: await person(sam.id) };
}

/** Signs an agreement in a person's portal as the portal does: reads it, then signs the version and text it read. */
export async function signAgreement(http: TestAgent, person: PortalPerson, agreementId: string, typedName: string): Promise<PortalSignature> {
  const document = (await http.get(`/api/portal/agreements/${agreementId}`).set(person.auth).expect(200)).body as PortalAgreementDocument;
  const signed = await http
    .post(`/api/portal/agreements/${agreementId}/signature`)
    .set(person.auth)
    .send({ version: document.version, documentHash: document.documentHash, typedName, intendToSign: true })
    .expect(201);
  return signed.body as PortalSignature;
}

/** A practice with its owner, a clinician (on whose caseload tests open cases), a second clinician and an assistant. */
export async function practiceWithTeam(http: TestAgent, practiceName: string) {
  const owner = await registerPractice(http, practiceName);
  const added = await addTeamMember(http, owner, 'clinician');
  const otherClinician = (await addTeamMember(http, owner, 'clinician')).signedIn;
  const assistant = (await addTeamMember(http, owner, 'assistant')).signedIn;
  return { owner, clinician: added.signedIn, clinicianId: added.member.id, otherClinician, assistant };
}
