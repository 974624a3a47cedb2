import type { SessionNote, TherapySession } from '@trustwork/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { ensureApiRole, migrate } from '../src/database/database-setup';
import { findFreePort, type EmbeddedPostgresOptions } from '../src/database/embedded-postgres';
import { addTeamMember, openCoupleWithLinks, registerPractice, startTestApp, type PortalPerson, type SignedIn, type TestApp } from './test-app';
import { API_DIRECTORY, RUN_TYPESCRIPT } from './run-script';
import { connect, TEST_APP_ROLE } from './test-database';

/**
 * What the API promises when something underneath it fails: a plain 503 (never a 500 or
 * a hang) while PostgreSQL is down, recovery without a restart once it is back, and no
 * write acknowledged with a 2xx that is not in the database afterwards.
 */

const REQUEST_TIMEOUT_MS = 10_000;
const WRITERS_PER_KIND = 2;
const ratings = { trust: 6, safety: 6, heard: 6, closeness: 6 };
// Higher than the writers can reach, so no write is turned away with a 429.
const HIGH_LIMITS = { PORTAL_LIMIT_PER_LINK: '10000', PORTAL_LIMIT_PER_ADDRESS: '10000', LOGIN_LIMIT_PER_EMAIL: '1000', LOGIN_LIMIT_PER_ADDRESS: '1000' };

/** One write as the client saw it. */
interface Attempt {
  /** Unique text of the write, to find it in the database. */
  marker: string;
  startedAt: number;
  endedAt: number;
  status?: number;
  body?: unknown;
  /** Why no response came: the client's own error code, or "timeout". */
  failure?: string;
}

/**
 * Runs the embedded PostgreSQL from a child process, which can stop it and start it
 * again on the same data directory and port: embedded-postgres is an ES module, which
 * jest's module system cannot load. Gone with this process, should the test die.
 */
const POSTGRES_CONTROLLER = `
  const { startEmbeddedPostgres } = require('./src/database/embedded-postgres');
  const options = JSON.parse(process.env.FAULTS_POSTGRES);
  let server;
  const stop = async () => { await server?.stop(); server = undefined; };
  process.on('message', async (command) => {
    try {
      if (command === 'start') server = await startEmbeddedPostgres(options);
      if (command === 'stop') await stop();
      process.send({ done: command, ownerUrl: server?.adminUrl('postgres') });
    } catch (error) {
      process.send({ failed: command, message: String(error) });
    }
  });
  process.on('disconnect', () => stop().finally(() => process.exit(0)));
`;

interface ControlledPostgres {
  /** Superuser URL of the `postgres` database. */
  ownerUrl: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server (if running) and its controller. */
  close(): Promise<void>;
}

async function startControlledPostgres(options: EmbeddedPostgresOptions): Promise<ControlledPostgres> {
  const controller = spawn(process.execPath, [...RUN_TYPESCRIPT, '-e', POSTGRES_CONTROLLER], {
    cwd: API_DIRECTORY,
    env: { ...process.env, FAULTS_POSTGRES: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const command = (name: 'start' | 'stop') =>
    new Promise<string | undefined>((resolve, reject) => {
      const onExit = () => reject(new Error(`The PostgreSQL controller exited during "${name}"`));
      controller.once('exit', onExit);
      controller.once('message', (reply: { done?: string; failed?: string; message?: string; ownerUrl?: string }) => {
        controller.off('exit', onExit);
        if (reply.failed) reject(new Error(`PostgreSQL did not ${name}: ${reply.message}`));
        else resolve(reply.ownerUrl);
      });
      controller.send(name);
    });
  const ownerUrl = await command('start');
  if (!ownerUrl) throw new Error('PostgreSQL started without a URL');
  return {
    ownerUrl,
    start: async () => void (await command('start')),
    stop: async () => void (await command('stop')),
    close: async () => {
      if (controller.exitCode !== null || controller.signalCode !== null) return;
      const exited = new Promise((resolve) => controller.once('exit', resolve));
      controller.disconnect();
      await exited;
    },
  };
}

/**
 * A free port the API process will bind seconds from now: outside the operating system's
 * ephemeral range, where the other test files' short-lived servers come and go.
 */
async function freePortForChild(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

const acknowledged = (attempt: Attempt) => attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300;

async function send(url: string, init: RequestInit, marker: string): Promise<Attempt> {
  const startedAt = Date.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body: unknown = await response.json().catch(() => undefined);
    return { marker, startedAt, endedAt: Date.now(), status: response.status, body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    const failure = (error as Error).name === 'TimeoutError' ? 'timeout' : (cause?.code ?? (error as Error).message);
    return { marker, startedAt, endedAt: Date.now(), failure };
  }
}

const postJson = (body: object, headers: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const sendCheckIn = (baseUrl: string, person: PortalPerson, marker: string) =>
  send(`${baseUrl}/api/portal/check-ins`, postJson({ ...ratings, note: marker }, person.auth), marker);

/** Writes one after another until told to stop; a refused connection is retried after a breath. */
async function keepWriting(write: (marker: string) => Promise<Attempt>, label: string, running: () => boolean, into: Attempt[]): Promise<void> {
  while (running()) {
    const attempt = await write(`${label} ${randomUUID()}`);
    into.push(attempt);
    if (attempt.failure) await sleep(50);
  }
}

/** The acknowledged check-ins whose notes are not in the database. */
async function missingCheckIns(ownerUrl: string, attempts: Attempt[]): Promise<string[]> {
  const notes = attempts.filter(acknowledged).map((attempt) => attempt.marker);
  const database = await connect(ownerUrl);
  try {
    const stored = await database.query<{ note: string }>('SELECT note FROM check_ins WHERE note = ANY($1::text[])', [notes]);
    const found = new Set(stored.rows.map((row) => row.note));
    return notes.filter((note) => !found.has(note));
  } finally {
    await database.end();
  }
}

const plainUnavailable = {
  statusCode: 503,
  error: 'Service Unavailable',
  // A sentence for a person: nothing of the driver, the SQL or the server's own words.
  message: expect.not.stringMatching(/ECONN|57P|terminat|postgres|pg_|SELECT|INSERT|Error:/i),
};

describe('faults', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  let postgres: ControlledPostgres;
  let ownerUrl: string;
  let appUrl: string;
  // A server of this file's own: the first test stops it, and the API processes of both start on it.
  beforeAll(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-faults-pg-'));
    // PostgreSQL runs as its own user when the tests run as root: let it reach its directory.
    fs.chmodSync(root, 0o755);
    cleanups.push(() => fs.promises.rm(root, { recursive: true, force: true }));
    postgres = await startControlledPostgres({ dataDir: path.join(root, 'pg'), port: await findFreePort(), persistent: true });
    cleanups.push(() => postgres.close());
    const maintenance = await connect(postgres.ownerUrl);
    await maintenance.query('CREATE DATABASE trustwork_faults').finally(() => maintenance.end());
    ownerUrl = postgres.ownerUrl.replace(/\/postgres$/, '/trustwork_faults');
    await migrate(ownerUrl);
    appUrl = await ensureApiRole(ownerUrl, TEST_APP_ROLE, randomBytes(18).toString('base64url'));
  });
  afterAll(async () => {
    // Newest first, and every one even when another fails.
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error('faults cleanup:', error));
  });

  it('answers a plain 503 while PostgreSQL is down, recovers by itself, and loses no acknowledged write', async () => {
    const api: TestApp = await startTestApp({ DATABASE_URL: ownerUrl, DATABASE_APP_URL: appUrl, ...HIGH_LIMITS });
    cleanups.push(() => api.close());
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');

    const owner = await registerPractice(api.http, 'Faults Practice');
    const clinician = await addTeamMember(api.http, owner, 'clinician');
    const { caseId, alex, sam } = await openCoupleWithLinks(api.http, owner, clinician.member.id);
    // Each addendum writer has its own signed note, so responses (which list every addendum) stay small.
    const sessionIds = await Promise.all(
      Array.from({ length: WRITERS_PER_KIND }, async (_, index) => {
        const session = (
          await api.http
            .post(`/api/cases/${caseId}/sessions`)
            .set(owner.auth)
            .send({ startsAt: `2026-04-0${index + 1}T15:00:00Z`, durationMinutes: 50, modality: 'in-person' })
            .expect(201)
        ).body as TherapySession;
        const draft = { template: 'soap', sections: { subjective: 'Draft.', objective: '', assessment: '', plan: '' }, version: 0 };
        await api.http.put(`/api/sessions/${session.id}/note`).set(owner.auth).send(draft).expect(200);
        await api.http.post(`/api/sessions/${session.id}/note/sign`).set(owner.auth).expect(200);
        return session.id;
      }),
    );
    const addendumIdOf = (attempt: Attempt) => (attempt.body as SessionNote).addenda.find((addendum) => addendum.body === attempt.marker)?.id;

    const checkIns: Attempt[] = [];
    const addenda: Attempt[] = [];
    let writing = true;
    const writers = Promise.all([
      ...[alex, sam].map((person, index) => keepWriting((marker) => sendCheckIn(baseUrl, person, marker), `check-in ${index}`, () => writing, checkIns)),
      ...sessionIds.map((sessionId, index) =>
        keepWriting(
          (marker) => send(`${baseUrl}/api/sessions/${sessionId}/note/addenda`, postJson({ body: marker }, owner.auth), marker),
          `addendum ${index}`,
          () => writing,
          addenda,
        ),
      ),
    ]);

    let stoppingAt: number, outageStartedAt: number, outageEndedAt: number, restartedAt: number;
    try {
      await sleep(1500);
      stoppingAt = Date.now();
      await postgres.stop();
      outageStartedAt = Date.now();
      await sleep(3000);
      outageEndedAt = Date.now();
      await postgres.start();
      restartedAt = Date.now();
      await sleep(3000);
    } finally {
      writing = false;
      await writers;
    }

    const attempts = [...checkIns, ...addenda];
    // Never a hang, a refused request or a 500: a 2xx, or a 503 while the server was going or gone.
    expect(attempts.filter((attempt) => attempt.failure)).toEqual([]);
    expect(attempts.filter((attempt) => !acknowledged(attempt) && attempt.status !== 503)).toEqual([]);
    for (const refused of attempts.filter((attempt) => attempt.status === 503)) expect(refused.body).toEqual(plainUnavailable);

    const duringOutage = attempts.filter((attempt) => attempt.startedAt >= outageStartedAt && attempt.endedAt <= outageEndedAt);
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(duringOutage.filter((attempt) => attempt.status !== 503)).toEqual([]);
    // Recovered without a restart of the API: everything sent once PostgreSQL was back succeeded.
    const afterRestart = attempts.filter((attempt) => attempt.startedAt >= restartedAt);
    expect(afterRestart.length).toBeGreaterThan(0);
    expect(afterRestart.filter((attempt) => !acknowledged(attempt))).toEqual([]);
    const beforeStop = attempts.filter((attempt) => attempt.endedAt < stoppingAt);
    expect(beforeStop.length).toBeGreaterThan(0);
    expect(beforeStop.filter((attempt) => !acknowledged(attempt))).toEqual([]);

    const missing = await missingCheckIns(ownerUrl, checkIns);
    const addendumIds = addenda.filter(acknowledged).map(addendumIdOf);
    const database = await connect(ownerUrl);
    const storedAddenda = await database
      .query<{ id: string }>('SELECT id FROM note_addenda WHERE id = ANY($1::uuid[])', [addendumIds.filter(Boolean)])
      .finally(() => database.end());
    const missingAddenda = addendumIds.length - storedAddenda.rows.length;

    const acked = attempts.filter(acknowledged).length;
    const refusedCount = attempts.filter((attempt) => attempt.status === 503).length;
    console.log(`faults: ${acked} acknowledged writes, ${missing.length + missingAddenda} missing, ${refusedCount} answered 503 during the outage`);
    expect(missing).toEqual([]);
    expect(missingAddenda).toBe(0);
  }, 60_000);

  it('keeps every check-in it acknowledged across a restart of the API process', async () => {
    const port = await freePortForChild();
    const baseUrl = `http://127.0.0.1:${port}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-faults-api-'));
    cleanups.push(() => fs.promises.rm(dataDir, { recursive: true, force: true }));
    const environment = {
      ...process.env,
      ...HIGH_LIMITS,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: ownerUrl,
      DATABASE_APP_URL: appUrl,
      DATA_DIR: dataDir,
      JOBS: 'off',
      LOG_LEVEL: 'silent',
      JWT_SECRET: process.env.TEST_JWT_SECRET,
      NOTES_ENCRYPTION_KEY: `test:${randomBytes(32).toString('base64')}`,
    };
    let child: ChildProcess | undefined;
    let output = '';
    const stopChild = async () => {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    };
    cleanups.push(async () => {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const startChild = async () => {
      child = spawn(process.execPath, [...RUN_TYPESCRIPT, 'src/main.ts'], {
        cwd: API_DIRECTORY,
        env: environment,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const starting = child;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`The API did not start within 40 s:\n${output}`)), 40_000);
        starting.once('exit', () => {
          clearTimeout(timer);
          reject(new Error(`The API exited while starting:\n${output}`));
        });
        starting.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
        starting.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          // main.ts names its API address once it listens: a port taken by another process makes it exit instead.
          if (output.includes(`http://127.0.0.1:${port}/api`)) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      output = '';
    };
    await startChild();
    const http = request(baseUrl) as unknown as TestAgent;
    const owner: SignedIn = await registerPractice(http, 'Restart Practice');
    const clinician = await addTeamMember(http, owner, 'clinician');
    const { alex, sam } = await openCoupleWithLinks(http, owner, clinician.member.id);

    const checkIns: Attempt[] = [];
    let writing = true;
    const writers = Promise.all(
      [alex, sam, alex, sam].map((person, index) => keepWriting((marker) => sendCheckIn(baseUrl, person, marker), `restart ${index}`, () => writing, checkIns)),
    );
    let stoppingAt: number, restartedAt: number;
    try {
      await sleep(1500);
      stoppingAt = Date.now();
      await stopChild();
      await startChild();
      restartedAt = Date.now();
      await sleep(1500);
    } finally {
      writing = false;
      await writers;
    }

    // A request either completed, or failed at the client (refused or reset): never a hang or a 500.
    const failedAtClient = (attempt: Attempt) => /^(ECONNREFUSED|ECONNRESET|EPIPE|UND_ERR_SOCKET)$/.test(attempt.failure ?? '');
    const unexpected = checkIns.filter((attempt) => !acknowledged(attempt) && attempt.status !== 503 && !failedAtClient(attempt));
    expect(unexpected).toEqual([]);
    // Fastify's own answer to a request that arrives on an open connection while it closes.
    for (const refused of checkIns.filter((attempt) => attempt.status === 503)) {
      expect(refused.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.any(String) });
    }
    expect(checkIns.filter((attempt) => acknowledged(attempt) && attempt.endedAt < stoppingAt).length).toBeGreaterThan(0);
    expect(checkIns.filter((attempt) => acknowledged(attempt) && attempt.startedAt >= restartedAt).length).toBeGreaterThan(0);

    const missing = await missingCheckIns(ownerUrl, checkIns);
    console.log(`api restart: ${checkIns.filter(acknowledged).length} acknowledged, ${missing.length} missing`);
    expect(missing).toEqual([]);
    await stopChild();
  }, 90_000);
});
