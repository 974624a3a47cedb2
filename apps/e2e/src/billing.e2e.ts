import type { Page } from 'playwright-core';
import { accessibilitySummary, expectAccessible } from './support/axe';
import { apiRequest, registerWithCouple } from './support/api';
import { DESKTOP, PHONE, startBrowser, type RunningBrowser } from './support/browser';
import { openCaseTab, openFromNav, signIn } from './support/dashboard';
import { journey, step, visible } from './support/steps';

/**
 * Billing a completed session: the practice's fee and a held session are set up through the
 * API; the owner invoices the payer from the case's Billing tab, issues it, records part of
 * the money, and the Billing page shows what is still owed; the payer then reads it and
 * downloads the invoice on a 390 px phone.
 */
const run = Date.now().toString(36);
const owner = { name: 'Marta Quist', email: `owner-${run}@billing.e2e.trustwork.test`, password: `Harbor ${run} kites above the salt flats` };
const partnerA = 'Kofi Mensah';
const partnerB = 'Ada Mensah';
const caseName = `${partnerA} & ${partnerB}`;
/** USD minor units: the fee of a couples session, and the part of it paid at first. */
const FEE = 15000;
const PAID = 6000;
let caseId = '';
let payerLink = '';

let chromium: RunningBrowser;
let dashboard: Page;

/** An amount as the page writes it, whatever the browser's way with the dollar sign: 90.00 in "$90.00" or "US$90.00". */
const amountText = (minor: number) => new RegExp(`\\$${(minor / 100).toFixed(2).replace('.', '\\.')}`);

beforeAll(async () => {
  chromium = await startBrowser();
  const practice = await registerWithCouple('Saltmarsh Couples Practice', owner, [partnerA, partnerB]);
  const { accessToken } = practice;
  caseId = practice.caseId;
  await apiRequest('POST', 'billing/services', { name: 'Couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50, fee: FEE }, accessToken);
  // One person pays, so the session's whole fee is one charge on one payer's invoice.
  const payer = practice.participants.find((participant) => participant.displayName === partnerA)!;
  await apiRequest('PUT', `cases/${caseId}/billing`, { arrangement: 'one-person', payerParticipantId: payer.id }, accessToken);
  payerLink = (await apiRequest<{ url: string }>('POST', `cases/${caseId}/participants/${payer.id}/portal-link`, {}, accessToken)).url;
  const lastWeek = new Date(Date.now() - 7 * 24 * 60 * 60 * 1000);
  lastWeek.setUTCHours(10, 0, 0, 0);
  const session = await apiRequest<{ id: string }>(
    'POST',
    `cases/${caseId}/sessions`,
    { startsAt: lastWeek.toISOString(), durationMinutes: 50, modality: 'in-person' },
    accessToken,
  );
  // Held: billing charges the session's fee as it is marked completed.
  await apiRequest('PATCH', `sessions/${session.id}`, { status: 'completed' }, accessToken);
  dashboard = await (await chromium.newContext(DESKTOP)).newPage();
});

afterAll(async () => {
  await chromium?.close();
  process.stdout.write(accessibilitySummary());
});

journey('1. the owner invoices a held session, issues it and records part of the payment', async () => {
  const page = dashboard;
  await step(page, "open the case's Billing tab", async () => {
    await signIn(page, owner.email, owner.password);
    await page.goto(`/cases/${caseId}`);
    await visible(page.getByRole('heading', { level: 1, name: caseName }));
    await openCaseTab(page, 'Billing');
  });

  await step(page, 'create a draft invoice for the payer', async () => {
    await page.getByRole('button', { name: 'New invoice' }).first().click();
    const dialog = await visible(page.getByRole('dialog', { name: 'New invoice' }));
    // The dialog's own field: the Documents section of the tab has a Payer field too.
    await dialog.getByRole('combobox', { name: 'Payer', exact: true }).click();
    await page.getByRole('option', { name: partnerA }).click();
    await visible(dialog.getByText('Couples session').first());
    await expectAccessible(page, 'the new invoice dialog');
    await dialog.getByRole('button', { name: 'Create draft' }).click();
  });

  await step(page, 'issue it: it gets the first number', async () => {
    await page.getByRole('button', { name: 'Issue', exact: true }).click();
    const confirm = await visible(page.getByRole('dialog', { name: 'Issue invoice' }));
    await confirm.getByRole('button', { name: 'Issue invoice' }).click();
    await visible(page.getByText('INV-0001').first());
    await page.keyboard.press('Escape');
  });

  await step(page, 'record a payment of less than the total', async () => {
    await page.getByRole('button', { name: 'Record payment' }).first().click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Record payment' }));
    await dialog.getByRole('textbox', { name: /^Amount/ }).fill((PAID / 100).toFixed(2));
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await page.getByRole('dialog', { name: 'Record payment' }).waitFor({ state: 'hidden' });
  });
});

journey('2. the Billing page shows what is still owed, and who owes it', async () => {
  const page = dashboard;
  await step(page, 'open Billing from the navigation', async () => {
    await openFromNav(page, 'Billing');
    const table = await visible(page.getByRole('table', { name: 'Who owes what' }));
    const row = table.getByRole('row').filter({ hasText: partnerA });
    await visible(row.getByRole('link', { name: caseName }));
    await visible(row.getByText(amountText(FEE - PAID)).last());
    await visible(page.getByRole('table', { name: 'Invoices' }).getByRole('link', { name: `INV-0001 for ${partnerA}` }));
    await expectAccessible(page, 'the Billing page');
  });

  await step(page, 'download the aging report for the accountant', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  });
});

journey('3. the payer reads what they owe on a phone and downloads the invoice', async () => {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  await step(page, 'home shows the bills with what is owed', async () => {
    await page.goto(payerLink);
    const card = await visible(page.getByRole('region', { name: 'Your bills' }));
    await visible(card.getByText(amountText(FEE - PAID)));
    await card.getByRole('button', { name: 'See your bills' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Your bills' }));
  });

  await step(page, 'the invoice is listed as owed, and downloads as a PDF', async () => {
    const item = page.getByRole('listitem').filter({ hasText: 'INV-0001' });
    await visible(item.getByText(/^Owed /));
    const download = item.getByRole('button', { name: 'Download invoice INV-0001 (PDF)' });
    const box = await download.boundingBox();
    expect(box && box.height >= 44).toBe(true);
    const [saved] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(saved.suggestedFilename()).toMatch(/\.pdf$/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBe(PHONE.viewport!.width);
    await expectAccessible(page, 'the payer\'s bills on a phone');
  });
  await context.close();
});
