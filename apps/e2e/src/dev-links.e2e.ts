import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, startBrowser, type RunningBrowser } from './support/browser';
import { startDevServers, type DevServers } from './support/dev-servers';
import { signIn } from './support/dashboard';
import { journey, step, visible } from './support/steps';

/**
 * Under `npm run dev` each app has its own server: a portal link the dashboard gives must open
 * the portal's server, not the API's (which serves no portal there). Uses the demo practice.
 */
const DEMO_OWNER = 'owner@demo.trustwork.app';
const DEMO_PASSWORD = 'trustwork-demo';
const DEMO_CASE = 'Chris Ellis & Morgan Ellis';
const PERSON = 'Chris Ellis';

let servers: DevServers;
let chromium: RunningBrowser;
let dashboard: Page;

beforeAll(async () => {
  servers = await startDevServers();
  chromium = await startBrowser();
  dashboard = await (await chromium.newContext({ ...DESKTOP, baseURL: servers.dashboardUrl })).newPage();
  // Vite compiles each app on its first request: a first visit may take longer than any step.
  await dashboard.goto('/sign-in', { timeout: 120_000 });
  const portal = await (await chromium.newContext(PHONE)).newPage();
  await portal.goto(`${servers.portalUrl}/`, { timeout: 120_000 });
  await portal.context().close();
}, 300_000);

afterAll(async () => {
  await chromium?.close();
  await servers?.stop();
});

journey('a portal link made in the dashboard under `npm run dev` opens the portal', async () => {
  let link = '';
  await step(dashboard, 'make a portal link on the dashboard’s development server', async () => {
    await signIn(dashboard, DEMO_OWNER, DEMO_PASSWORD);
    await dashboard.goto('/cases');
    await dashboard.getByRole('link', { name: DEMO_CASE }).click();
    await visible(dashboard.getByRole('heading', { level: 1, name: DEMO_CASE }));
    await dashboard.getByRole('button', { name: `Create link for ${PERSON}` }).click();
    const dialog = await visible(dashboard.getByRole('dialog', { name: 'Portal link for Chris' }));
    link = await dialog.getByLabel('Portal link').inputValue();
    // The portal's own server, with the token after '#'.
    const { origin, pathname, hash } = new URL(link);
    expect({ at: `${origin}${pathname}`, token: hash.length > 40 }).toEqual({ at: `${servers.portalUrl}/`, token: true });
  });

  const phone = await (await chromium.newContext(PHONE)).newPage();
  await step(phone, 'open exactly that link on a phone', async () => {
    const response = await phone.goto(link);
    expect(response?.status()).toBe(200);
    await visible(phone.getByRole('heading', { level: 1, name: /^Hi Chris/ }));
  });
  await phone.context().close();
});
