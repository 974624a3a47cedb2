import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { settled } from './steps';

const BLOCKING = new Set(['serious', 'critical']);
const checked: string[] = [];
/** Lesser findings (moderate, minor) by rule, with where they were seen: reported, not failed. */
const lesser = new Map<string, Set<string>>();

/** Every page a journey visits is checked; serious and critical problems fail the journey. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // Hover and focus styles are not what a visitor sees at rest.
  await page.mouse.move(0, 0);
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  checked.push(where);
  for (const violation of results.violations.filter((found) => !BLOCKING.has(found.impact ?? ''))) {
    const key = `[${violation.impact}] ${violation.id}: ${violation.help}`;
    lesser.set(key, (lesser.get(key) ?? new Set()).add(where));
  }
  const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  if (blocking.length === 0) return;
  const details = blocking
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.html.slice(0, 160)}\n      ${node.failureSummary?.replace(/\n/g, ' ')}`)
        .join('\n');
      return `  [${violation.impact}] ${violation.id}: ${violation.help}\n${nodes}`;
    })
    .join('\n');
  throw new Error(`Accessibility problems on ${where} (${page.url()}):\n${details}`);
}

/** One paragraph for the run's output: how many pages axe checked, and any lesser findings. */
export function accessibilitySummary(): string {
  const lines = [`axe checked ${checked.length} pages and dialogs.`];
  for (const [rule, places] of lesser) lines.push(`  ${rule} (${[...places].join('; ')})`);
  return `${lines.join('\n')}\n`;
}
