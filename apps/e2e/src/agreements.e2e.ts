import type { BrowserContext, Page } from 'playwright-core';
import { accessibilitySummary, expectAccessible } from './support/axe';
import { DESKTOP, PHONE, startBrowser, type RunningBrowser } from './support/browser';
import { openCaseTab, signIn } from './support/dashboard';
import { eventually, journey, pageText, step, visible } from './support/steps';

/**
 * Consent that fits two people: a case with a limited-secrets policy, set up through the API
 * as a therapist would from the dashboard. One partner signs the informed consent on a phone
 * and sees the policy on the private line; the case page shows one signed, one waiting.
 */
const run = Date.now().toString(36);
const owner = { name: 'Hana Ito', email: `owner-${run}@agreements.e2e.trustwork.test`, password: `Cedar ${run} tides under a slow moon` };
const partnerA = 'Lena Marsh';
const partnerB = 'Omar Marsh';
const CONSENT_TITLE = 'Consent to relational therapy';
const LIMITED_SECRETS_SENTENCE =
  "Under this case's limited-secrets policy, your therapist decides whether what you write here needs to come into a joint session, and would tell you first.";
const links: Record<string, string> = {};
let caseId = '';

let chromium: RunningBrowser;

const firstName = (name: string) => name.split(' ')[0];

async function apiRequest<T>(path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${process.env.E2E_BASE_URL}/api/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST /api/${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  chromium = await startBrowser();
  const { accessToken } = await apiRequest<{ accessToken: string }>('auth/register', {
    practiceName: 'Riverside Relationship Clinic',
    ...owner,
    timeZone: 'UTC',
  });
  const created = await apiRequest<{ id: string; participants: { id: string; displayName: string }[] }>(
    'cases',
    {
      relationshipType: 'couple',
      participants: [partnerA, partnerB].map((displayName) => ({ displayName, breachRole: 'not-stated' })),
      confidentialityPolicyId: 'builtin:limited-secrets',
    },
    accessToken,
  );
  caseId = created.id;
  for (const participant of created.participants) {
    const link = await apiRequest<{ url: string }>(`cases/${caseId}/participants/${participant.id}/portal-link`, {}, accessToken);
    links[participant.displayName] = link.url;
  }
});

afterAll(async () => {
  await chromium?.close();
  process.stdout.write(accessibilitySummary());
});

async function openPortal(name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(links[name]);
  await visible(page.getByRole('heading', { level: 1, name: `Hi ${firstName(name)}` }));
  return { context, page };
}

/** Nothing on the page is wider than the phone: the text wraps rather than scrolling sideways. */
async function expectFitsThePhone(page: Page, where: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect({ where, width }).toEqual({ where, width: PHONE.viewport!.width });
}

journey('1. a partner reads and signs the informed consent on a phone, and the private line states the policy', async () => {
  const { context, page } = await openPortal(partnerA);

  await step(page, 'home asks for the agreements first', async () => {
    // The informed consent, and the limited-secrets policy the case was opened with.
    const card = await visible(page.getByRole('region', { name: '2 agreements to read and sign' }));
    await expectAccessible(page, `${partnerA}'s portal home with agreements to sign`);
    await card.getByRole('button', { name: 'Read and sign' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Your agreements' }));
    await visible(page.getByText(`For you and ${firstName(partnerB)}. Each of you signs your own copy.`).first());
    await expectAccessible(page, 'the agreements list');
  });

  await step(page, 'open the informed consent: the Sign button waits for the end of the text', async () => {
    await page.getByRole('button', { name: `Read and sign: ${CONSENT_TITLE}` }).click();
    await visible(page.getByRole('heading', { level: 1, name: CONSENT_TITLE }));
    await visible(page.getByRole('article', { name: 'The agreement' }).getByRole('heading', { level: 2 }).first());
    await visible(page.getByText('Read to the end to sign.'));
    await expectFitsThePhone(page, 'the agreement');
    await expectAccessible(page, 'the agreement to sign');
  });

  await step(page, 'scroll to the end, type a name, confirm and sign', async () => {
    await page.getByRole('article', { name: 'The agreement' }).locator('p').last().scrollIntoViewIfNeeded();
    await eventually('the end of the text was reached', async () => (await page.getByText('Read to the end to sign.').count()) === 0);
    await page.getByLabel('Your full name').fill(partnerA);
    await page.getByRole('checkbox', { name: /intend to sign it electronically/ }).check();
    const sign = page.getByRole('button', { name: 'Sign', exact: true });
    const box = await sign.boundingBox();
    expect(box && box.height >= 44).toBe(true);
    await sign.click();
    const thanks = await visible(page.getByRole('heading', { level: 1, name: 'Thank you for signing' }));
    await eventually('the confirmation has focus', () => thanks.evaluate((heading) => heading === document.activeElement));
    await visible(page.getByText(new RegExp(`^You signed “${CONSENT_TITLE}” on .*, as ${partnerA}\\.$`)));
    await expectAccessible(page, 'the signing confirmation');
  });

  await step(page, 'download the signed copy as a PDF', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download your signed copy (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await visible(page.getByText('Your signed copy was downloaded.'));
    expect(page.url()).not.toContain('#');
  });

  await step(page, 'the list shows it signed, and the policy still to sign', async () => {
    await page.getByRole('button', { name: 'Back to your agreements' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Your agreements' }));
    const consent = page.getByRole('listitem').filter({ hasText: CONSENT_TITLE });
    await visible(consent.getByText(/^Signed on /));
    await visible(page.getByRole('listitem').filter({ hasNotText: CONSENT_TITLE }).getByText('To sign', { exact: true }));
  });

  await step(page, 'the private line states the limited-secrets policy before writing', async () => {
    await page.goto('/p/');
    await visible(page.getByRole('region', { name: '1 agreement to read and sign' }));
    await page.getByRole('button', { name: 'Talk to your therapist privately' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Talk to your therapist privately' }));
    await visible(page.getByRole('region', { name: 'Can it come up in a joint session?' }).getByText(LIMITED_SECRETS_SENTENCE));
    await expectAccessible(page, 'the private line with the case policy');
  });
  await context.close();
});

journey("2. the other partner still has both to sign, and sees nothing of the first partner's signature", async () => {
  const { context, page } = await openPortal(partnerB);
  await step(page, 'both agreements are still to sign', async () => {
    await visible(page.getByRole('region', { name: '2 agreements to read and sign' }));
    await page.getByRole('button', { name: 'Read and sign' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Your agreements' }));
    await eventually('both agreements are listed as to sign', async () => (await page.getByText('To sign', { exact: true }).count()) === 2);
    // The name the first partner typed is theirs alone.
    expect(await pageText(page)).not.toContain(partnerA);
  });
  await context.close();
});

journey('3. the case page shows one partner signed and one not yet', async () => {
  const page = await (await chromium.newContext(DESKTOP)).newPage();
  await step(page, "the case's Agreements tab", async () => {
    await signIn(page, owner.email, owner.password);
    await page.goto(`/cases/${caseId}`);
    await visible(page.getByRole('heading', { level: 1, name: `${partnerA} & ${partnerB}` }));
    await openCaseTab(page, 'Agreements');
    const row = page.getByRole('tabpanel', { name: 'Agreements' }).getByRole('row').filter({ hasText: CONSENT_TITLE });
    const [first, second] = [row.getByRole('cell').nth(0), row.getByRole('cell').nth(1)];
    await visible(first.getByText('Signed', { exact: true }));
    await visible(first.getByText(new RegExp(`typed “${partnerA}”`)));
    await visible(second.getByText('Not signed yet', { exact: true }));
    await expectAccessible(page, 'the case Agreements tab');
  });
  await page.context().close();
});
