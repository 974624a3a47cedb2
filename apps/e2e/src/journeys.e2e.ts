import type { BrowserContext, Page, Request } from 'playwright-core';
import { accessibilitySummary, expectAccessible } from './support/axe';
import { DESKTOP, PHONE, startBrowser, type RunningBrowser } from './support/browser';
import { choose, expectToast, openCaseTab, openFromNav, signIn, signOut } from './support/dashboard';
import { eventually, expectNoLayoutJumps, gone, journey, pageText, step, visible } from './support/steps';

/**
 * One practice's story from registration to the progress charts, in the order a
 * therapist and two clients would live it. Each journey builds on the one before.
 */
const run = Date.now().toString(36);
const practiceName = 'Northgate Couples Practice';
const owner = { name: 'Ruth Adeyemi', email: `owner-${run}@e2e.trustwork.test`, password: 'a long owner passphrase' };
const clinician = { name: 'Idris Novak', email: `clinician-${run}@e2e.trustwork.test`, password: '' };
const partnerA = 'Maya Okafor';
const partnerB = 'Theo Okafor';
const caseName = `${partnerA} & ${partnerB}`;
// Distinctive sentences, so a leak of them anywhere on B's screens cannot be missed.
const privateAnswer = `Maya keeps this to herself ${run}: I need us to stop checking each other's phones.`;
const safetyReport = `Maya's private worry ${run}: I felt frightened when Theo shouted on Sunday.`;
const sharedAnswer = `Theo shares this ${run}: I want us to talk before midnight, not after.`;
const links: Record<string, string> = {};

let chromium: RunningBrowser;
let dashboard: Page;

const firstName = (name: string) => name.split(' ')[0];

beforeAll(async () => {
  chromium = await startBrowser();
  dashboard = await (await chromium.newContext(DESKTOP)).newPage();
});

afterAll(async () => {
  await chromium?.close();
  process.stdout.write(accessibilitySummary());
});

/** Back to the portal's home screen: the phone remembers the link it was opened with. */
async function portalHome(page: Page, name: string): Promise<void> {
  await page.goto('/p/');
  await visible(page.getByRole('heading', { level: 1, name: `Hi ${firstName(name)}` }));
}

async function openPortal(name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(links[name]);
  await visible(page.getByRole('heading', { level: 1, name: `Hi ${firstName(name)}` }));
  await expectAccessible(page, `${name}'s portal home`);
  return { context, page };
}

journey('1. a new practice registers, adds a clinician, and the clinician signs in', async () => {
  const page = dashboard;
  await step(page, 'register the practice', async () => {
    await page.goto('/register');
    await visible(page.getByRole('heading', { level: 1, name: 'Register your practice' }));
    await expectAccessible(page, 'the register page');
    await page.getByRole('button', { name: 'Register and sign in' }).click();
    // Inline validation names the missing fields before anything is sent.
    await visible(page.getByText('Enter an e-mail address.'));
    await page.getByLabel('Practice name').fill(practiceName);
    await page.getByLabel('Your name').fill(owner.name);
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel(/^Password/).fill(owner.password);
    await page.getByLabel('Confirm password').fill(owner.password);
    await page.getByRole('button', { name: 'Register and sign in' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Today' }));
    await expectAccessible(page, 'the new practice home page');
  });

  await step(page, 'add a clinician on the Team page', async () => {
    await openFromNav(page, 'Team');
    await expectAccessible(page, 'the Team page');
    await page.getByRole('button', { name: 'Add team member' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Add team member' }));
    await dialog.getByLabel('Name').fill(clinician.name);
    await dialog.getByLabel('E-mail').fill(clinician.email);
    await choose(page, 'Role', 'Clinician');
    await dialog.getByRole('button', { name: 'Generate' }).click();
    clinician.password = await dialog.getByLabel('Temporary password').inputValue();
    expect(clinician.password.length).toBeGreaterThanOrEqual(10);
    await expectAccessible(page, 'the Add team member dialog');
    await dialog.getByRole('button', { name: 'Add team member' }).click();
    await gone(dialog);
    await expectToast(page, `${clinician.name} has been added to the team`);
    await visible(page.getByRole('row', { name: new RegExp(clinician.name) }));
  });

  await step(page, 'sign out and sign in as the clinician, who chooses their own password', async () => {
    await signOut(page);
    // A temporary password opens nothing but the choice of one's own.
    await signIn(page, clinician.email, clinician.password, 'Choose your own password');
    await expectAccessible(page, 'choosing a password after a temporary one');
    const own = `Idris keeps ${run} lanterns by the harbour`;
    await page.getByLabel(/^Temporary password/).fill(clinician.password);
    await page.getByLabel(/^New password/).fill(own);
    await page.getByLabel(/^Confirm new password/).fill(own);
    await page.getByRole('button', { name: 'Choose password' }).click();
    clinician.password = own;
    await visible(page.getByRole('heading', { level: 1, name: 'Today' }));
    await visible(page.getByRole('banner').getByText(clinician.name));
    // The first Tab offers a way past the navigation, and shows where focus is.
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    await eventually('the skip link has focus', () => skipLink.evaluate((link) => link === document.activeElement));
    const box = await skipLink.boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    await page.keyboard.press('Enter');
    await eventually('focus moved to the main content', () => page.evaluate(() => document.activeElement?.id === 'main-content'));
  });
});

journey('2. the clinician opens a case, schedules a session, signs a SOAP note and adds an addendum', async () => {
  const page = dashboard;
  await step(page, 'see the empty caseload and start a new case', async () => {
    await openFromNav(page, 'Caseload');
    // An empty caseload says so, and offers the next step.
    await visible(page.getByRole('heading', { name: 'No cases yet' }));
    await expectAccessible(page, 'the empty caseload');
    await page.getByRole('link', { name: 'New case' }).first().click();
    await visible(page.getByRole('heading', { level: 1, name: 'New case' }));
    await expectAccessible(page, 'the new case form');
  });

  await step(page, 'create a couple case', async () => {
    await page.getByRole('button', { name: 'Create case' }).click();
    // Nothing is sent until both names are there; each missing one is named where it belongs.
    await visible(page.getByRole('group', { name: 'Partner 1' }).getByText('Enter their name.'));
    await page.getByRole('radio', { name: 'Couple' }).check();
    await page.getByRole('group', { name: 'Partner 1' }).getByLabel('Name').fill(partnerA);
    await page.getByRole('group', { name: 'Partner 2' }).getByLabel('Name').fill(partnerB);
    await page.getByLabel('Presenting concern').fill('Rebuilding trust after Theo hid debts for two years.');
    await page.getByRole('radio', { name: 'Limited-secrets policy' }).check();
    await page.getByRole('button', { name: 'Create case' }).click();
    await visible(page.getByRole('heading', { level: 1, name: caseName }));
    await expectToast(page, 'Case created');
    await expectAccessible(page, 'the new case page');
  });

  await step(page, 'schedule a session', async () => {
    await openCaseTab(page, 'Sessions & notes');
    await visible(page.getByRole('heading', { name: 'No sessions yet' }));
    await page.getByRole('button', { name: 'Schedule the first session' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Schedule a session' }));
    await expectAccessible(page, 'the Schedule a session dialog');
    await dialog.getByRole('button', { name: 'Date and time' }).click();
    // Today at midnight (a new practice keeps time in UTC), already past: the note can be written straight away.
    const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());
    await page.getByRole('button', { name: today, exact: true }).click();
    await page.getByRole('spinbutton', { name: 'Hours' }).fill('00');
    await page.getByRole('spinbutton', { name: 'Minutes' }).fill('00');
    await page.getByRole('button', { name: 'Done' }).click();
    await dialog.getByRole('radio', { name: 'Video' }).check();
    await dialog.getByRole('button', { name: 'Book session' }).click();
    await gone(dialog);
    await expectToast(page, 'Session booked');
  });

  await step(page, 'write a SOAP note', async () => {
    await page.getByRole('link', { name: /^Write note for the session/ }).first().click();
    await visible(page.getByRole('heading', { name: 'Choose a template' }));
    await expectAccessible(page, 'the note template picker');
    await page.getByRole('radio', { name: /SOAP/ }).check();
    await page.getByLabel('Subjective').fill('Both describe a tense week; Theo disclosed a second card.');
    await page.getByLabel('Objective').fill('Maya tearful at first, steadier by the end. Theo calm, attentive.');
    await page.getByLabel('Assessment').fill('Disclosure handled with care; early signs of repair.');
    await page.getByLabel('Plan').fill('Boundaries exercise for each; weekly trust check-in.');
    await visible(page.getByText(/^Saved/));
    await expectAccessible(page, 'the note editor');
  });

  await step(page, 'sign the note after confirming', async () => {
    await page.getByRole('button', { name: 'Sign note' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Sign this note?' }));
    await expectAccessible(page, 'the sign note dialog');
    await dialog.getByRole('button', { name: 'Sign note' }).click();
    await gone(dialog);
    await expectToast(page, /Note signed/);
    await visible(page.getByLabel('New addendum'));
    expect(await page.getByRole('textbox', { name: 'Subjective' }).count()).toBe(0);
    await expectAccessible(page, 'the signed note');
  });

  await step(page, 'add an addendum', async () => {
    await page.getByLabel('New addendum').fill('Maya called the next day: she would like the next session in person.');
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await expectToast(page, 'Addendum added to the note.');
    await visible(page.getByText('Maya called the next day: she would like the next session in person.'));
  });
});

journey('3. the clinician assigns homework and creates both portal links', async () => {
  const page = dashboard;
  await step(page, 'assign an exercise to each partner', async () => {
    await page.goto('/cases');
    await page.getByRole('link', { name: caseName }).click();
    await openCaseTab(page, 'Homework');
    await visible(page.getByRole('heading', { name: 'No homework yet' }));
    await expectAccessible(page, 'the empty Homework tab');
    await page.getByRole('button', { name: 'Assign homework' }).first().click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Assign homework' }));
    await choose(page, 'Exercise', 'Boundaries and deal-breakers', 'Boundaries');
    await dialog.getByRole('radio', { name: 'Each of them, on their own sheet' }).check();
    await expectAccessible(page, 'the Assign homework dialog');
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await gone(dialog);
    await expectToast(page, 'Homework assigned');
    await visible(page.getByRole('heading', { level: 3, name: 'Boundaries and deal-breakers' }).first());
  });

  await step(page, 'assign the weekly trust check-in', async () => {
    await page.getByRole('button', { name: 'Assign homework' }).first().click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Assign homework' }));
    await choose(page, 'Exercise', 'Weekly trust check-in', 'Weekly trust');
    await dialog.getByRole('radio', { name: 'Each of them, on their own sheet' }).check();
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await gone(dialog);
    await visible(page.getByRole('heading', { level: 3, name: 'Weekly trust check-in' }).first());
    await expectAccessible(page, 'the Homework tab');
  });

  for (const name of [partnerA, partnerB]) {
    await step(page, `create ${name}'s portal link`, async () => {
      await page.getByRole('button', { name: `Create link for ${name}` }).click();
      const dialog = await visible(page.getByRole('dialog', { name: `Portal link for ${firstName(name)}` }));
      links[name] = await dialog.getByLabel('Portal link').inputValue();
      expect(links[name]).toMatch(/\/p\/#[\w-]{40,}$/);
      await expectAccessible(page, 'the new portal link dialog');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await gone(dialog);
      await visible(page.getByRole('button', { name: `Revoke link for ${name}` }));
    });
  }

  await step(page, 'revoking a link asks first', async () => {
    await page.getByRole('button', { name: `Revoke link for ${partnerB}` }).click();
    const dialog = await visible(page.getByRole('dialog', { name: `Revoke ${firstName(partnerB)}'s link?` }));
    await expectAccessible(page, 'the revoke link dialog');
    await dialog.getByRole('button', { name: 'Keep it working' }).click();
    await gone(dialog);
    await visible(page.getByRole('button', { name: `Revoke link for ${partnerB}` }));
  });
});

journey("4. partner A answers privately on a phone, checks in, and sends a safety report", async () => {
  const { context, page } = await openPortal(partnerA);
  await step(page, 'reach the homework by keyboard, seeing where focus is', async () => {
    // Each screen puts focus on its heading; the next Tab is the first thing to do: the case's
    // informed consent to sign (every new case asks for it), then the homework.
    await page.keyboard.press('Tab');
    const sign = page.getByRole('button', { name: 'Read and sign' });
    await eventually('the agreements button has focus', () => sign.evaluate((button) => button === document.activeElement));
    // In the first hour of a UTC day the session booked at midnight is still on, so its
    // appointment card (with its own button) comes between them.
    const homework = page.getByRole('button', { name: 'See your homework' });
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.textContent?.trim() === 'See all appointments')) await page.keyboard.press('Tab');
    await eventually('the homework button has focus', () => homework.evaluate((button) => button === document.activeElement));
    const outline = await homework.evaluate((button) => getComputedStyle(button).outlineStyle);
    expect(outline).not.toBe('none');
  });

  await step(page, 'answer the boundaries exercise and keep it private', async () => {
    await page.getByRole('button', { name: 'See your homework' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Your homework' }));
    await expectAccessible(page, 'the homework list');
    await page.getByRole('button', { name: /Boundaries and deal-breakers/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Boundaries and deal-breakers' }));
    await expectAccessible(page, 'the exercise sheet');
    await page.getByRole('button', { name: 'Send' }).click();
    // The form's own checks come first, beside the question they are about.
    await visible(page.getByRole('textbox', { name: /What helps you feel safe and respected/ }).and(page.locator('[aria-invalid="true"]')));
    await page.getByLabel(/What helps you feel safe and respected/).fill(privateAnswer);
    await page.getByLabel(/What is not okay for you/).fill('Being lied to about money.');
    await page.getByRole('group', { name: /ready to talk these through together/ }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('radio', { name: /Keep this private/ }).check();
    await page.getByRole('button', { name: 'Send' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Thank you' }));
    // Exactly who may read it: the case's clinician and the practice's owner.
    await visible(
      page.getByText(`Your answers have gone to your therapist. Only your therapist, ${clinician.name}, and the owner of ${practiceName}, ${owner.name}, can read it.`),
    );
    await expectAccessible(page, 'the sent exercise');
  });

  await step(page, 'do a weekly check-in', async () => {
    await portalHome(page, partnerA);
    await page.getByRole('button', { name: 'Do your check-in' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Weekly check-in' }));
    await expectAccessible(page, 'the check-in screen');
    for (const [question, rating] of [
      [/trust/i, '6'],
      [/safe/i, '5'],
      [/heard/i, '7'],
      [/close/i, '6'],
    ] as const) {
      await page.getByRole('group', { name: question }).first().getByRole('radio', { name: rating, exact: true }).check();
    }
    await page.getByRole('button', { name: 'Send check-in' }).click();
    await visible(page.getByText('Thank you. Your check-in has gone to your therapist.'));
  });

  await step(page, 'send a private safety report', async () => {
    await portalHome(page, partnerA);
    await page.getByRole('button', { name: 'Talk to your therapist privately' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Talk to your therapist privately' }));
    await expectAccessible(page, 'the talk privately screen');
    await page.getByLabel('What would you like your therapist to know?').fill(safetyReport);
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Send privately' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Your message was sent' }));
    await expectAccessible(page, 'the safety report confirmation');
  });
  await context.close();
});

journey("5. partner B shares an answer and never sees A's private words", async () => {
  const { context, page } = await openPortal(partnerB);
  const expectNothingOfMaya = async (where: string) => {
    const text = await pageText(page);
    expect({ where, leaked: text.includes(privateAnswer) || text.includes(safetyReport) }).toEqual({ where, leaked: false });
  };

  await step(page, 'answer the boundaries exercise and share it', async () => {
    await expectNothingOfMaya('home');
    await page.getByRole('button', { name: 'See your homework' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Your homework' }));
    await expectNothingOfMaya('homework list');
    await page.getByRole('button', { name: /Boundaries and deal-breakers/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Boundaries and deal-breakers' }));
    await expectNothingOfMaya('exercise sheet');
    await page.getByLabel(/What helps you feel safe and respected/).fill(sharedAnswer);
    await page.getByLabel(/What is not okay for you/).fill('Silence for days after an argument.');
    await page.getByRole('group', { name: /ready to talk these through together/ }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('radio', { name: /Share with Maya/ }).check();
    await page.getByRole('button', { name: 'Send' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Thank you' }));
    await expectNothingOfMaya('sent exercise');
  });

  await step(page, "visit every screen: nothing of Maya's private words", async () => {
    for (const [button, heading] of [
      ['Read what Maya shared', /shared/i],
      ['Do your check-in', 'Weekly check-in'],
      ['Talk to your therapist privately', 'Talk to your therapist privately'],
    ] as const) {
      await portalHome(page, partnerB);
      await page.getByRole('button', { name: button }).click();
      await visible(page.getByRole('heading', { level: 1, name: heading }));
      await expectAccessible(page, `${partnerB}'s ${button} screen`);
      await expectNothingOfMaya(button);
    }
    await portalHome(page, partnerB);
    await page.getByRole('button', { name: 'See your homework' }).click();
    await page.getByRole('button', { name: /Weekly trust check-in/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Weekly trust check-in' }));
    await expectNothingOfMaya('weekly trust check-in sheet');
  });
  await context.close();

  const maya = await openPortal(partnerA);
  await step(maya.page, "Maya reads what Theo shared", async () => {
    await maya.page.getByRole('button', { name: 'Read what Theo shared' }).click();
    await visible(maya.page.getByText(sharedAnswer));
  });
  await maya.context.close();
});

journey('6. back in the dashboard: the case needs attention, both charts show, and the audit log has the portal actions', async () => {
  const page = dashboard;
  await step(page, 'the caseload flags the case', async () => {
    await openFromNav(page, 'Caseload');
    const onlyAttention = page.getByRole('switch', { name: /Needs attention/ });
    await onlyAttention.click();
    // The filter lives in the address, so the list can be shared and survives a reload.
    await page.waitForURL(/attention=true/);
    await eventually('the Needs attention switch is on', () => onlyAttention.isChecked());
    const row = await visible(page.getByRole('row', { name: new RegExp(caseName) }));
    await visible(row.getByRole('img', { name: /safety report/i }));
    await expectNoLayoutJumps(page, 'the caseload', row.getByRole('img', { name: /safety report/i }));
    await expectAccessible(page, 'the caseload needing attention');
  });

  await step(page, 'the case page shows the safety report alert', async () => {
    await page.getByRole('link', { name: caseName }).click();
    await visible(page.getByRole('heading', { level: 1, name: caseName }));
    const safetyAlert = page.getByRole('region', { name: 'Needs attention' }).getByText(/Safety report/i).first();
    await visible(safetyAlert);
    await expectNoLayoutJumps(page, 'the case page', safetyAlert);
    await expectAccessible(page, 'the case page with alerts');
  });

  await step(page, "the Progress tab charts both partners' check-ins", async () => {
    await openCaseTab(page, 'Progress');
    const panel = page.getByRole('tabpanel', { name: 'Progress' });
    await visible(panel.getByRole('heading', { name: new RegExp(partnerA) }).first());
    await visible(panel.getByRole('heading', { name: new RegExp(partnerB) }).first());
    await expectAccessible(page, 'the Progress tab');
  });

  await step(page, 'the owner finds the portal actions in the audit log', async () => {
    await signOut(page);
    await signIn(page, owner.email, owner.password);
    await openFromNav(page, 'Audit', /Audit/);
    for (const [record, action] of [
      ['Check-in', 'Sent a check-in'],
      ['Homework answers', 'Sent homework answers'],
      ['Safety report', 'Sent a safety report'],
    ]) {
      await choose(page, 'Record', record);
      await visible(page.getByRole('row').filter({ hasText: 'Client portal' }).filter({ hasText: action }).first());
    }
    await expectAccessible(page, 'the audit log');
  });
});

journey('7. the guided intake shows its Review step, and creates the case and both links only on "Create case"', async () => {
  const page = dashboard;
  const [first, second] = ['Nora Quill', 'Eli Quill'];
  const intakesSent: string[] = [];
  const countIntake = (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/intakes') intakesSent.push(request.url());
  };
  page.on('request', countIntake);

  await step(page, 'fill in the two people and go through the steps', async () => {
    await openFromNav(page, 'Caseload');
    await page.getByRole('link', { name: 'New case' }).first().click();
    await page.getByRole('link', { name: 'Guided intake with homework and portal links' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'New case: guided intake' }));
    await page.getByRole('group', { name: 'Partner 1' }).getByLabel('Name').fill(first);
    await page.getByRole('group', { name: 'Partner 2' }).getByLabel('Name').fill(second);
    const goTo = async (heading: string) => {
      await page.getByRole('button', { name: `Next: ${heading}` }).click();
      await visible(page.getByRole('heading', { level: 2, name: heading }));
    };
    await goTo('Case details');
    await goTo('Agreements');
    await page.getByRole('radio', { name: 'No-secrets policy' }).check();
    await goTo('First exercises');
  });

  await step(page, 'one click on "Next: Review" shows the Review step and creates nothing', async () => {
    await page.getByRole('button', { name: 'Next: Review' }).click();
    await visible(page.getByRole('heading', { level: 2, name: 'Review' }));
    await visible(page.getByRole('button', { name: 'Create case' }));
    await expectAccessible(page, 'the intake Review step');
    // Whatever a second look at the page would have sent by now.
    await page.waitForLoadState('networkidle');
    expect(intakesSent).toEqual([]);
  });

  const shownLinks: string[] = [];
  await step(page, '"Create case" creates the case and shows both links, once', async () => {
    await page.getByRole('button', { name: 'Create case' }).click();
    await visible(page.getByRole('heading', { level: 2, name: `${first} & ${second} are on your caseload` }));
    expect(intakesSent).toHaveLength(1);
    for (const name of [first, second]) {
      const field = page.getByRole('region', { name: `Portal link for ${firstName(name)}` }).getByRole('textbox');
      shownLinks.push(await field.inputValue());
    }
    expect(shownLinks).toEqual([expect.stringMatching(/\/p\/#[\w-]{40,}$/), expect.stringMatching(/\/p\/#[\w-]{40,}$/)]);
    expect(new Set(shownLinks).size).toBe(2);
    await expectAccessible(page, 'the intake links shown once');
  });

  await step(page, 'the case page never shows the links again', async () => {
    await page.getByRole('link', { name: 'Open the case' }).click();
    await visible(page.getByRole('heading', { level: 1, name: `${first} & ${second}` }));
    await visible(page.getByRole('button', { name: `Revoke link for ${first}` }));
    const fieldValues = await page.locator('input, textarea').evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value));
    const onScreen = [await pageText(page), ...fieldValues];
    expect(shownLinks.filter((link) => onScreen.some((text) => text.includes(new URL(link).hash.slice(1))))).toEqual([]);
  });
  page.off('request', countIntake);
});
