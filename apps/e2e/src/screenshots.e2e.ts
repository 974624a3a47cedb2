import type { Page } from 'playwright-core';
import { accessibilitySummary, expectAccessible } from './support/axe';
import { DESKTOP, PHONE, startBrowser, type RunningBrowser } from './support/browser';
import { openCaseTab, openFromNav, signIn, signOut } from './support/dashboard';
import { expectNoLayoutJumps, journey, saveScreenshot, step, visible } from './support/steps';

/**
 * The README's pictures (docs/screenshots/), taken with the seeded demo practice, whose
 * couple Alex and Jordan Reyes has nine weeks of history. Every page is checked with axe too.
 */
const DEMO_PASSWORD = 'trustwork-demo';
const DEMO_CASE = 'Alex Reyes & Jordan Reyes';

let chromium: RunningBrowser;
let page: Page;
let alexLink = '';

beforeAll(async () => {
  chromium = await startBrowser();
  page = await (await chromium.newContext(DESKTOP)).newPage();
});

afterAll(async () => {
  await chromium?.close();
  process.stdout.write(accessibilitySummary());
});

/** Brings a case tab's panel to the top of the window, where the picture starts. */
async function showTab(tab: string): Promise<void> {
  await openCaseTab(page, tab);
  await page.getByRole('tablist', { name: 'Case sections' }).evaluate((tabs) => tabs.scrollIntoView({ block: 'start' }));
}

journey('the dashboard with the demo caseload', async () => {
  await step(page, 'home and agenda', async () => {
    await signIn(page, 'clinician@demo.trustwork.app', DEMO_PASSWORD);
    await visible(page.getByRole('region', { name: "Today's sessions" }));
    await expectAccessible(page, 'the demo home page');
    await saveScreenshot(page, 'dashboard-home');
  });

  await step(page, 'caseload', async () => {
    await openFromNav(page, 'Caseload');
    await expectNoLayoutJumps(page, 'the demo caseload', page.getByRole('row', { name: new RegExp(DEMO_CASE) }));
    await expectAccessible(page, 'the demo caseload');
    await saveScreenshot(page, 'dashboard-caseload');
  });

  await step(page, 'case page with alerts', async () => {
    await page.getByRole('link', { name: DEMO_CASE }).click();
    await expectNoLayoutJumps(page, 'the demo case page', page.getByRole('list', { name: 'Needs attention' }));
    await expectAccessible(page, 'the demo case page');
    await saveScreenshot(page, 'dashboard-case');
  });

  await step(page, 'progress tab', async () => {
    await showTab('Progress');
    await visible(page.getByRole('tabpanel', { name: 'Progress' }).getByRole('heading', { name: /Alex Reyes/ }).first());
    // The charts draw their lines with a script animation: wait until two looks 200 ms apart agree.
    await page.waitForFunction(
      () => {
        const lines = [...document.querySelectorAll('.recharts-line-curve')];
        const drawn = lines.map((line) => `${line.getAttribute('d')}|${line.getAttribute('stroke-dasharray')}`).join();
        const state = window as unknown as { lastDrawn?: string };
        const still = lines.length > 0 && drawn === state.lastDrawn;
        state.lastDrawn = drawn;
        return still;
      },
      undefined,
      { polling: 200, timeout: 15_000 },
    );
    await expectAccessible(page, 'the demo Progress tab');
    await saveScreenshot(page, 'dashboard-progress');
  });

  await step(page, 'homework tab', async () => {
    await showTab('Homework');
    await visible(page.getByRole('list', { name: 'Homework' }));
    await expectAccessible(page, 'the demo Homework tab');
    await saveScreenshot(page, 'dashboard-homework');
  });

  await step(page, 'a signed note', async () => {
    await openCaseTab(page, 'Sessions & notes');
    await page.getByRole('link', { name: /^View signed note/ }).first().click();
    await visible(page.getByLabel('New addendum'));
    await expectAccessible(page, 'a demo signed note');
    await saveScreenshot(page, 'dashboard-signed-note');
  });

  await step(page, 'library', async () => {
    await openFromNav(page, 'Library', /Library/);
    await visible(page.getByText('Weekly trust check-in').first());
    await expectAccessible(page, 'the library');
    await saveScreenshot(page, 'dashboard-library');
  });

  await step(page, "a new portal link for Alex", async () => {
    await openFromNav(page, 'Caseload');
    await page.getByRole('link', { name: DEMO_CASE }).click();
    await page.getByRole('button', { name: 'Create new link for Alex Reyes' }).click();
    const confirm = await visible(page.getByRole('dialog', { name: 'Create a new link for Alex?' }));
    await expectAccessible(page, 'the confirm new link dialog');
    await confirm.getByRole('button', { name: 'Create new link' }).click();
    const created = await visible(page.getByRole('dialog', { name: 'Portal link for Alex' }));
    alexLink = await created.getByLabel('Portal link').inputValue();
    await created.getByRole('button', { name: 'Done' }).click();
  });

  await step(page, 'audit log (as the owner)', async () => {
    await signOut(page);
    await signIn(page, 'owner@demo.trustwork.app', DEMO_PASSWORD);
    await openFromNav(page, 'Audit', /Audit/);
    await visible(page.getByRole('table'));
    await expectAccessible(page, 'the demo audit log');
    await saveScreenshot(page, 'dashboard-audit');
  });
});

journey("Alex's portal on a phone", async () => {
  const phone = await (await chromium.newContext(PHONE)).newPage();
  await step(phone, 'home', async () => {
    await phone.goto(alexLink);
    await visible(phone.getByRole('heading', { level: 1, name: 'Hi Alex' }));
    await expectNoLayoutJumps(phone, "Alex's portal home", phone.getByRole('heading', { level: 1, name: 'Hi Alex' }));
    await saveScreenshot(phone, 'portal-home');
  });

  await step(phone, 'an exercise sheet', async () => {
    await phone.getByRole('button', { name: 'See your homework' }).click();
    await phone.getByRole('button', { name: /One true thing a day/ }).first().click();
    await visible(phone.getByRole('heading', { level: 1, name: 'One true thing a day' }));
    await expectAccessible(phone, 'a demo exercise sheet');
    await saveScreenshot(phone, 'portal-exercise');
  });

  for (const [button, heading, name] of [
    ['Do your check-in', 'Weekly check-in', 'portal-check-in'],
    ['Talk to your therapist privately', 'Talk to your therapist privately', 'portal-talk-privately'],
  ] as const) {
    await step(phone, heading, async () => {
      await phone.goto('/p/');
      await phone.getByRole('button', { name: button }).click();
      await visible(phone.getByRole('heading', { level: 1, name: heading }));
      await expectAccessible(phone, `the demo ${heading} screen`);
      await saveScreenshot(phone, name);
    });
  }
});
