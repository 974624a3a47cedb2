import type { Page } from 'playwright-core';
import { DESKTOP, startBrowser, type RunningBrowser } from './support/browser';
import { journey, step, visible } from './support/steps';

/** A practice registered from a browser in New York keeps New York's time, not the server's UTC. */
const ZONE = 'America/New_York';
const run = Date.now().toString(36);

let chromium: RunningBrowser;
let page: Page;

beforeAll(async () => {
  chromium = await startBrowser();
  page = await (await chromium.newContext({ ...DESKTOP, timezoneId: ZONE })).newPage();
});

afterAll(async () => {
  await chromium?.close();
});

journey("a practice registered from New York is on New York's time", async () => {
  await step(page, 'register from a browser in New York', async () => {
    await page.goto('/register');
    await visible(page.getByText(`Times will be shown in ${ZONE}`));
    await page.getByLabel('Practice name').fill('Hudson Street Couples Therapy');
    await page.getByLabel('Your name').fill('Grace Whitfield');
    await page.getByLabel('E-mail').fill(`owner-${run}@ny.e2e.trustwork.test`);
    const password = `Hudson lanterns ${run} drift past the ferry`;
    await page.getByLabel(/^Password/).fill(password);
    await page.getByLabel('Confirm password').fill(password);
    await page.getByRole('button', { name: 'Register and sign in' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Today' }));
  });

  await step(page, "the practice settings show New York's zone", async () => {
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Practice settings' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Practice settings' }));
    await visible(page.getByText(`Every date and time in Trustwork is shown in ${ZONE}`));
    expect(await page.getByRole('combobox', { name: /^Time zone/ }).inputValue()).toBe(ZONE);
  });
});
