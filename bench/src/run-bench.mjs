// `npm run bench`: the built API (NODE_ENV=production) on the data of `npm run bench:data`,
// against a raw Fastify + pg baseline replaying the API's own SQL. Each route is loaded with
// autocannon at 10 and 50 connections for a fixed time, baseline and API one after the other;
// the table goes to the terminal and bench/README.md, every figure to bench/results/<date>.json.
import autocannon from 'autocannon';
import { fork, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BENCH_DIR,
  BENCH_PASSWORD,
  benchId,
  benchSecrets,
  builtApi,
  fail,
  LARGEST_PRACTICE,
  log,
  openBenchDatabase,
  ownerEmail,
  portalToken,
  requirePg,
  ROOT,
  SMALL_PRACTICE,
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
/** BENCH_ROUTES=caseload-first,portal-check-in measures only those (while working on one route). */
const ONLY = process.env.BENCH_ROUTES?.split(',').map((name) => name.trim()).filter(Boolean);

async function main() {
  const startedAt = new Date();
  const secrets = benchSecrets();
  const database = await openBenchDatabase();
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
    const routes = (await describeRoutes(owner, recorder.url, secrets)).filter((route) => !ONLY || ONLY.includes(route.name));
    for (const route of routes) route.recorded = await recordRoute(recorder, route);
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
        const raw = await measure(route, { url: baseline.url, path: `/raw/${route.name}`, pid: baseline.child.pid }, connections, owner);
        const trustwork = await measure(route, { url: api.url, path: route.path, pid: api.child.pid }, connections, owner);
        const row = { route: route.label, name: route.name, connections, baseline: raw, trustwork, ratio: round(trustwork.requestsPerSecond / raw.requestsPerSecond, 2) };
        rows.push(row);
        log(`${route.label} @${connections}: baseline ${raw.requestsPerSecond} req/s, Trustwork ${trustwork.requestsPerSecond} req/s (p95 ${trustwork.p95} ms)`);
      }
    }

    const targets = evaluateTargets(rows);
    const result = {
      date: startedAt.toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: round(os.totalmem() / 2 ** 30, 1), node: process.version },
      settings: { secondsPerRun: SECONDS, warmUpSeconds: WARM_UP_SECONDS, connections: CONNECTIONS, poolSize: POOL_SIZE, portalPeople: PORTAL_PEOPLE },
      dataset,
      rows,
      targets,
      totalSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    };
    const table = formatTable(rows, targets);
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

async function datasetOf(owner) {
  const { rows } = await owner.query(`SELECT to_regclass('bench.dataset') IS NOT NULL AS made`);
  const dataset = rows[0].made ? (await owner.query('SELECT version, anchor, completed_at, counts FROM bench.dataset')).rows[0] : null;
  if (!dataset?.completed_at) fail('There is no benchmark data yet: run `npm run bench:data` first.');
  return { version: dataset.version, madeAt: dataset.completed_at, counts: dataset.counts };
}

/**
 * Every run starts from the generated data: audit rows (and their chains), check-ins and alerts written by earlier
 * runs are removed (the generator writes no audit rows and no keyed check-ins), and a checkpoint
 * is taken so that writing back a previous run's pages does not land inside this one.
 */
async function undoEarlierRuns(owner) {
  await owner.query('DELETE FROM audit_events');
  // Each practice's audit chain starts again at its first row (the table comes with the chain's migration).
  await owner.query(`DO $$ BEGIN IF to_regclass('audit_chain') IS NOT NULL THEN DELETE FROM audit_chain; DELETE FROM audit_chain_heads; END IF; END $$`);
  await owner.query('DELETE FROM check_ins WHERE idempotency_key IS NOT NULL');
  await owner.query(`DELETE FROM case_alerts WHERE source_key NOT LIKE 'bench-%'`);
  await owner.query(`UPDATE case_alerts SET status = 'open', resolved_at = NULL WHERE source_key LIKE 'bench-%' AND status = 'resolved'`);
  await owner.query('VACUUM (ANALYZE) audit_events, check_ins, case_alerts');
  await owner.query('CHECKPOINT');
}

/** The routes measured, with who calls them; ids come from the generator's deterministic ids. */
async function describeRoutes(owner, apiUrl, secrets) {
  const yearCase = benchId('case', YEAR_CASE_NUMBER);
  const largest = await signIn(apiUrl, ownerEmail(LARGEST_PRACTICE));
  const small = await signIn(apiUrl, ownerEmail(SMALL_PRACTICE));
  const laterCursor = await cursorAfter(apiUrl, largest, 2_500);
  const [{ id: nextSession }] = (await owner.query(`SELECT id FROM sessions WHERE case_id = $1 AND status = 'scheduled'`, [yearCase])).rows;
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  // People of the largest practice's open cases, each with their own portal link.
  const people = (
    await owner.query(
      `SELECT p.id FROM participants p JOIN cases c ON c.id = p.case_id
       WHERE c.practice_id = $1 AND c.status = 'active' ORDER BY p.id LIMIT ${PORTAL_PEOPLE}`,
      [benchId('practice', LARGEST_PRACTICE)],
    )
  ).rows.map((row) => `Bearer ${portalToken(row.id, secrets.portalSecret)}`);
  return [
    { name: 'caseload-first', label: 'Caseload, first page (5,000 cases)', method: 'GET', path: '/api/cases', callers: [largest] },
    { name: 'caseload-later', label: 'Caseload, page 101 by cursor (5,000 cases)', method: 'GET', path: `/api/cases?cursor=${laterCursor}`, callers: [largest] },
    { name: 'caseload-small', label: 'Caseload, first page (100 cases)', method: 'GET', path: '/api/cases', callers: [small] },
    { name: 'progress-year', label: "A case's progress for a year", method: 'GET', path: `/api/cases/${yearCase}/progress?from=${yearAgo}&to=${today}`, callers: [largest] },
    { name: 'session-brief', label: 'Pre-session brief (a year of history)', method: 'GET', path: `/api/sessions/${nextSession}/brief`, callers: [largest] },
    { name: 'portal-assignments', label: 'Portal: GET assignments', method: 'GET', path: '/api/portal/assignments', callers: people },
    {
      name: 'portal-check-in',
      label: 'Portal: POST check-in',
      method: 'POST',
      path: '/api/portal/check-ins',
      body: JSON.stringify({ trust: 6, safety: 7, heard: 6, closeness: 5 }),
      callers: people,
    },
  ];
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

/** Sends the route's request as its first caller, twice (the first warms caches), and keeps the statements of the second. */
async function recordRoute(recorder, route) {
  const marker = `bench-recorded-${randomUUID()}`;
  await send(recorder.url, route, route.callers[0], `bench-warm-${randomUUID()}`);
  fs.writeFileSync(recorder.sqlLog, '');
  await send(recorder.url, route, route.callers[0], marker);
  const statements = fs.readFileSync(recorder.sqlLog, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
  if (statements.length === 0) fail(`No SQL was recorded for ${route.label}.`);
  return { marker, statements };
}

async function send(apiUrl, route, authorization, idempotencyKey) {
  const response = await fetch(`${apiUrl}${route.path}`, {
    method: route.method,
    headers: { authorization, 'idempotency-key': idempotencyKey, ...(route.body ? { 'content-type': 'application/json' } : {}) },
    body: route.body,
  });
  if (!response.ok) fail(`${route.label} answered ${response.status} while recording: ${await response.text()}`);
  await response.arrayBuffer();
}

/**
 * The baseline's copy of a route: the recorded statements once per caller. For a portal
 * route recorded as the first person, that person's ids (and token hash) in the parameters
 * are swapped for each other person's, so the baseline reads the same rows the API reads.
 */
function baselineRoute(route, identities) {
  const first = route.callers[0];
  return {
    name: route.name,
    method: route.method,
    idempotencyMarker: route.recorded.marker,
    subjects: route.callers.map((authorization) => {
      if (authorization === first) return { authorization, statements: route.recorded.statements };
      const swap = identitySwap(identities.get(first), identities.get(authorization));
      return { authorization, statements: route.recorded.statements.map((statement) => ({ ...statement, values: statement.values.map(swap) })) };
    }),
  };
}

/** Replaces the first person's ids in a parameter with another's; dashboard callers have none to swap. */
function identitySwap(first, other) {
  if (!first || !other) return (value) => value;
  const replacements = new Map(Object.keys(first).map((field) => [keyOf(first[field]), other[field]]));
  return (value) => replacements.get(keyOf(value)) ?? value;
}

const keyOf = (value) => (value && value.type === 'Buffer' ? `bytes:${Buffer.from(value.data).toString('hex')}` : typeof value === 'string' ? value : JSON.stringify(value));

/** Each portal caller's ids as the recorded parameters carry them, found by their tokens' hashes in one query. */
async function portalIdentitiesOf(owner, routes) {
  const callers = [...new Set(routes.filter((route) => route.name.startsWith('portal-')).flatMap((route) => route.callers))];
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

async function measure(route, server, connections, owner) {
  const runId = `bench-${Date.now().toString(36)}-${connections}-${randomUUID().slice(0, 8)}`;
  await load(route, server.url, server.path, connections, WARM_UP_SECONDS, `${runId}-warm`);
  const cpuBefore = { server: cpuTicksOf([server.pid]), database: cpuTicksOf(postgresPids()) };
  const run = await load(route, server.url, server.path, connections, SECONDS, runId);
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
  if (route.method === 'POST') {
    const { rows } = await owner.query(`SELECT count(*)::int AS stored FROM check_ins WHERE idempotency_key LIKE $1`, [`${runId}-%`]);
    figures.acknowledged = run.acknowledged;
    figures.stored = rows[0].stored;
    figures.lost = Math.max(0, run.acknowledged - rows[0].stored);
  }
  return figures;
}

/** One autocannon run; latencies come from every response, so p95 is exact rather than autocannon's fixed percentiles. */
function load(route, baseUrl, requestPath, connections, seconds, runId) {
  let sent = 0;
  const latencies = [];
  let acknowledged = 0;
  let refused = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        requests: [
          {
            method: route.method,
            path: requestPath,
            body: route.body,
            headers: route.body ? { 'content-type': 'application/json' } : {},
            setupRequest: (request) => {
              sent += 1;
              const authorization = route.callers[sent % route.callers.length];
              return { ...request, headers: { ...request.headers, authorization, 'idempotency-key': `${runId}-${sent}` } };
            },
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
  const port = await freePort();
  const sqlLog = path.join(BENCH_DIR, 'recorded-sql.jsonl');
  const args = record ? ['--require', path.join(ROOT, 'bench/src/record-sql.cjs')] : [];
  const child = spawn(process.execPath, [...args, path.join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: { ...process.env, ...environment, PORT: String(port), ...(record ? { BENCH_SQL_LOG: sqlLog } : {}) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health`, child, () => errors);
  return { child, url, sqlLog };
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

async function waitFor(healthUrl, child, errors) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`The API stopped while starting:\n${errors()}`);
    const healthy = await fetch(healthUrl).then((response) => response.ok, () => false);
    if (healthy) return;
    await sleep(250);
  }
  fail(`The API did not answer ${healthUrl} within a minute.`);
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
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
