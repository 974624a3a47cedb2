import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const FAILURE_DIR = path.join(os.tmpdir(), 'trustwork-e2e-failures');
/** How long any one UI state may take to appear. */
export const WAIT_MS = 15_000;

let brokenAt: string | null = null;

/** A test whose journey builds on the ones before it: after a failure the rest are reported, not run. */
export function journey(name: string, body: () => Promise<void>): void {
  test(name, async () => {
    if (brokenAt) throw new Error(`Not run: this journey builds on "${brokenAt}", which failed.`);
    try {
      await body();
    } catch (error) {
      brokenAt = name;
      throw error;
    }
  });
}

/**
 * Runs one named step of a journey. A failure names the journey and the step, and
 * leaves a screenshot of the page as it was.
 */
export async function step<T>(page: Page, name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const journey = expect.getState().currentTestName ?? 'journey';
    fs.mkdirSync(FAILURE_DIR, { recursive: true });
    const file = path.join(FAILURE_DIR, `${slug(journey)}--${slug(name)}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Journey "${journey}" failed at step "${name}" on ${page.url()}\nScreenshot: ${file}\n\n${reason}`, { cause: error });
  }
}

/** Waits for something to be on screen (never a fixed sleep). */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout: WAIT_MS });
  return locator;
}

/** Waits until a condition about the page holds, checking every 100 ms. */
export async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${WAIT_MS / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits for opening dialogs, toasts and other transitions to finish (spinners, which never
 * finish, aside): half-faded colours would fail contrast checks and blur screenshots.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { timeout: WAIT_MS },
  );
}

export async function gone(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'hidden', timeout: WAIT_MS });
}

/** Whole visible text of the page, for "this must not be here" checks. */
export async function pageText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

const SCREENSHOT_DIR = path.resolve(__dirname, '../../../../docs/screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await settled(page);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false, animations: 'disabled', caret: 'hide' });
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

/**
 * Loads the page afresh and, once its data is in, reads the cumulative layout shift (Chromium's
 * own measure): content that jumps as data arrives scores above 0.1, what Chrome's tools call poor.
 */
export async function expectNoLayoutJumps(page: Page, where: string, loaded: Locator): Promise<void> {
  await page.reload();
  await visible(loaded);
  await page.waitForLoadState('networkidle');
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        // The buffered entries arrive in the observer's first callback, within a frame.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
      }),
  );
  if (shift > 0.1) throw new Error(`The layout of ${where} jumped while loading (layout shift ${shift.toFixed(3)}, more than 0.1).`);
}
