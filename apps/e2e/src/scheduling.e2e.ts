import type { Page } from 'playwright-core';
import { accessibilitySummary, expectAccessible } from './support/axe';
import { apiRequest, registerWithCouple } from './support/api';
import { DESKTOP, PHONE, startBrowser, type RunningBrowser } from './support/browser';
import { choose, expectToast, signIn } from './support/dashboard';
import { journey, step, visible } from './support/steps';

/**
 * Scheduling from the calendar: the therapist books a weekly series in a free hour next week,
 * one partner confirms the first session on a phone, and the calendar then shows them confirmed.
 */
const run = Date.now().toString(36);
const owner = { name: 'Ines Duarte', email: `owner-${run}@scheduling.e2e.trustwork.test`, password: `Birch ${run} lanterns over still water` };
const partnerA = 'Noor Haddad';
const partnerB = 'Elias Haddad';
const links: Record<string, string> = {};
let sessionId = '';

let chromium: RunningBrowser;
let dashboard: Page;

/** Tuesday of next week (the practice is on UTC), as the calendar names its slots in British English. */
function nextTuesday(): string {
  const today = new Date();
  const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7)));
  const tuesday = new Date(monday.getTime() + 8 * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(tuesday);
}

const sessionCard = (page: Page) => page.getByRole('button', { name: new RegExp(`${partnerA} & ${partnerB}`) }).first();

beforeAll(async () => {
  chromium = await startBrowser();
  const { accessToken, caseId, participants } = await registerWithCouple('Northgate Couples Practice', owner, [partnerA, partnerB]);
  for (const participant of participants) {
    const link = await apiRequest<{ url: string }>('POST', `cases/${caseId}/participants/${participant.id}/portal-link`, {}, accessToken);
    links[participant.displayName] = link.url;
  }
  dashboard = await (await chromium.newContext(DESKTOP)).newPage();
});

afterAll(async () => {
  await chromium?.close();
  process.stdout.write(accessibilitySummary());
});

journey('1. the therapist books a weekly series from a free hour next week', async () => {
  const page = dashboard;
  await step(page, 'open the calendar from the navigation', async () => {
    await signIn(page, owner.email, owner.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Calendar' }));
    await visible(page.getByText(/No sessions this week/));
    await expectAccessible(page, 'the calendar week');
  });

  await step(page, 'choose Tuesday 10:00 next week', async () => {
    await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByRole('button', { name: `Schedule at ${nextTuesday()}, 10:00` }).click();
    // The week is in the address, so a reload later comes back to it.
    expect(page.url()).toContain('view=week');
    const dialog = await visible(page.getByRole('dialog', { name: 'Schedule a session' }));
    await visible(dialog.getByRole('button', { name: /date and time/i }).filter({ hasText: '10:00' }));
    await expectAccessible(page, 'the session form');
  });

  await step(page, 'pick the case, every week, four sessions, and save', async () => {
    const dialog = page.getByRole('dialog', { name: 'Schedule a session' });
    await choose(page, 'Case', `${partnerA} & ${partnerB}`, partnerA.split(' ')[0]);
    await choose(page, 'Repeat', 'Every week');
    await dialog.getByLabel(/Number of sessions/).fill('4');
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST' && /\/api\/cases\/[^/]+\/sessions$/.test(answer.url())),
      dialog.getByRole('button', { name: 'Book session' }).click(),
    ]);
    expect(response.status()).toBe(201);
    sessionId = ((await response.json()) as { id: string }).id;
    await expectToast(page, 'Session booked');
  });

  await step(page, 'the week shows it, not yet confirmed', async () => {
    const card = await visible(sessionCard(page));
    await visible(card.getByText(`${partnerA}: Not confirmed yet`));
  });
});

journey("2. one partner opens the appointment on a phone and says they'll be there", async () => {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  await step(page, 'the portal lists the session', async () => {
    await page.goto(links[partnerA]);
    await visible(page.getByRole('heading', { level: 1, name: `Hi ${partnerA.split(' ')[0]}` }));
    await page.goto('/p/sessions');
    await visible(page.getByRole('heading', { level: 1 }));
  });

  await step(page, "open it and tap I'll be there", async () => {
    await page.goto(`/p/sessions/${sessionId}`);
    await page.getByRole('button', { name: "I'll be there" }).click();
    await visible(page.getByText("You said you'll be there"));
    await expectAccessible(page, 'the portal session, confirmed');
  });
  await context.close();
});

journey('3. back in the dashboard, the calendar shows that partner confirmed', async () => {
  const page = dashboard;
  await step(page, 'reload the calendar on the same week', async () => {
    await page.reload();
    const card = await visible(sessionCard(page));
    await visible(card.getByText(`${partnerA}: Confirmed`));
    await visible(card.getByText(`${partnerB}: Not confirmed yet`));
  });

  await step(page, 'the session opens with its series and answers', async () => {
    await sessionCard(page).click();
    const drawer = await visible(page.getByRole('dialog', { name: 'Session' }));
    await visible(drawer.getByText('1 of 4, every week'));
    await expectAccessible(page, 'the session details');
    await page.keyboard.press('Escape');
  });
  await page.context().close();
});
