// What `npm run bench:data` and `npm run bench` share: where the benchmark database lives,
// the secrets its API runs with, the built API code both reuse, and who signs in.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH_DIR = path.join(ROOT, '.data', 'bench');
export const DATABASE_NAME = 'trustwork_bench';
const EMBEDDED_PORT = Number(process.env.BENCH_PG_PORT ?? 5498);

/** Every team member of the benchmark practices signs in with this password. */
export const BENCH_PASSWORD = 'trustwork-bench-password';
export const ownerEmail = (practiceNumber) => `owner.p${String(practiceNumber).padStart(2, '0')}@bench.trustwork.test`;
/** Practice 1 holds half the cases; practice 2 is the 100-case practice the caseload is compared with. */
export const LARGEST_PRACTICE = 1;
export const SMALL_PRACTICE = 2;
/** Case 1 (largest practice) has a year and more of history: the progress and brief routes read it. */
export const YEAR_CASE_NUMBER = 1;

const requireFromApi = createRequire(path.join(ROOT, 'apps/api/package.json'));

/** A module of the built API (`apps/api/dist`), so the benchmark uses the product's own migrations and crypto. */
export function builtApi(relative) {
  const file = path.join(ROOT, 'apps/api/dist', relative);
  if (!fs.existsSync(file)) fail(`The API is not built (${path.relative(ROOT, file)} is missing). Run \`npm run build\` first.`);
  return requireFromApi(file);
}

/** The clinical content as built (libs/trust-program/dist). */
export const trustProgram = () => requireFromApi('@trustwork/trust-program');

/** pg as the API resolves it, so the baseline and the recorder use the very same driver. */
export const requirePg = () => requireFromApi('pg');

export function fail(message) {
  console.error(`[bench] ${message}`);
  process.exit(1);
}

export const log = (message) => console.log(`[bench] ${message}`);

/** Generated once per data directory: the API of `npm run bench` must read the notes `bench:data` encrypted. */
export function benchSecrets() {
  const file = path.join(BENCH_DIR, 'secrets.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const secrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    appPassword: randomBytes(24).toString('base64url'),
    notesKey: `bench:${randomBytes(32).toString('base64')}`,
    portalSecret: randomBytes(24).toString('base64url'),
  };
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * A participant's portal link token, derived from the data directory's secret so both
 * scripts know it without storing thousands of tokens; same shape as the product's (43 base64url characters).
 * `portalTokenSql` is the same derivation inside PostgreSQL, for the generator's bulk insert.
 */
export function portalToken(participantId, portalSecret) {
  return createHash('sha256').update(`trustwork-bench-portal:${portalSecret}:${participantId}`).digest('base64url');
}
export const portalTokenSql = (participantIdColumn, secretParameter) =>
  `translate(rtrim(encode(sha256(convert_to('trustwork-bench-portal:' || ${secretParameter} || ':' || ${participantIdColumn}, 'UTF8')), 'base64'), '='), '+/', '-_')`;

/** Deterministic ids, the same on every machine: `benchId('case', 1)`. */
export const benchIdSql = (kind, numberExpression) => `md5('trustwork-bench:${kind}:' || (${numberExpression}))::uuid`;
export const benchId = (kind, number) => {
  const hex = createHash('md5').update(`trustwork-bench:${kind}:${number}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The benchmark's database: BENCH_DATABASE_URL when given (an empty database, or one this
 * generator filled before), else an embedded PostgreSQL in .data/bench/pg.
 */
export async function openBenchDatabase() {
  if (process.env.BENCH_DATABASE_URL) return { ownerUrl: process.env.BENCH_DATABASE_URL, stop: async () => undefined };
  const { startEmbeddedPostgres } = builtApi('database/embedded-postgres.js');
  log(`Starting embedded PostgreSQL in .data/bench/pg on port ${EMBEDDED_PORT}`);
  const server = await startEmbeddedPostgres({ dataDir: path.join(BENCH_DIR, 'pg'), port: EMBEDDED_PORT, persistent: true });
  await server.createDatabase(DATABASE_NAME);
  return { ownerUrl: server.adminUrl(DATABASE_NAME), stop: () => server.stop() };
}

/**
 * The benchmark's database with the product's newest migrations applied: data made before a
 * migration is kept and brought up to date, as an installation's would be.
 */
export async function openMigratedBenchDatabase() {
  const database = await openBenchDatabase();
  const { migrate } = builtApi('database/database-setup.js');
  const { applied } = await migrate(database.ownerUrl);
  if (applied.length > 0) log(`Applied ${applied.length} newer migration(s) to the benchmark data: ${applied.join(', ')}`);
  return database;
}

/** Stops the embedded server on Ctrl-C too, so the next run finds its port free. */
export function stopOnSignals(stop) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stop().finally(() => process.exit(130));
    });
  }
}

/** A port nothing listens on right now, on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The built API (`apps/api/dist/main.js`) on a free port with `environment`, once it answers
 * its health check. `preload` is a module for `node --require` (the SQL recorder).
 */
export async function startBuiltApi(environment, { preload } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [...(preload ? ['--require', preload] : []), path.join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: { ...process.env, ...environment, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(250)) {
    if (child.exitCode !== null) throw new Error(`The API stopped while starting:\n${errors}`);
    if (await fetch(`${url}/api/health`).then((response) => response.ok, () => false)) return { child, url };
  }
  child.kill('SIGTERM');
  throw new Error(`The API did not answer ${url}/api/health within a minute.`);
}
