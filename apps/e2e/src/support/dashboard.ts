import type { Page } from 'playwright-core';
import { gone, visible } from './steps';

/** Signs in from the sign-in page and waits for the page it lands on: Home, unless the account needs a step first. */
export async function signIn(page: Page, email: string, password: string, landing = 'Today'): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await visible(page.getByRole('heading', { level: 1, name: landing }));
}

export async function signOut(page: Page): Promise<void> {
  // Exact: "Your settings" also has a Sign out button for each other device.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Sign in' }));
}

/** Follows a link in the main navigation and waits for the page's own heading. */
export async function openFromNav(page: Page, link: string, heading: string | RegExp = link): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  await visible(page.getByRole('heading', { level: 1, name: heading }));
}

export async function openCaseTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await visible(page.getByRole('tabpanel', { name: tab }).getByRole('heading', { level: 2, name: tab }));
}

/** Picks an option of a Mantine select by its visible label. */
export async function choose(page: Page, field: string, option: string | RegExp, search?: string): Promise<void> {
  const input = page.getByRole('combobox', { name: field, exact: true });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option }).click();
  await gone(page.getByRole('listbox'));
}

/** A toast confirms the save; it is read, then left to disappear on its own. */
export async function expectToast(page: Page, text: string | RegExp): Promise<void> {
  await visible(page.getByRole('alert').filter({ hasText: text }).first());
}
