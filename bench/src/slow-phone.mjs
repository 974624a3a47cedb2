// The portal and the dashboard's sign-in opened for the first time on a slow phone: Chromium
// with Lighthouse's "slow 4G" network and a CPU four times slower, a fresh (cold) browser
// context each time. Each page is measured from navigation start until a person can use it.
//
//   node bench/src/slow-phone.mjs                     starts the built API on the data of `npm run bench:data`
//                                                     (not during `npm run bench`: both start its embedded PostgreSQL)
//   BASE_URL=http://127.0.0.1:3000 PORTAL_TOKEN=… node bench/src/slow-phone.mjs   measures a running API
//   (EMAIL and PASSWORD name the dashboard account; they default to the benchmark's largest practice owner)
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { chromium } from 'playwright-core';
import {
  BENCH_DIR,
  BENCH_PASSWORD,
  benchId,
  benchSecrets,
  builtApi,
  fail,
  LARGEST_PRACTICE,
  log,
  openMigratedBenchDatabase,
  ownerEmail,
  portalToken as benchPortalToken,
  requirePg,
  startBuiltApi,
  stopOnSignals,
} from './bench-environment.mjs';

const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'en-GB', timezoneId: 'UTC' };
const RUNS = 3;
const USABLE_TIMEOUT_MS = 60_000;

/**
 * Lighthouse's mobile "slow 4G" profile (lighthouse core/config/constants.js, `mobileSlow4G`; its
 * docs/throttling.md): 150 ms round trip, 1.6 Mbit/s down (1.6 × 1024 kbit/s), 750 kbit/s up, CPU 4× slower.
 * DevTools throttling delays each request once rather than each round trip, so Lighthouse (and
 * Chrome DevTools' own "Slow 4G" preset) applies it through CDP with latency × 3.75 and throughput × 0.9:
 * those adjusted figures are what the browser gets here.
 */
const SLOW_4G = { latencyMs: 150, downloadKbps: 1.6 * 1024, uploadKbps: 750, cpuSlowdown: 4 };
const DEVTOOLS_LATENCY_FACTOR = 3.75;
const DEVTOOLS_THROUGHPUT_FACTOR = 0.9;
const bytesPerSecond = (kbps) => Math.floor((kbps * DEVTOOLS_THROUGHPUT_FACTOR * 1024) / 8);

/** Measures the portal's first screen and the sign-in form on a slow phone; medians of three cold loads each. */
export async function measureSlowPhone({ baseUrl, portalToken, email, password }) {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: apt-get install -y chromium (as the browser journeys do).`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  try {
    const portal = await medianOf(() => openCold(browser, `${baseUrl}/p/#${portalToken}`, portalHomeworkUsable));
    const signIn = await medianOf(() =>
      openCold(browser, `${baseUrl}/sign-in`, signInFormUsable, (page) => checkSignInWorks(page, email, password)),
    );
    return {
      profile: SLOW_4G,
      portal: { homeworkUsableMs: portal.usableMs, transferredBytes: portal.transferredBytes, requests: portal.requests },
      signIn: { formUsableMs: signIn.usableMs, transferredBytes: signIn.transferredBytes, requests: signIn.requests },
    };
  } finally {
    await browser.close();
  }
}

/** Runs a measurement RUNS times and keeps the run with the median time (its bytes and requests too). */
async function medianOf(measure) {
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await measure());
  runs.sort((a, b) => a.usableMs - b.usableMs);
  return runs[Math.floor(RUNS / 2)];
}

/**
 * Opens `url` in a new phone context (empty cache, no stored token) under the slow profile and waits
 * until `usable` (run in the page every frame) returns the page's performance.now(), which counts from
 * navigation start. Bytes are those of the requests finished by then.
 */
async function openCold(browser, url, usable, afterwards) {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_4G.latencyMs * DEVTOOLS_LATENCY_FACTOR,
      downloadThroughput: bytesPerSecond(SLOW_4G.downloadKbps),
      uploadThroughput: bytesPerSecond(SLOW_4G.uploadKbps),
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_4G.cpuSlowdown });
    const requests = new Map();
    let firstRequestAt = null;
    cdp.on('Network.requestWillBeSent', ({ requestId, request, timestamp }) => {
      firstRequestAt ??= timestamp;
      requests.set(requestId, { url: request.url, startMs: Math.round((timestamp - firstRequestAt) * 1000) });
    });
    cdp.on('Network.loadingFinished', ({ requestId, timestamp, encodedDataLength }) => {
      const request = requests.get(requestId);
      if (request) Object.assign(request, { endMs: Math.round((timestamp - firstRequestAt) * 1000), bytes: encodedDataLength });
    });

    await page.goto(url, { waitUntil: 'commit' });
    const outcome = await (await page.waitForFunction(usable, undefined, { polling: 'raf', timeout: USABLE_TIMEOUT_MS })).jsonValue();
    if (outcome.problem) throw new Error(`${url.split('#')[0]} showed "${outcome.problem}" instead of a usable page.`);
    const finished = [...requests.values()].filter((request) => request.bytes !== undefined);
    const result = {
      usableMs: Math.round(outcome.usableMs),
      transferredBytes: finished.reduce((total, request) => total + request.bytes, 0),
      // The waterfall up to usability, by path (the portal's token never leaves the fragment).
      requests: finished.map((request) => ({ path: new URL(request.url).pathname, startMs: request.startMs, endMs: request.endMs, bytes: request.bytes })),
    };
    await afterwards?.(page);
    return result;
  } finally {
    await context.close();
  }
}

/* global document, performance -- the two checks below run in the page, through waitForFunction */

/**
 * The portal's first screen with the homework card loaded (its summary in place of "Loading your
 * homework…") and its "See your homework" button ready; any screen that shows a failed link or load ends the wait.
 */
function portalHomeworkUsable() {
  const title = document.querySelector('main h1')?.textContent ?? '';
  const failedScreens = ['This link no longer works', 'Something went wrong', 'No connection', 'Please wait a moment', 'Your homework space'];
  const alert = document.querySelector('[role="alert"]');
  if (failedScreens.some((failed) => title.startsWith(failed)) || alert) return { problem: alert?.textContent || title };
  const card = document.getElementById('homework-heading')?.closest('section');
  if (!card?.checkVisibility() || card.querySelector('[role="status"]')) return false;
  const button = [...card.querySelectorAll('button')].find((candidate) => candidate.textContent === 'See your homework');
  return button?.checkVisibility() && !button.disabled ? { usableMs: performance.now() } : false;
}

/** The sign-in form's e-mail field, shown and enabled: the person can start typing. */
function signInFormUsable() {
  const field = [...document.querySelectorAll('label')].find((label) => label.textContent?.trim().startsWith('E-mail'))?.control;
  return field?.checkVisibility() && !field.disabled && !field.readOnly ? { usableMs: performance.now() } : false;
}

/** After the clock stops: the form measured is the real one, and signs the person in. */
async function checkSignInWorks(page, email, password) {
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/api/auth/login', { timeout: USABLE_TIMEOUT_MS }),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  if (!response.ok()) throw new Error(`Signing in from the measured form answered ${response.status()}.`);
}

/** Run alone: a running API named by BASE_URL and PORTAL_TOKEN, or the built API started here on the benchmark data. */
async function main() {
  const email = process.env.EMAIL ?? ownerEmail(LARGEST_PRACTICE);
  const password = process.env.PASSWORD ?? BENCH_PASSWORD;
  if (process.env.BASE_URL) {
    if (!process.env.PORTAL_TOKEN) fail('BASE_URL needs PORTAL_TOKEN: a participant’s portal link token on that server.');
    report(await measureSlowPhone({ baseUrl: process.env.BASE_URL, portalToken: process.env.PORTAL_TOKEN, email, password }));
    return;
  }
  const secrets = benchSecrets();
  const database = await openMigratedBenchDatabase();
  let api;
  const stop = async () => {
    if (api && api.exitCode === null) await new Promise((resolve) => api.once('exit', resolve).kill('SIGTERM'));
    await database.stop();
  };
  stopOnSignals(stop);
  try {
    const { Pool } = requirePg();
    const owner = new Pool({ connectionString: database.ownerUrl, max: 1 });
    const [person] = (
      await owner.query(
        `SELECT p.id FROM participants p JOIN cases c ON c.id = p.case_id WHERE c.practice_id = $1 AND c.status = 'active' ORDER BY p.id LIMIT 1`,
        [benchId('practice', LARGEST_PRACTICE)],
      )
    ).rows;
    await owner.end();
    // Thrown, not fail(): the finally below must stop the API and the embedded PostgreSQL.
    if (!person) throw new Error('There is no benchmark data yet: run `npm run bench:data` first.');
    const { ensureApiRole } = builtApi('database/database-setup.js');
    const appUrl = await ensureApiRole(database.ownerUrl, 'trustwork_app', secrets.appPassword);
    const started = await startBuiltApi({
      DATABASE_URL: database.ownerUrl,
      DATABASE_APP_URL: appUrl,
      JWT_SECRET: secrets.jwtSecret,
      NOTES_ENCRYPTION_KEY: secrets.notesKey,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      // Production requires the address links start with; no link is sent here.
      PUBLIC_URL: 'http://127.0.0.1',
      JOBS: 'off',
      LOG_FILE: path.join(BENCH_DIR, 'slow-phone-api.log'),
    });
    api = started.child;
    report(await measureSlowPhone({ baseUrl: started.url, portalToken: benchPortalToken(person.id, secrets.portalSecret), email, password }));
  } finally {
    await stop();
  }
}

function report(result) {
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  const slow = result.profile;
  log(`Slow 4G (${slow.latencyMs} ms RTT, ${slow.downloadKbps} kbit/s down, ${slow.uploadKbps} kbit/s up), CPU ${slow.cpuSlowdown}× slower; medians of ${RUNS} cold loads:`);
  for (const [label, figures, usableMs] of [
    ['Portal, homework usable', result.portal, result.portal.homeworkUsableMs],
    ['Sign-in, form usable', result.signIn, result.signIn.formUsableMs],
  ]) {
    log(`${label}: ${usableMs} ms, ${kB(figures.transferredBytes)} transferred`);
    for (const request of figures.requests) log(`    ${String(request.startMs).padStart(5)}–${String(request.endMs).padStart(5)} ms ${kB(request.bytes).padStart(9)}  ${request.path}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
}
