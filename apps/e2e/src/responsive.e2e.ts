import type { BrowserContextOptions, Page } from 'playwright-core';
import { accessibilitySummary, expectAccessible } from './support/axe';
import { apiRequest, registerWithCouple } from './support/api';
import { PHONE, startBrowser, type RunningBrowser } from './support/browser';
import { signIn } from './support/dashboard';
import { eventually, gone, saveScreenshot, settled, step, visible } from './support/steps';

/**
 * Every dashboard page on an upright tablet (768×1024) and a phone (390×844): no page is wider
 * than the screen, axe finds nothing serious, and each is photographed for docs/screenshots.
 * One practice is prepared through the API with something on every page: a couple's case with
 * an open alert, a next session and its brief, a signed note, a draft, homework and an invoice.
 */
const run = Date.now().toString(36);
const owner = { name: 'Nadia Kowalczyk', email: `owner-responsive-${run}@e2e.trustwork.test`, password: 'a long responsive passphrase' };
const partnerA = 'Lena Marsh';
const partnerB = 'Owen Marsh';
const DAY = 24 * 60 * 60 * 1000;

const TABLET: BrowserContextOptions = { viewport: { width: 768, height: 1024 }, hasTouch: true };
// One device pixel per CSS pixel keeps the pictures small.
const PHONE_SMALL: BrowserContextOptions = { ...PHONE, deviceScaleFactor: 1 };

let chromium: RunningBrowser;
let caseId = '';
/** The session the brief is about, and where its start shows on the caseload. */
let nextSession = { id: '', startsAt: '' };
/** A held session with a draft note (the note editor), and one with no note yet (written by tapping). */
let draftSessionId = '';
let tapSessionId = '';

function daysFromNow(days: number, hour: number): string {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
}

const SOAP = {
  subjective: 'Both describe a calmer week; Owen kept the agreed check-ins.',
  objective: 'Lena relaxed once the plan was read back. Owen attentive.',
  assessment: 'Steady repair; trust ratings holding.',
  plan: 'Keep the weekly check-in; start the boundaries exercise.',
};

beforeAll(async () => {
  chromium = await startBrowser();
  const practice = await registerWithCouple('Harbourside Couples Practice', owner, [partnerA, partnerB]);
  const { accessToken } = practice;
  caseId = practice.caseId;
  const [lena] = practice.participants;

  // Billing: a fee, one payer, and a held session charged as it is completed.
  await apiRequest('POST', 'billing/services', { name: 'Couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 15000 }, accessToken);
  await apiRequest('PUT', `cases/${caseId}/billing`, { arrangement: 'one-person', payerParticipantId: lena.id }, accessToken);

  const book = (startsAt: string) =>
    apiRequest<{ id: string; startsAt: string }>('POST', `cases/${caseId}/sessions`, { startsAt, durationMinutes: 50, modality: 'in-person' }, accessToken);
  // A signed note on a completed session.
  const signed = await book(daysFromNow(-14, 10));
  await apiRequest('PUT', `sessions/${signed.id}/note`, { template: 'soap', sections: SOAP, aboutParticipantId: null, version: 0 }, accessToken);
  await apiRequest('POST', `sessions/${signed.id}/note/sign`, {}, accessToken);
  await apiRequest('PATCH', `sessions/${signed.id}`, { status: 'completed' }, accessToken);
  // A draft on last week's session.
  draftSessionId = (await book(daysFromNow(-7, 10))).id;
  await apiRequest('PUT', `sessions/${draftSessionId}/note`, { template: 'soap', sections: SOAP, aboutParticipantId: null, version: 0 }, accessToken);
  // Yesterday's session, its note still to write.
  tapSessionId = (await book(daysFromNow(-1, 9))).id;
  // The next one.
  nextSession = await book(daysFromNow(2, 15));

  // Homework for each partner, due today.
  await apiRequest('POST', `cases/${caseId}/assignments`, { exerciseId: 'builtin:weekly-trust-check-in', assignTo: 'each', dueOn: daysFromNow(0, 0).slice(0, 10) }, accessToken);
  // An open alert: Lena sends a safety report from her portal.
  const link = await apiRequest<{ url: string }>('POST', `cases/${caseId}/participants/${lena.id}/portal-link`, {}, accessToken);
  await apiRequest('POST', 'portal/safety-reports', { message: 'Please call me before our next session.', urgency: 'concern' }, new URL(link.url).hash.slice(1));
});

/** Controls under 44 px on a touch screen, by page: reported with the run's output, not failed. */
const smallTargets: string[] = [];

afterAll(async () => {
  await chromium?.close();
  process.stdout.write(accessibilitySummary());
  if (smallTargets.length > 0) process.stdout.write(`Tap targets under 44 px:\n  ${smallTargets.join('\n  ')}\n`);
});

/** Notes each visible control smaller than 44 px either way (a link inside running text aside). */
async function noteSmallTargets(page: Page, where: string): Promise<void> {
  const small = await page.evaluate(() => {
    const controls = document.querySelectorAll('main button, main a[href], main input, main select, main textarea, main [role="tab"], main [role="radio"], header button, header a[href]');
    const found: string[] = [];
    for (const control of controls) {
      const rect = control.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      // Mantine keeps a radio or switch's real input tiny and hidden under a label that takes the tap.
      const target = control.closest('label') ?? control;
      const box = target.getBoundingClientRect();
      const inText = control.tagName === 'A' && getComputedStyle(control).display === 'inline' && control.parentElement?.tagName === 'P';
      if (!inText && (box.height < 44 || box.width < 44)) {
        const name = (control.getAttribute('aria-label') ?? control.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
        found.push(`${control.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return found;
  });
  if (small.length > 0) smallTargets.push(`${where}: ${small.length} (${small.slice(0, 4).join('; ')}${small.length > 4 ? '; …' : ''})`);
}

/** Fails when the page is wider than the window, naming the elements that stick out furthest. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const found = await page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return null;
    /** Inside a box that scrolls or clips on its own, an element does not widen the page. */
    const contained = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(parent).overflowX)) return true;
      }
      return false;
    };
    const describe = (element: Element) => {
      const rect = element.getBoundingClientRect();
      const label = element.getAttribute('aria-label') ?? (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      const classes = typeof element.className === 'string' ? element.className.split(/\s+/).slice(0, 3).join('.') : '';
      return `<${element.tagName.toLowerCase()}${classes ? ` class="${classes}"` : ''}> "${label}" ${Math.round(rect.width)} px wide, right edge at ${Math.round(rect.right)} px`;
    };
    const sticking = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 && !contained(element))
      .sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width);
    // The widest is usually a wrapper: name the innermost ones too, where the fix belongs.
    const innermost = sticking.filter((element) => !sticking.some((other) => other !== element && element.contains(other)));
    return { width, scrollWidth, widest: sticking.slice(0, 1).map(describe), innermost: innermost.slice(0, 4).map(describe) };
  });
  if (found) {
    throw new Error(
      `${where} is wider than the window (scrollWidth ${found.scrollWidth} px > innerWidth ${found.width} px).\n` +
        `Widest element: ${found.widest.join('') || '(none found outside the page)'}\n` +
        `Innermost elements past the edge:\n  ${found.innermost.join('\n  ')}`,
    );
  }
}

/** Opens a page by its address and waits for its heading and its data. */
async function open(page: Page, address: string, ready?: () => Promise<unknown>): Promise<void> {
  await page.goto(address);
  await visible(page.getByRole('heading', { level: 1 }).first());
  await page.waitForLoadState('networkidle');
  if (ready) await ready();
  await gone(page.locator('[aria-busy="true"]').first());
  await settled(page);
}

interface Visit {
  name: string;
  address: () => string;
  ready?: (page: Page) => Promise<unknown>;
}

const tabPanelHeading = (page: Page) => visible(page.getByRole('tabpanel').getByRole('heading', { level: 2 }).first());

const VISITS: Visit[] = [
  { name: 'home', address: () => '/', ready: (page) => visible(page.getByRole('region', { name: "Today's sessions" })) },
  { name: 'calendar', address: () => '/calendar' },
  { name: 'caseload', address: () => '/cases', ready: (page) => visible(page.getByRole('link', { name: `${partnerA} & ${partnerB}` })) },
  { name: 'case', address: () => `/cases/${caseId}`, ready: tabPanelHeading },
  { name: 'case-sessions', address: () => `/cases/${caseId}/sessions`, ready: tabPanelHeading },
  { name: 'case-homework', address: () => `/cases/${caseId}/homework`, ready: tabPanelHeading },
  { name: 'case-progress', address: () => `/cases/${caseId}/progress`, ready: tabPanelHeading },
  { name: 'case-agreements', address: () => `/cases/${caseId}/agreements`, ready: tabPanelHeading },
  { name: 'case-billing', address: () => `/cases/${caseId}/billing`, ready: tabPanelHeading },
  {
    name: 'note-editor',
    address: () => `/cases/${caseId}/sessions/${draftSessionId}/note`,
    ready: (page) => visible(page.getByRole('textbox', { name: 'Subjective' })),
  },
  { name: 'brief', address: () => `/sessions/${nextSession.id}/brief` },
  { name: 'library', address: () => '/library', ready: (page) => visible(page.getByText('Weekly trust check-in').first()) },
  { name: 'agreements', address: () => '/agreements' },
  { name: 'team', address: () => '/team', ready: (page) => visible(page.getByRole('main').getByText(owner.name).first()) },
  { name: 'audit', address: () => '/audit', ready: (page) => visible(page.getByRole('table').first()) },
  { name: 'billing', address: () => '/billing' },
  { name: 'billing-settings', address: () => '/billing/settings' },
  { name: 'settings', address: () => '/settings' },
  { name: 'practice-settings', address: () => '/practice' },
  { name: 'new-case', address: () => '/cases/new' },
];

for (const [width, device] of [
  [768, TABLET],
  [390, PHONE_SMALL],
] as const) {
  const deviceName = width === 768 ? 'the upright tablet' : 'the phone';
  describe(`the dashboard on ${deviceName} (${width} px)`, () => {
    let page: Page;

    beforeAll(async () => {
      page = await (await chromium.newContext(device)).newPage();
      await signIn(page, owner.email, owner.password);
    });

    afterAll(async () => {
      await page?.context().close();
    });

    for (const visit of VISITS) {
      test(visit.name, async () => {
        const where = `the ${visit.name} page at ${width} px`;
        await step(page, where, async () => {
          await open(page, visit.address(), visit.ready && (() => visit.ready!(page)));
          await expectNoSidewaysScroll(page, where);
          await expectAccessible(page, where);
          await noteSmallTargets(page, where);
          await saveScreenshot(page, `${width}-${visit.name}`);
        });
      });
    }

    if (width === 390) {
      test("the caseload's first screen shows the first case's alerts and next session", async () => {
        await step(page, 'the caseload at 390 px', async () => {
          await open(page, '/cases', () => visible(page.getByRole('link', { name: `${partnerA} & ${partnerB}` })));
          const alerts = page.getByRole('img', { name: /^1 alert: safety report/ }).first();
          const next = page.locator(`main time[datetime^="${nextSession.startsAt.slice(0, 16)}"]`).first();
          for (const [what, element] of [
            ['alerts', alerts],
            ['next session', next],
          ] as const) {
            await visible(element);
            const box = await element.boundingBox();
            if (!box || box.y < 0 || box.x < 0 || box.y + box.height > 844 || box.x + box.width > 390) {
              throw new Error(`The first case's ${what} is not on the first screen at 390×844: ${JSON.stringify(box)}`);
            }
          }
        });
      });
    }

    if (width === 768) {
      test('on the tablet, a note is written and signed by tapping and typing', async () => {
        await step(page, 'write and sign a note by touch', async () => {
          await open(page, `/cases/${caseId}/sessions/${tapSessionId}/note`, () => visible(page.getByRole('heading', { name: 'Choose a template' })));
          await page.getByRole('radio', { name: /SOAP/ }).tap();
          for (const [label, text] of [
            ['Subjective', 'A quieter week; both kept the check-in.'],
            ['Objective', 'Calm, warm, took turns.'],
            ['Assessment', 'Repair continuing.'],
            ['Plan', 'Same plan for another week.'],
          ]) {
            const box = page.getByRole('textbox', { name: label });
            await box.tap();
            await eventually(`${label} has focus`, () => box.evaluate((element) => element === document.activeElement));
            await page.keyboard.type(text);
          }
          await visible(page.getByText(/^Saved/));
          await page.getByRole('button', { name: 'Sign note' }).tap();
          const dialog = await visible(page.getByRole('dialog', { name: 'Sign this note?' }));
          await dialog.getByRole('button', { name: 'Sign note' }).tap();
          await gone(dialog);
          await visible(page.getByLabel('New addendum'));
          await expectNoSidewaysScroll(page, 'the signed note at 768 px');
        });
      });
    }
  });
}
