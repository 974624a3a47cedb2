import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WAIT_MS } from './steps';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

const CHROMIUM_PATH = '/usr/bin/chromium';

/** Exactly these flags, plus a fresh profile each run (Playwright's launch() would add its own). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

export interface RunningBrowser {
  browser: Browser;
  /** A new window with its own cookies and storage, like a separate person's device. */
  newContext(options: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium ourselves and drives it over the DevTools protocol, so the
 * command line is exactly ours and nothing is ever downloaded.
 */
export async function startBrowser(): Promise<RunningBrowser> {
  // Inside the run's own temporary directory when there is one, so nothing outlives the run.
  const profile = fs.mkdtempSync(path.join(process.env.E2E_TEMP_DIR ?? os.tmpdir(), 'trustwork-e2e-chromium-'));
  const chromiumProcess = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await devToolsEndpoint(chromiumProcess);
  const browser = await chromium.connectOverCDP(endpoint);
  return {
    browser,
    async newContext(options) {
      // The same dates and wording whatever the machine's own settings (a new practice keeps time in UTC).
      const context = await browser.newContext({ baseURL: baseUrl(), locale: 'en-GB', timezoneId: 'UTC', ...options });
      context.setDefaultTimeout(WAIT_MS);
      return context;
    },
    async close() {
      await browser.close().catch(() => undefined);
      if (chromiumProcess.exitCode === null) {
        const exited = new Promise((resolve) => chromiumProcess.once('exit', resolve));
        chromiumProcess.kill('SIGTERM');
        await exited;
      }
      // Chromium's helper processes may still be writing to the profile for a moment. It lies in
      // the run's temporary folder, which the e2e script removes at the end anyway, so a profile
      // still busy is left to that rather than failing journeys that all passed.
      try {
        fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (error) {
        process.stderr.write(`[e2e] The browser profile is still in use and is left to the run's clean-up: ${(error as Error).message}\n`);
      }
    },
  };
}

/** Chromium prints its DevTools address on stderr once it is ready. */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start within 30 s:\n${output}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (code ${code}) before it was ready:\n${output}`));
    });
  });
}

function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the journeys with `npm run e2e`, which starts the server.');
  return url;
}
