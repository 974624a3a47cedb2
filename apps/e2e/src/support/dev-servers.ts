import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.resolve(__dirname, '../../../..');
/** Vite compiles on first use, and the machine may be busy. */
const STARTUP_MS = 120_000;
/** Left out of the API's environment, as scripts/run-e2e.mjs leaves them out of the built server's. */
const NOT_INHERITED = ['NODE_ENV', 'HOST', 'DATABASE_APP_URL', 'REDIS_URL', 'SMTP_URL', 'PUBLIC_URL', 'CORS_ORIGINS'];

export interface DevServers {
  dashboardUrl: string;
  /** Where the portal's Vite server serves it, without the trailing slash (like PORTAL_URL). */
  portalUrl: string;
  stop(): Promise<void>;
}

/**
 * The three servers of `npm run dev`, on free ports: the dashboard's and the portal's Vite servers
 * (their own `dev` scripts) proxying /api to an API that, like the one `npm run dev` starts, is
 * told where they are. The API is the built one on the run's database, so it starts in seconds.
 */
export async function startDevServers(): Promise<DevServers> {
  const apiPort = await freePort();
  const dashboardUrl = `http://localhost:${await freePort()}`;
  const portalUrl = `http://localhost:${await freePort()}/p`;
  const tempDir = required('E2E_TEMP_DIR');
  const logFile = path.join(tempDir, 'dev-servers.log');
  const output = fs.openSync(logFile, 'a');
  const children: ChildProcess[] = [];
  const start = (command: string, args: string[], env: NodeJS.ProcessEnv) => {
    // A process group of its own: stopping it stops what npm started beneath it.
    children.push(spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', output, output], detached: true }));
  };

  const apiEnv = { ...process.env };
  for (const name of NOT_INHERITED) delete apiEnv[name];
  start(process.execPath, [path.join(ROOT, 'apps/api/dist/main.js')], {
    ...apiEnv,
    PORT: String(apiPort),
    DATABASE_URL: required('E2E_DATABASE_URL'),
    // The run's secrets (signing key, the API role's password), so the two APIs agree.
    DATA_DIR: tempDir,
    DASHBOARD_URL: dashboardUrl,
    PORTAL_URL: portalUrl,
    SEED_DEMO_PRACTICE: 'false',
    JOBS: 'off',
    LOG_LEVEL: 'warn',
    LOGIN_LIMIT_PER_EMAIL: '1000',
    LOGIN_LIMIT_PER_ADDRESS: '1000',
  });
  const viteEnv = { ...process.env, API_PROXY_TARGET: `http://localhost:${apiPort}` };
  for (const [workspace, url] of [
    ['@trustwork/dashboard', dashboardUrl],
    ['@trustwork/portal', portalUrl],
  ]) {
    start('npm', ['run', 'dev', '--silent', '-w', workspace, '--', '--port', new URL(url).port], viteEnv);
  }

  const stop = async () => {
    await Promise.all(children.map(stopGroup));
    fs.closeSync(output);
  };
  try {
    // Through each Vite server's proxy to the API: all three answer, and are wired together.
    await untilAnswered([`${dashboardUrl}/api/health`, `${portalUrl}/`, `${portalUrl.replace(/\/p$/, '')}/api/health`], children);
  } catch (error) {
    await stop();
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${(error as Error).message}\nThe servers' last lines:\n${tail}`, { cause: error });
  }
  return { dashboardUrl, portalUrl, stop };
}

async function untilAnswered(urls: string[], children: ChildProcess[]): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  for (const url of urls) {
    while (!(await answers(url))) {
      if (children.some((child) => child.exitCode !== null)) throw new Error('A development server stopped while starting.');
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${STARTUP_MS / 1000} s.`);
      await sleep(250);
    }
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    // An unread body would hold its connection open past the run.
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group, then SIGKILL if it has not gone within 10 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  // Unreferenced: a group that stopped at once must not keep the run waiting for this timer.
  if ((await Promise.race([exited, sleep(10_000, 'timeout', { ref: false })])) === 'timeout') {
    signal('SIGKILL');
    await exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the journeys with \`npm run e2e\`, which starts the server.`);
  return value;
}
