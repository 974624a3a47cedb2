// `npm run bench`: the built API (NODE_ENV=production) on the data of `npm run bench:data`,
// against a raw Fastify + pg baseline replaying the API's own SQL. Each route is loaded with
// autocannon at 10 and 50 connections for a fixed time, baseline and API one after the other;
// the table goes to the terminal and bench/README.md, every figure to bench/results/<date>.json.
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import {
  BENCH_DIR,
  BENCH_PASSWORD,
  benchId,
  benchSecrets,
  builtApi,
  fail,
  freePort,
  LARGEST_PRACTICE,
  log,
  openMigratedBenchDatabase,
  ownerEmail,
  portalToken,
  requirePg,
  ROOT,
  SMALL_PRACTICE,
  startBuiltApi,
  stopOnSignals,
  YEAR_CASE_NUMBER,
} from './bench-environment.mjs';
import { evaluateTargets, formatTable, missedCorrectness } from './report.mjs';

const FULL_RUN_SECONDS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? FULL_RUN_SECONDS);
const WARM_UP_SECONDS = 2;
const CONNECTIONS = [10, 50];
/** The API's pool (DATABASE_POOL_SIZE); the baseline gets the same number of connections. */
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
/** Portal requests come from many people's phones: rotating links keeps each under the per-link limit. */
const PORTAL_PEOPLE = 200;
const API_LOG = path.join(BENCH_DIR, 'api.log');
/**
 * Homework dates to answer, one per request of a load (a date takes one sheet): more than a
 * 10-second load sends at the rates seen so far (about 800 req/s).
 */
const HOMEWORK_SHEETS = 30_000;
/** Audit rows made before the audit log's first page is recorded, so the page is full (25 rows). */
const AUDIT_SEED_ROWS = 30;
/** Long enough for saves cut off at the end of a run (p99 under load) to commit. */
const SETTLE_MS = 1_000;
/** What the dashboard's autosave sends: the whole SOAP draft, a few sentences per section. */
const NOTE_DRAFT = {
  template: 'soap',
  sections: {
    subjective: 'Both partners describe a calmer fortnight. She noticed the pull to hide a small purchase and said it out loud instead; he thanked her for it.',
    objective: 'Sat closer than in earlier sessions; took turns without interrupting. Trust check-ins weekly, ratings 6 to 7.',
    assessment: 'Repair attempts are landing. Disclosure of small things is becoming routine; larger topics still avoided.',
    plan: 'Continue weekly check-ins. Introduce the stress-reducing conversation next session; homework: one shared walk.',
  },
};
/** The free text of the homework sheets the portal route sends. */
const SHEET_ANSWER = 'Told my partner about the late bill before they found it; we talked it through.';
const { answersFor } = builtApi('database/demo-caseload.js');
/** BENCH_ROUTES=caseload-first,portal-check-in measures only those (while working on one route); add slow-phone for the phone. */
const ONLY = process.env.BENCH_ROUTES?.split(',').map((name) => name.trim()).filter(Boolean);

async function main() {
  const startedAt = new Date();
  const secrets = benchSecrets();
  const database = await openMigratedBenchDatabase();
  const children = [];
  const stopAll = async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)))));
    await database.stop();
  };
  stopOnSignals(stopAll);
  const { Pool } = requirePg();
  const owner = new Pool({ connectionString: database.ownerUrl, max: 2 });
  try {
    const dataset = await datasetOf(owner);
    await undoEarlierRuns(owner);
    const { ensureApiRole } = builtApi('database/database-setup.js');
    const appUrl = await ensureApiRole(database.ownerUrl, 'trustwork_app', secrets.appPassword);
    const apiEnvironment = {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      DATABASE_URL: database.ownerUrl,
      DATABASE_APP_URL: appUrl,
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      JWT_SECRET: secrets.jwtSecret,
      NOTES_ENCRYPTION_KEY: secrets.notesKey,
      // Production requires the address links start with; no link is followed here.
      PUBLIC_URL: 'http://127.0.0.1',
      // No background sweeps while measuring; e-mail is not part of these routes.
      JOBS: 'off',
      LOG_FILE: API_LOG,
      // One address signs in many times and plays many phones: the limits are not what is measured.
      LOGIN_LIMIT_PER_EMAIL: '10000',
      LOGIN_LIMIT_PER_ADDRESS: '100000',
      PORTAL_LIMIT_PER_LINK: '10000',
      PORTAL_LIMIT_PER_ADDRESS: '100000',
    };

    log('Recording the SQL the API sends for each route…');
    const recorder = await startApi(apiEnvironment, { record: true });
    children.push(recorder.child);
    const allRoutes = await describeRoutes(owner, recorder.url, secrets);
    const routes = allRoutes.filter((route) => !ONLY || ONLY.includes(route.name));
    for (const route of routes) {
      await route.prepare?.();
      route.recorded = await recordRoute(recorder, route);
    }
    await stopChild(recorder.child);
    const identities = await portalIdentitiesOf(owner, routes);

    const planFile = path.join(BENCH_DIR, 'baseline-plan.json');
    fs.writeFileSync(planFile, JSON.stringify({ routes: routes.map((route) => baselineRoute(route, identities)) }));
    const baseline = await startBaseline(planFile, appUrl);
    children.push(baseline.child);
    const api = await startApi(apiEnvironment, { record: false });
    children.push(api.child);

    const rows = [];
    for (const route of routes) {
      for (const connections of CONNECTIONS) {
        const raw = await measure(route, { url: baseline.url, pathOf: baselinePath, pid: baseline.child.pid }, connections);
        const trustwork = await measure(route, { url: api.url, pathOf: apiPath, pid: api.child.pid }, connections);
        const row = { route: route.label, name: route.name, connections, baseline: raw, trustwork, ratio: round(trustwork.requestsPerSecond / raw.requestsPerSecond, 2) };
        rows.push(row);
        log(`${route.label} @${connections}: baseline ${raw.requestsPerSecond} req/s, Trustwork ${trustwork.requestsPerSecond} req/s (p95 ${trustwork.p95} ms)`);
      }
    }
    const portalPerson = allRoutes.find((route) => route.name === 'portal-assignments').callers[0].authorization.slice('Bearer '.length);
    const slowPhone = await measureOnSlowPhone(api.url, portalPerson);

    const targets = evaluateTargets(rows, { slowPhone });
    const result = {
      date: startedAt.toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: round(os.totalmem() / 2 ** 30, 1), node: process.version },
      settings: { secondsPerRun: SECONDS, warmUpSeconds: WARM_UP_SECONDS, connections: CONNECTIONS, poolSize: POOL_SIZE, portalPeople: PORTAL_PEOPLE },
      dataset,
      rows,
      slowPhone,
      targets,
      totalSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    };
    const table = formatTable(rows, targets, { slowPhone });
    console.log(`\n${table}\n`);
    // A run of some routes, or shorter ones, is for working on a route: the recorded figures stay those of a full run.
    if (ONLY || SECONDS !== FULL_RUN_SECONDS) log('A partial run (BENCH_ROUTES or BENCH_SECONDS): bench/README.md and bench/results are left as they were.');
    else writeResults(result, table);
    if (missedCorrectness(targets)) process.exitCode = 1;
  } finally {
    await owner.end();
    await stopAll();
  }
}

/**
 * The portal and the dashboard's sign-in opened on an emulated slow phone, served by the API
 * under test (it serves both apps). Measured by slow-phone.mjs; a run without it still runs.
 */
async function measureOnSlowPhone(apiUrl, portalToken) {
  if (ONLY && !ONLY.includes('slow-phone')) return null;
  const module = path.join(ROOT, 'bench/src/slow-phone.mjs');
  if (!fs.existsSync(module)) {
    log('No bench/src/slow-phone.mjs: the slow-phone measurement is left out.');
    return null;
  }
  log('Opening the portal and the sign-in page on a slow phone…');
  try {
    const { measureSlowPhone } = await import(pathToFileURL(module).href);
    return await measureSlowPhone({ baseUrl: apiUrl, portalToken, email: ownerEmail(LARGEST_PRACTICE), password: BENCH_PASSWORD });
  } catch (error) {
    // The server-side figures are still worth their table; the target shows why this one is missing.
    log(`The slow-phone measurement failed: ${error instanceof Error ? error.message : String(error)}`);
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function datasetOf(owner) {
  const { rows } = await owner.query(`SELECT to_regclass('bench.dataset') IS NOT NULL AS made`);
  const dataset = rows[0].made ? (await owner.query('SELECT version, anchor, completed_at, counts FROM bench.dataset')).rows[0] : null;
  if (!dataset?.completed_at) fail('There is no benchmark data yet: run `npm run bench:data` first.');
  return { version: dataset.version, madeAt: dataset.completed_at, counts: dataset.counts };
}

/**
 * Every run starts from the generated data: audit rows (and their chains), check-ins, homework
 * sheets, note drafts and alerts written by earlier runs are removed (the generator writes no
 * audit rows, no keyed check-ins or sheets and only signed notes), and a checkpoint is taken so
 * that writing back a previous run's pages does not land inside this one.
 */
async function undoEarlierRuns(owner) {
  await owner.query('DELETE FROM audit_events');
  // Each practice's audit chain starts again at its first row (the table comes with the chain's migration).
  await owner.query(`DO $$ BEGIN IF to_regclass('audit_chain') IS NOT NULL THEN DELETE FROM audit_chain; DELETE FROM audit_chain_heads; END IF; END $$`);
  await owner.query('DELETE FROM check_ins WHERE idempotency_key IS NOT NULL');
  await owner.query('DELETE FROM submissions WHERE idempotency_key IS NOT NULL');
  await owner.query(`DELETE FROM notes WHERE status = 'draft'`);
  await owner.query(`DELETE FROM case_alerts WHERE source_key NOT LIKE 'bench-%'`);
  await owner.query(`UPDATE case_alerts SET status = 'open', resolved_at = NULL WHERE source_key LIKE 'bench-%' AND status = 'resolved'`);
  await owner.query('VACUUM (ANALYZE) audit_events, check_ins, submissions, notes, case_alerts');
  await owner.query('CHECKPOINT');
}

/**
 * The routes measured, with who calls them; ids come from the generator's deterministic ids.
 * A caller is `{ authorization, path?, body?, identity? }`: path and body default to the
 * route's, and `identity` holds the ids of the caller's request that the baseline swaps in.
 */
async function describeRoutes(owner, apiUrl, secrets) {
  const practice = benchId('practice', LARGEST_PRACTICE);
  const yearCase = benchId('case', YEAR_CASE_NUMBER);
  const largest = await signIn(apiUrl, ownerEmail(LARGEST_PRACTICE));
  const small = await signIn(apiUrl, ownerEmail(SMALL_PRACTICE));
  const theOwner = [{ authorization: largest }];
  const laterCursor = await cursorAfter(apiUrl, largest, 2_500);
  const [{ id: nextSession }] = (await owner.query(`SELECT id FROM sessions WHERE case_id = $1 AND status = 'scheduled'`, [yearCase])).rows;
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  // Home shows the week from Monday, as the dashboard asks for it.
  const monday = new Date(`${today}T00:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const nextMonday = new Date(monday.getTime() + 7 * 86_400_000);
  // People of the largest practice's open cases, each with their own portal link.
  const people = (
    await owner.query(
      `SELECT p.id FROM participants p JOIN cases c ON c.id = p.case_id
       WHERE c.practice_id = $1 AND c.status = 'active' ORDER BY p.id LIMIT ${PORTAL_PEOPLE}`,
      [practice],
    )
  ).rows.map((row) => ({ authorization: `Bearer ${portalToken(row.id, secrets.portalSecret)}` }));
  const keyedWrites = (table) => async (runId) =>
    (await owner.query(`SELECT count(*)::int AS stored FROM ${table} WHERE idempotency_key LIKE $1`, [`${runId}-%`])).rows[0].stored;

  const noteDraft = {
    name: 'note-draft',
    label: 'Saving a note draft (encrypted)',
    method: 'PUT',
    body: JSON.stringify(NOTE_DRAFT),
    sequential: true,
    callers: [],
    // A draft per connection, each saved on the version its last save returned, as the dashboard's autosave does.
    prepare: async () => {
      const sessions = (
        await owner.query(
          `SELECT s.id, s.case_id FROM sessions s JOIN cases c ON c.id = s.case_id
           WHERE s.practice_id = $1 AND s.status = 'scheduled' AND c.status = 'active' ORDER BY s.id LIMIT ${Math.max(...CONNECTIONS)}`,
          [practice],
        )
      ).rows;
      noteDraft.callers = sessions.map((session) => ({
        authorization: largest,
        path: `/api/sessions/${session.id}/note`,
        identity: { sessionId: session.id, caseId: session.case_id },
      }));
      noteDraft.versions = sessions.map(() => 0);
      // The first save makes the draft (version 1); the measured ones update it.
      for (const index of sessions.keys()) await send(apiUrl, noteDraft, index, `bench-draft-${randomUUID()}`);
    },
    beforeLoad: async () => {
      const { rows } = await owner.query('SELECT session_id, version FROM notes WHERE session_id = ANY($1)', [noteDraft.callers.map((caller) => caller.identity.sessionId)]);
      const versions = new Map(rows.map((row) => [row.session_id, row.version]));
      noteDraft.versions = noteDraft.callers.map((caller) => versions.get(caller.identity.sessionId));
    },
    // Every save acknowledged adds one to its draft's version.
    storedWrites: async () =>
      (await owner.query('SELECT coalesce(sum(version), 0)::int AS stored FROM notes WHERE session_id = ANY($1)', [noteDraft.callers.map((caller) => caller.identity.sessionId)]))
        .rows[0].stored,
  };

  const homework = {
    name: 'portal-homework',
    label: 'Portal: POST a homework sheet',
    method: 'POST',
    once: true,
    callers: [],
    // A date takes one sheet: each request of a load answers another open date, and the sheets
    // are removed before the next load, which answers the same dates again.
    prepare: async () => {
      homework.callers = (await openSheets(owner, practice)).map((sheet) => ({
        authorization: `Bearer ${portalToken(sheet.participant_id, secrets.portalSecret)}`,
        path: `/api/portal/assignments/${sheet.assignment_id}/submissions`,
        body: JSON.stringify({ occurrenceOn: sheet.occurrence_on, answers: answersFor(sheet.prompts, SHEET_ANSWER), shared: true }),
        identity: { assignmentId: sheet.assignment_id, occurrenceOn: sheet.occurrence_on },
      }));
      if (homework.callers.length < 2) fail('The benchmark data has no open homework dates left to answer.');
      log(`${homework.callers.length} open homework dates to answer`);
    },
    beforeLoad: async () => {
      await owner.query('DELETE FROM submissions WHERE idempotency_key IS NOT NULL');
      homework.nextCaller = 0;
    },
    storedWrites: keyedWrites('submissions'),
  };

  return [
    { name: 'caseload-first', label: 'Caseload, first page (5,000 cases)', method: 'GET', path: '/api/cases', callers: theOwner },
    { name: 'caseload-later', label: 'Caseload, page 101 by cursor (5,000 cases)', method: 'GET', path: `/api/cases?cursor=${laterCursor}`, callers: theOwner },
    { name: 'caseload-small', label: 'Caseload, first page (100 cases)', method: 'GET', path: '/api/cases', callers: [{ authorization: small }] },
    { name: 'case-page', label: 'A case page', method: 'GET', path: `/api/cases/${yearCase}`, callers: theOwner },
    {
      name: 'audit-first-page',
      label: "The audit log's first page",
      method: 'GET',
      path: '/api/audit-events',
      callers: theOwner,
      // A full first page whatever ran before: the owner opening cases, as the case-page route does.
      prepare: async () => {
        for (let opened = 0; opened < AUDIT_SEED_ROWS; opened += 1) {
          const response = await fetch(`${apiUrl}/api/cases/${benchId('case', opened + 1)}`, { headers: { authorization: largest } });
          if (!response.ok) fail(`Opening a case answered ${response.status}: ${await response.text()}`);
          await response.arrayBuffer();
        }
      },
    },
    {
      name: 'home-agenda',
      label: "Home: this week's agenda",
      method: 'GET',
      path: `/api/sessions?from=${monday.toISOString()}&to=${nextMonday.toISOString()}`,
      callers: theOwner,
    },
    { name: 'home-attention', label: 'Home: needs your attention', method: 'GET', path: '/api/attention', callers: theOwner },
    { name: 'progress-year', label: "A case's progress for a year", method: 'GET', path: `/api/cases/${yearCase}/progress?from=${yearAgo}&to=${today}`, callers: theOwner },
    { name: 'session-brief', label: 'Pre-session brief (a year of history)', method: 'GET', path: `/api/sessions/${nextSession}/brief`, callers: theOwner },
    noteDraft,
    { name: 'portal-assignments', label: 'Portal: GET assignments', method: 'GET', path: '/api/portal/assignments', callers: people },
    {
      name: 'portal-check-in',
      label: 'Portal: POST check-in',
      method: 'POST',
      path: '/api/portal/check-ins',
      body: JSON.stringify({ trust: 6, safety: 7, heard: 6, closeness: 5 }),
      callers: people,
      storedWrites: keyedWrites('check_ins'),
    },
    homework,
  ];
}

/**
 * Homework dates a person of the largest practice's open cases may still answer: the weekly
 * sheets' past dates without a sheet (a late sheet is accepted) and the single sheets due this
 * week, most recent first.
 */
async function openSheets(owner, practice) {
  const { rows } = await owner.query(
    `SELECT p.id AS participant_id, a.id AS assignment_id, a.prompts, due.day::date::text AS occurrence_on
     FROM assignments a
     JOIN cases c ON c.id = a.case_id AND c.status = 'active'
     JOIN participants p ON p.case_id = a.case_id AND (a.participant_id IS NULL OR a.participant_id = p.id)
     CROSS JOIN LATERAL generate_series(coalesce(a.due_on, a.starts_on), coalesce(a.due_on, least(a.ends_on, current_date - 1)), interval '7 days') AS due(day)
     WHERE a.practice_id = $1 AND a.status = 'active'
       AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.assignment_id = a.id AND s.participant_id = p.id AND s.occurrence_on = due.day::date)
     ORDER BY due.day DESC, p.id, a.id LIMIT ${HOMEWORK_SHEETS}`,
    [practice],
  );
  return rows;
}

async function signIn(apiUrl, email) {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!response.ok) fail(`Signing in as ${email} answered ${response.status}: ${await response.text()}`);
  return `Bearer ${(await response.json()).accessToken}`;
}

/** The cursor after the first `rows` rows of the caseload, reached by paging through the API itself. */
async function cursorAfter(apiUrl, authorization, rows) {
  let cursor = null;
  for (let seen = 0; seen < rows; seen += 100) {
    const response = await fetch(`${apiUrl}/api/cases?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization } });
    if (!response.ok) fail(`Paging the caseload answered ${response.status}: ${await response.text()}`);
    cursor = (await response.json()).nextCursor;
  }
  return cursor;
}

/**
 * Sends the route's request as its first caller twice (the first warms caches) and keeps the
 * statements of the second. A homework date takes one sheet, so there the warm-up answers the
 * second caller's. The values the request itself brings (its Idempotency-Key, a draft's
 * version) are noted so the baseline takes them from its requests.
 */
async function recordRoute(recorder, route) {
  const marker = `bench-recorded-${randomUUID()}`;
  await send(recorder.url, route, route.once ? 1 : 0, `bench-warm-${randomUUID()}`);
  fs.writeFileSync(recorder.sqlLog, '');
  const version = route.versions?.[0];
  await send(recorder.url, route, 0, marker);
  const statements = fs.readFileSync(recorder.sqlLog, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
  if (statements.length === 0) fail(`No SQL was recorded for ${route.label}.`);
  const requestValues = [{ header: 'idempotency-key', recorded: marker }, ...(version === undefined ? [] : [{ header: 'if-match', recorded: version }])];
  return { requestValues, statements };
}

const apiPath = (route, index) => route.callers[index].path ?? route.path;
/** The baseline is told the caller by its index: it has no tokens or paths to read ids from. */
const baselinePath = (route, index) => `/raw/${route.name}/${index}`;

/** The method, headers and body of a request as caller `index` of the route. */
function requestOf(route, index, idempotencyKey) {
  const caller = route.callers[index];
  const body = caller.body ?? route.body;
  return {
    method: route.method,
    body,
    headers: {
      authorization: caller.authorization,
      'idempotency-key': idempotencyKey,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(route.versions ? { 'if-match': String(route.versions[index]) } : {}),
    },
  };
}

async function send(apiUrl, route, index, idempotencyKey) {
  const response = await fetch(`${apiUrl}${apiPath(route, index)}`, requestOf(route, index, idempotencyKey));
  if (!response.ok) fail(`${route.label} answered ${response.status} while recording: ${await response.text()}`);
  await response.arrayBuffer();
  if (route.versions) route.versions[index] += 1;
}

/**
 * The baseline's copy of a route: the recorded statements, and for each caller their
 * parameters with the recorded caller's ids swapped for this caller's (a portal person's
 * link, token hash and case; a draft's session; a homework date), so the baseline reads and
 * writes the same rows the API does.
 */
function baselineRoute(route, identities) {
  const { statements, requestValues } = route.recorded;
  const identityOf = (caller) => ({ ...identities.get(caller.authorization), ...caller.identity });
  const first = identityOf(route.callers[0]);
  return {
    name: route.name,
    method: route.method,
    requestValues,
    statements: statements.map(({ text, name }) => ({ text, ...(name ? { name } : {}) })),
    subjects: route.callers.map((caller) => {
      const swap = identitySwap(first, identityOf(caller));
      return statements.map((statement) => statement.values.map(swap));
    }),
  };
}

/** Replaces the first caller's ids in a parameter with another's: whole values, inside arrays, and inside composed text. */
function identitySwap(first, other) {
  const fields = Object.keys(first).filter((field) => other[field] !== undefined && keyOf(first[field]) !== keyOf(other[field]));
  const whole = new Map(fields.map((field) => [keyOf(first[field]), other[field]]));
  // Ids also travel inside text, such as an overdue alert's key `<assignment>/<person>/<date>`.
  const inText = fields.filter((field) => typeof first[field] === 'string');
  const swap = (value) => {
    if (Array.isArray(value)) return value.map(swap);
    const swapped = whole.get(keyOf(value));
    if (swapped !== undefined) return swapped;
    return typeof value === 'string' ? inText.reduce((text, field) => text.replaceAll(first[field], other[field]), value) : value;
  };
  return fields.length === 0 ? (value) => value : swap;
}

const keyOf = (value) => (value && value.type === 'Buffer' ? `bytes:${Buffer.from(value.data).toString('hex')}` : typeof value === 'string' ? value : JSON.stringify(value));

/** Each portal caller's ids as the recorded parameters carry them, found by their tokens' hashes in one query. */
async function portalIdentitiesOf(owner, routes) {
  const callers = [...new Set(routes.filter((route) => route.name.startsWith('portal-')).flatMap((route) => route.callers.map((caller) => caller.authorization)))];
  const { sha256 } = builtApi('common/crypto/tokens.js');
  const hashes = callers.map((authorization) => Buffer.from(sha256(authorization.slice('Bearer '.length)), 'hex'));
  const { rows } = await owner.query(
    `SELECT token_sha256, id AS link_id, participant_id, case_id, practice_id FROM portal_links WHERE token_sha256 = ANY($1)`,
    [hashes],
  );
  const byHash = new Map(rows.map((row) => [row.token_sha256.toString('hex'), row]));
  return new Map(
    callers.map((authorization, index) => {
      const row = byHash.get(hashes[index].toString('hex'));
      const tokenHash = { type: 'Buffer', data: [...hashes[index]] };
      return [authorization, { tokenHash, linkId: row.link_id, participantId: row.participant_id, caseId: row.case_id, practiceId: row.practice_id }];
    }),
  );
}

/**
 * Writes cut off when a load stops still commit: a route that reads back its drafts' versions,
 * or removes its sheets, does so once those have landed.
 */
async function settle(route) {
  if (!route.beforeLoad) return;
  await sleep(SETTLE_MS);
  await route.beforeLoad();
}

async function measure(route, server, connections) {
  const runId = `bench-${Date.now().toString(36)}-${connections}-${randomUUID().slice(0, 8)}`;
  await settle(route);
  await load(route, server, connections, WARM_UP_SECONDS, `warm-${runId}`);
  await settle(route);
  const storedBefore = await route.storedWrites?.(runId);
  const cpuBefore = { server: cpuTicksOf([server.pid]), database: cpuTicksOf(postgresPids()) };
  const run = await load(route, server, connections, SECONDS, runId);
  if (route.once && route.nextCaller > route.callers.length) log(`${route.label}: ${route.callers.length} open dates were not enough for one load; later requests were refused.`);
  const cpuPerRequest = (before, after) => {
    const seconds = cpuSecondsBetween(before, after);
    return seconds === null ? null : round((seconds * 1000) / Math.max(1, run.latencies.length), 2);
  };
  const latencies = run.latencies.sort((a, b) => a - b);
  const figures = {
    requestsPerSecond: round(run.acknowledged / SECONDS, 0),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: run.errors,
    requests: latencies.length,
    // Where the time goes: CPU milliseconds per request in the server process and in PostgreSQL.
    serverCpuMs: cpuPerRequest(cpuBefore.server, cpuTicksOf([server.pid])),
    databaseCpuMs: cpuPerRequest(cpuBefore.database, cpuTicksOf(postgresPids())),
  };
  if (route.storedWrites) {
    // Every acknowledged write must be in the database: by its run's idempotency keys, or by draft versions.
    const stored = (await route.storedWrites(runId)) - storedBefore;
    figures.acknowledged = run.acknowledged;
    figures.stored = stored;
    figures.lost = Math.max(0, run.acknowledged - stored);
  }
  return figures;
}

/**
 * One autocannon run; latencies come from every response, so p95 is exact rather than
 * autocannon's fixed percentiles. Callers take turns request by request, except that a draft
 * has one save in flight at a time (each is based on the version the last returned) and a
 * homework date is answered once in a load.
 */
function load(route, server, connections, seconds, runId) {
  let sent = 0;
  const latencies = [];
  let acknowledged = 0;
  let refused = 0;
  // autocannon keeps no state per connection across requests: a save takes a free draft and gives it back with its answer.
  const freeDrafts = route.sequential ? [...route.callers.keys()].reverse() : [];
  const callerOf = (context) => {
    if (route.sequential) return (context.draft = freeDrafts.pop() ?? sent % route.callers.length);
    if (route.once) return route.nextCaller++ % route.callers.length;
    return sent % route.callers.length;
  };
  const onResponse = (statusCode, _body, context) => {
    if (statusCode >= 200 && statusCode < 300) route.versions[context.draft] += 1;
    if (!freeDrafts.includes(context.draft)) freeDrafts.push(context.draft);
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        connections,
        duration: seconds,
        requests: [
          {
            method: route.method,
            path: server.pathOf(route, 0),
            setupRequest: (request, context) => {
              sent += 1;
              const index = callerOf(context);
              return { ...request, ...requestOf(route, index, `${runId}-${sent}`), path: server.pathOf(route, index) };
            },
            ...(route.sequential ? { onResponse } : {}),
          },
        ],
      },
      (error, result) => {
        if (error) reject(error);
        else resolve({ latencies, acknowledged, errors: refused + result.errors + result.timeouts });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode >= 200 && statusCode < 300) acknowledged += 1;
      else refused += 1;
    });
  });
}

/** CPU ticks (user + system) each process has used so far, from /proc; null where there is no /proc. */
function cpuTicksOf(pids) {
  if (pids === null) return null;
  const ticks = new Map();
  for (const pid of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // a PostgreSQL process may end between listing and reading
    }
  }
  return ticks;
}

/** CPU seconds used between two readings by the processes alive at the second (those that ended meanwhile are not counted). */
function cpuSecondsBetween(before, after) {
  if (before === null || after === null) return null;
  let ticks = 0;
  for (const [pid, total] of after) ticks += total - (before.get(pid) ?? 0);
  return ticks / CLOCK_TICKS;
}

/** Linux counts CPU time in ticks of 1/100 s on every common configuration (USER_HZ). */
const CLOCK_TICKS = 100;

function postgresPids() {
  if (!fs.existsSync('/proc/self/stat')) return null;
  return fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && readComm(entry) === 'postgres');
}

function readComm(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

function percentile(sorted, fraction) {
  if (sorted.length === 0) return null;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)], 1);
}

const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;

async function startApi(environment, { record }) {
  const sqlLog = path.join(BENCH_DIR, 'recorded-sql.jsonl');
  const started = record
    ? await startBuiltApi({ ...environment, BENCH_SQL_LOG: sqlLog }, { preload: path.join(ROOT, 'bench/src/record-sql.cjs') })
    : await startBuiltApi(environment);
  return { ...started, sqlLog };
}

async function startBaseline(planFile, appUrl) {
  const port = await freePort();
  const child = fork(path.join(ROOT, 'bench/src/baseline-server.mjs'), {
    env: { ...process.env, PORT: String(port), BENCH_BASELINE_PLAN: planFile, BENCH_DATABASE_APP_URL: appUrl, BENCH_POOL_SIZE: String(POOL_SIZE) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`The baseline server stopped (exit ${code}).`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

function writeResults(result, table) {
  const resultsDir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${result.date.slice(0, 10)}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const readme = path.join(ROOT, 'bench/README.md');
  const start = '<!-- last-run:start -->';
  const end = '<!-- last-run:end -->';
  const text = fs.readFileSync(readme, 'utf8');
  const block = `${start}\nLast run: ${result.date.slice(0, 16).replace('T', ' ')} UTC, ${result.machine.cpus} cores (${result.machine.cpuModel}), Node ${result.machine.node}, ${result.settings.secondsPerRun} s per run after a ${result.settings.warmUpSeconds} s warm-up, pool of ${result.settings.poolSize}; whole run ${result.totalSeconds} s. Figures in [results/${path.basename(file)}](results/${path.basename(file)}).\n\n${table}\n${end}`;
  const updated = text.includes(start) ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(readme, updated);
  log(`Wrote ${path.relative(ROOT, file)} and the table in bench/README.md`);
}

main().catch((error) => fail(error instanceof Error ? error.stack ?? error.message : String(error)));
