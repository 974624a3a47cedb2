import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { accessibilitySummary, expectAccessible } from './support/axe';
import { DESKTOP, startBrowser, type RunningBrowser } from './support/browser';
import { openFromNav, signIn, signOut } from './support/dashboard';
import { journey, step, visible } from './support/steps';

/**
 * Two-factor sign-in and the practice's automatic sign-out, in a practice of their own. The
 * practice is registered through the API, as its owner would from any browser.
 */
const run = Date.now().toString(36);
const owner = { name: 'Nadia Brooks', email: `owner-${run}@security.e2e.trustwork.test`, password: `Quiet harbour ${run} lanterns at dusk` };
const TOTP_PERIOD_SECONDS = 30;

let chromium: RunningBrowser;

beforeAll(async () => {
  chromium = await startBrowser();
  const response = await fetch(`${process.env.E2E_BASE_URL}/api/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ practiceName: 'Brookside Couples Therapy', ...owner, timeZone: 'UTC' }),
  });
  if (!response.ok) throw new Error(`Registering the practice answered ${response.status}: ${await response.text()}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  // The shortest limit a practice may choose, so the clock has less to skip.
  const limit = await fetch(`${process.env.E2E_BASE_URL}/api/practice`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ idleTimeoutMinutes: 5 }),
  });
  if (!limit.ok) throw new Error(`Setting the idle limit answered ${limit.status}: ${await limit.text()}`);
});

afterAll(async () => {
  await chromium?.close();
  process.stdout.write(accessibilitySummary());
});

async function newPage(): Promise<Page> {
  return (await chromium.newContext(DESKTOP)).newPage();
}


/**
 * The code an authenticator app shows half a minute from now: a code is accepted one step
 * early, and never twice, so it cannot be the one that turned two-factor on moments ago.
 */
function nextCode(secret: string): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + TOTP_PERIOD_SECONDS });
}

journey('the idle warning appears and then signs out, keeping the page to return to', async () => {
  const page = await newPage();
  // Installed before the app loads, so its timers and clock are the test's to move on.
  await page.clock.install();

  await step(page, 'sign in and open the library', async () => {
    await signIn(page, owner.email, owner.password);
    await openFromNav(page, 'Library');
  });

  await step(page, 'a minute before the limit, the warning asks', async () => {
    await page.clock.fastForward('04:01');
    const warning = await visible(page.getByRole('dialog', { name: 'Are you still there?' }));
    await visible(warning.getByText(/You'll be signed out in (1:00|0:\d\d) for your clients' privacy\./));
    // The dialog's opening transition is timed by the page's clock, which stands still unless moved.
    await page.clock.runFor(1_000);
    await expectAccessible(page, 'the idle warning');
  });

  await step(page, 'at the limit, back to sign-in with the reason', async () => {
    // The accessibility check moved the mouse, which counts as activity: a whole limit from there.
    await page.clock.fastForward('05:00');
    await visible(page.getByRole('heading', { level: 1, name: 'Sign in' }));
    await visible(page.getByText('You were signed out after 5 minutes without activity.'));
  });

  await step(page, 'signing in again returns to the library', async () => {
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel(/^Password/).fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Library' }));
  });
  await page.context().close();
});

journey('a member turns on two-factor, then signs in with a code from the app', async () => {
  const page = await newPage();
  let secret = '';

  await step(page, 'set up two-factor in Your settings', async () => {
    await signIn(page, owner.email, owner.password);
    await page.goto('/settings');
    await visible(page.getByRole('heading', { level: 1, name: 'Your settings' }));
    await page.getByRole('button', { name: 'Set up two-factor' }).click();
    // Typed from the screen, as into an app that cannot scan the QR code.
    secret = (await (await visible(page.getByTestId('two-factor-secret'))).innerText()).replace(/\s/g, '');
    await expectAccessible(page, 'two-factor setup');
    await page.getByLabel('6-digit code').fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Turn on two-factor' }).click();
  });

  await step(page, 'save the recovery codes', async () => {
    await page.getByRole('checkbox', { name: 'I have saved my recovery codes' }).check();
    await page.getByRole('button', { name: 'Done' }).click();
    await signOut(page);
  });

  await step(page, 'the password alone does not sign in', async () => {
    await signIn(page, owner.email, owner.password, 'Sign in');
    await visible(page.getByLabel('6-digit code'));
    await expectAccessible(page, 'the code step of signing in');
  });

  await step(page, 'the code from the app does', async () => {
    await page.getByLabel('6-digit code').fill(nextCode(secret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Today' }));
  });
  await page.context().close();
});
