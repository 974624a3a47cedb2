// `npm run e2e`: the browser journeys against the built server, on a throwaway database.
// Ensures Chromium, builds only what is missing, starts `npm start`'s server on free ports
// with a fresh DATA_DIR, runs jest, then stops the server and removes everything it made.
import { spawn, spawnSync } from 'node:child_process';
import console from 'node:console';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CHROMIUM = '/usr/bin/chromium';
const BUILT = ['apps/api/dist/main.js', 'apps/dashboard/dist/index.html', 'apps/portal/dist/index.html'];
const STARTUP_LIMIT_MS = 120_000;

const log = (message) => console.log(`[e2e] ${message}`);

function fail(message) {
  console.error(`[e2e] ${message}`);
  process.exit(1);
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  const asRoot = process.getuid?.() === 0;
  log(`Chromium is not installed at ${CHROMIUM}; installing Debian's package with apt-get${asRoot ? '' : ' (through sudo)'}…`);
  const command = asRoot ? ['apt-get'] : ['sudo', 'apt-get'];
  const run = (args) => spawnSync(command[0], [...command.slice(1), ...args], { stdio: 'inherit' }).status === 0;
  if (!run(['install', '-y', 'chromium']) && !(run(['update']) && run(['install', '-y', 'chromium']))) {
    fail(`Could not install Chromium. Install it yourself (apt-get install -y chromium) so that ${CHROMIUM} exists, then run again.`);
  }
  if (!fs.existsSync(CHROMIUM)) fail(`apt-get finished but ${CHROMIUM} is still missing.`);
}

function ensureBuild() {
  const missing = BUILT.filter((file) => !fs.existsSync(path.join(root, file)));
  if (missing.length === 0) return;
  log(`Building first (missing: ${missing.join(', ')})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) fail('`npm run build` failed.');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function healthy(baseUrl) {
  return new Promise((resolve) => {
    const request = http.get(`${baseUrl}/api/health`, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => request.destroy());
  });
}

async function startServer(dataDir) {
  const port = await freePort();
  const env = { ...process.env };
  // A hermetic server: the embedded database in the temporary directory, development mode
  // (so the demo practice is seeded), no background e-mails, sign-in limits the journeys never reach.
  for (const name of ['NODE_ENV', 'HOST', 'DATABASE_URL', 'DATABASE_APP_URL', 'REDIS_URL', 'SMTP_URL', 'PUBLIC_URL', 'DASHBOARD_URL', 'PORTAL_URL', 'CORS_ORIGINS']) {
    delete env[name];
  }
  const databasePort = await freePort();
  Object.assign(env, {
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_POSTGRES_PORT: String(databasePort),
    JOBS: 'off',
    LOG_LEVEL: 'warn',
    LOGIN_LIMIT_PER_EMAIL: '1000',
    LOGIN_LIMIT_PER_ADDRESS: '1000',
  });
  const logFile = path.join(dataDir, 'server.log');
  const output = fs.openSync(logFile, 'a');
  const server = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], { cwd: root, env, stdio: ['ignore', output, output] });
  const baseUrl = `http://localhost:${port}`;
  const started = Date.now();
  while (!(await healthy(baseUrl))) {
    if (server.exitCode !== null || Date.now() - started > STARTUP_LIMIT_MS) {
      server.kill('SIGKILL');
      console.error(fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'));
      throw new Error(server.exitCode !== null ? 'The server stopped while starting (its log is above).' : 'The server did not answer /api/health within 2 minutes.');
    }
    await sleep(250);
  }
  log(`Server ready at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // The embedded server's superuser (its password beside the database, see embedded-postgres.ts):
  // the journey of `npm run dev`'s links starts a second API on the same data.
  const password = fs.readFileSync(path.join(dataDir, 'pg-superuser-password'), 'utf8').trim();
  const databaseUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${databasePort}/trustwork`;
  return { server, baseUrl, logFile, databaseUrl };
}

/** SIGTERM lets the server close HTTP and then the embedded PostgreSQL; a stuck one is killed. */
async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  if ((await Promise.race([exited, sleep(20_000, 'timeout')])) === 'timeout') {
    server.kill('SIGKILL');
    await exited;
  }
}

function runJest({ baseUrl, databaseUrl }, tempDir) {
  const jest = path.join(root, 'node_modules/.bin/jest');
  const args = ['-c', path.join(root, 'apps/e2e/jest.config.js'), '--runInBand', ...process.argv.slice(2)];
  return new Promise((resolve) => {
    const env = { ...process.env, E2E_BASE_URL: baseUrl, E2E_DATABASE_URL: databaseUrl, E2E_TEMP_DIR: tempDir };
    const child = spawn(jest, args, { cwd: root, stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const began = Date.now();
  ensureChromium();
  ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-e2e-'));
  // As root the embedded PostgreSQL runs as its own user, which must be able to enter this directory.
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755);
  let server;
  let status = 1;
  const cleanUp = async () => {
    if (server) await stopServer(server.server);
    try {
      fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      // A browser helper still closing its files must not turn a passing run red.
      log(`Could not remove ${dataDir} yet: ${error.message}`);
    }
  };
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
  try {
    server = await startServer(dataDir);
    status = await runJest(server, dataDir);
    if (status !== 0) log(`Journeys failed; the last lines of the server log:\n${fs.readFileSync(server.logFile, 'utf8').split('\n').slice(-15).join('\n')}`);
  } catch (error) {
    console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
  } finally {
    await cleanUp();
  }
  log(`Finished in ${((Date.now() - began) / 1000).toFixed(0)} s`);
  process.exit(status);
}

await main();
