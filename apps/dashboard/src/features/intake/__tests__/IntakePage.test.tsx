import { screen, waitFor, within } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { type CreateIntakeRequest, type ExistingParticipant, type IntakeCreated } from '@trustwork/contracts';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { formatCalendarDate, practiceToday } from '../../../lib/practice-time';
import { caseDetail, caseSummary } from '../../../test/case-fixtures';
import { assistant, clinician, practice } from '../../../test/fixtures';
import { mockApi, type MockResponse } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { agreementRoutes, limitedSecrets, PRACTICE_POLICY_ID, telehealth } from '../../agreements/__tests__/agreement-fixtures';
import { exerciseSummary, hearingHurt, ownRole } from '../../library/__tests__/library-fixtures';

dayjs.extend(utc);

const today = practiceToday(practice.timeZone);
const inDays = (days: number) => dayjs.utc(today).add(days, 'day').format('YYYY-MM-DD');

const earlierSam: ExistingParticipant = {
  id: 'participant-earlier-sam',
  displayName: 'Sam Rivera',
  email: 'sam@example.com',
  caseId: 'case-earlier',
  caseStatus: 'closed',
  relationshipType: 'couple',
  caseOpenedAt: '2025-03-03T10:00:00.000Z',
};

const JORDAN_LINK = 'https://trustwork.test/p/#jordan-secret';
const SAM_LINK = 'https://trustwork.test/p/#sam-secret';
const newCase = caseDetail(caseSummary('case-new', ['Jordan Lee', 'Sam Rivera'], { status: 'intake' }));
const created: IntakeCreated = {
  case: newCase,
  linkedParticipants: [{ participantId: 'case-new-p2', linkedParticipantId: earlierSam.id }],
  assignments: [],
  portalLinks: [
    { participantId: 'case-new-p1', url: JORDAN_LINK, expiresAt: '2026-12-01T10:00:00.000Z' },
    { participantId: 'case-new-p2', url: SAM_LINK, expiresAt: '2026-12-01T10:00:00.000Z' },
  ],
};
const laterPhase = exerciseSummary({ id: 'builtin:later', title: 'Something for later', phase: 5 });

function mockIntake(answer: MockResponse = { status: 201, body: created }, existing: ExistingParticipant[] = [earlierSam]) {
  return mockApi({
    ...agreementRoutes(),
    'POST /api/intakes/check': { body: existing },
    'POST /api/intakes': answer,
    'GET /api/exercises': { body: [ownRole, hearingHurt, laterPhase] },
    'GET /api/cases/case-new': { body: newCase },
    'GET /api/cases/case-new/events': { body: [] },
    'GET /api/cases/case-new/sessions': { body: [] },
  });
}

type User = ReturnType<typeof renderApp>['user'];
const person = (legend: string) => screen.getByRole('group', { name: legend });

/** Pastes rather than types: a whole-form render per keystroke is slow in jsdom. */
async function fill(user: User, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function choose(user: User, container: HTMLElement, label: RegExp, option: string) {
  await user.click(within(container).getByRole('combobox', { name: label }));
  await user.click(screen.getByRole('option', { name: option }));
}

/** Jordan, who broke trust, new; and Sam's e-mail typed, which the practice knows. */
async function fillPeople(user: User) {
  const first = await screen.findByRole('group', { name: 'Partner 1' });
  await fill(user, within(first).getByLabelText(/^Name/), 'Jordan Lee');
  await choose(user, first, /^Side of the breach/, 'Broke trust');
  const second = person('Partner 2');
  await fill(user, within(second).getByLabelText('E-mail'), 'Sam@Example.com');
  await user.tab();
}

/**
 * A browser renders the click's state change before the button's default action (it runs
 * React's work between the handlers and that action); jsdom does not, so a button that
 * changes type under the pointer would go unnoticed. This click renders in between.
 */
/** On the Agreements step: the policy, which every case needs. */
async function choosePolicy(user: User, policy = 'No-secrets policy') {
  await user.click(await screen.findByRole('radio', { name: new RegExp(`^${policy}`) }));
}

/** Jordan and Sam, both new, through Case details as it starts, to the Agreements step. */
async function toAgreementsStep(user: User) {
  await fillPeople(user);
  await fill(user, within(person('Partner 2')).getByLabelText(/^Name/), 'Sam Rivera');
  await user.click(screen.getByRole('button', { name: 'Next: Case details' }));
  await user.click(await screen.findByRole('button', { name: 'Next: Agreements' }));
}

/** From the Agreements step, with a policy chosen and no exercises, to the Review. */
async function toReview(user: User) {
  await choosePolicy(user);
  for (const next of ['Next: First exercises', 'Next: Review']) await user.click(await screen.findByRole('button', { name: next }));
}

async function clickAsABrowserDoes(user: User, button: HTMLElement) {
  const renderBeforeDefaultAction = () => flushSync(() => undefined);
  window.addEventListener('click', renderBeforeDefaultAction, { once: true });
  await user.click(button);
}

describe('Guided intake', () => {
  it('offers to link a person the practice already has, once their e-mail is typed', async () => {
    const api = mockIntake();
    const { user } = renderApp({ route: '/cases/new/intake', signedInAs: clinician });

    await fillPeople(user);

    expect(await within(person('Partner 2')).findByText('We already have Sam Rivera')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/intakes/check').map((call) => call.body)).toEqual([{ emails: ['sam@example.com'] }]);
    const opened = formatCalendarDate('2025-03-03');
    expect(within(person('Partner 2')).getByText(`Sam Rivera (sam@example.com) is on another case: a closed case opened ${opened}.`, { exact: false })).toBeInTheDocument();

    await user.click(within(person('Partner 2')).getByRole('button', { name: 'Link to that record' }));
    expect(within(person('Partner 2')).queryByLabelText(/^Name/)).not.toBeInTheDocument();
    expect(within(person('Partner 2')).getByText(/linked to their record on a closed case/)).toBeInTheDocument();

    // Kept separate, the record is not offered again in this intake.
    await user.click(within(person('Partner 2')).getByRole('button', { name: 'Keep separate instead' }));
    const email = within(person('Partner 2')).getByLabelText('E-mail');
    expect(email).toHaveValue('sam@example.com');
    await user.click(email);
    await user.tab();
    await waitFor(() => expect(api.callsTo('POST', '/api/intakes/check')).toHaveLength(2));
    expect(within(person('Partner 2')).queryByText('We already have Sam Rivera')).not.toBeInTheDocument();
  });

  it('sends the case, the linked person, the chosen exercises and the portal links in one request', async () => {
    const api = mockIntake();
    const { user } = renderApp({ route: '/cases/new/intake', signedInAs: clinician });

    await fillPeople(user);
    await user.click(await within(person('Partner 2')).findByRole('button', { name: 'Link to that record' }));
    await choose(user, person('Partner 2'), /^Side of the breach/, 'Was hurt');
    await user.click(screen.getByRole('button', { name: 'Next: Case details' }));

    await fill(user, await screen.findByLabelText(/^Presenting concern/), 'Rebuilding trust after an affair.');
    await user.click(screen.getByRole('button', { name: 'Next: Agreements' }));
    await choosePolicy(user, 'Limited-secrets policy');
    await user.click(screen.getByRole('checkbox', { name: /^Consent to telehealth/ }));
    await user.click(screen.getByRole('button', { name: 'Next: First exercises' }));

    // Phase 1 suggests its own exercises; others come from the library search.
    const suggestion = await screen.findByRole('checkbox', { name: /Looking honestly at your part/ });
    expect(screen.queryByRole('checkbox', { name: /Something for later/ })).not.toBeInTheDocument();
    await user.click(suggestion);
    const chosen = screen.getByRole('region', { name: 'Looking honestly at your part' });
    // Meant for the person who broke trust: Jordan.
    expect(within(chosen).getByRole('combobox', { name: /^Who does it/ })).toHaveValue('Jordan Lee only');
    await user.click(screen.getByRole('combobox', { name: 'Add another exercise from the library' }));
    await user.click(screen.getByRole('option', { name: 'Hearing the hurt' }));
    await user.click(screen.getByRole('button', { name: 'Next: Review' }));

    expect(await screen.findByText('Linked to earlier record')).toBeInTheDocument();
    const agreements = screen.getByRole('region', { name: 'Agreements' });
    expect(agreements).toHaveTextContent('Confidentiality policy: Limited-secrets policy');
    expect(agreements).toHaveTextContent('To sign in the portal: Informed consent for couples therapy, Consent to telehealth');
    await user.click(screen.getByRole('button', { name: 'Create case' }));

    await waitFor(() => expect(api.callsTo('POST', '/api/intakes')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/intakes')[0]?.body).toEqual<CreateIntakeRequest>({
      relationshipType: 'couple',
      presentingConcern: 'Rebuilding trust after an affair.',
      phase: 1,
      status: 'intake',
      participants: [
        { displayName: 'Jordan Lee', breachRole: 'broke-trust' },
        { linkTo: earlierSam.id, breachRole: 'was-hurt' },
      ],
      exercises: [
        { exerciseId: ownRole.id, assignTo: 'participant', participantIndex: 0, dueOn: inDays(7) },
        { exerciseId: hearingHurt.id, assignTo: 'each', recurrence: { frequency: 'weekly', daysOfWeek: [1, 4], startsOn: today, endsOn: inDays(27) } },
      ],
      createPortalLinks: true,
      confidentialityPolicyId: limitedSecrets.id,
      agreementIds: ['builtin:informed-consent', telehealth.id],
    });
  });

  it('shows the Review step after one click on "Next: Review", and creates nothing until "Create case"', async () => {
    const api = mockIntake(undefined, []);
    const { user } = renderApp({ route: '/cases/new/intake', signedInAs: clinician });

    await fillPeople(user);
    await fill(user, within(person('Partner 2')).getByLabelText(/^Name/), 'Sam Rivera');
    for (const next of ['Next: Case details', 'Next: Agreements']) await clickAsABrowserDoes(user, await screen.findByRole('button', { name: next }));
    await choosePolicy(user);
    await clickAsABrowserDoes(user, await screen.findByRole('button', { name: 'Next: First exercises' }));
    await clickAsABrowserDoes(user, await screen.findByRole('button', { name: 'Next: Review' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Review' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/intakes')).toHaveLength(0);

    await clickAsABrowserDoes(user, screen.getByRole('button', { name: 'Create case' }));
    expect(await screen.findByRole('heading', { name: 'Jordan Lee & Sam Rivera are on your caseload' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/intakes')).toHaveLength(1);
  });

  it('puts the API’s objections under the fields they concern, opening the step they are on', async () => {
    mockIntake({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: ['exercises.0.dueOn must be today (2026-03-01) or later', 'exercises.0: send either dueOn, for a single sheet, or recurrence, not both', 'The practice is closed.'],
      },
    });
    const { user } = renderApp({ route: '/cases/new/intake', signedInAs: clinician });

    await toAgreementsStep(user);
    await choosePolicy(user);
    await user.click(await screen.findByRole('button', { name: 'Next: First exercises' }));
    await user.click(await screen.findByRole('checkbox', { name: /Looking honestly at your part/ }));
    await user.click(screen.getByRole('button', { name: 'Next: Review' }));
    await user.click(await screen.findByRole('button', { name: 'Create case' }));

    const chosen = await screen.findByRole('region', { name: 'Looking honestly at your part' });
    expect(screen.getByRole('heading', { level: 2, name: 'First exercises' })).toBeInTheDocument();
    expect(within(chosen).getByText('Due date must be today (2026-03-01) or later.')).toBeInTheDocument();
    expect(within(chosen).getByText('Send either dueOn, for a single sheet, or recurrence, not both.')).toBeInTheDocument();
    // A message about no one field stays above the form.
    expect(screen.getByText('The practice is closed.').closest('[role="alert"]')).toHaveTextContent('We couldn\'t create the case');
  });

  it('places a refused person’s field on the first step', async () => {
    mockIntake({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: ['participants.1.displayName must be at most 120 characters'] } }, []);
    const { user } = renderApp({ route: '/cases/new/intake', signedInAs: clinician });

    await toAgreementsStep(user);
    await toReview(user);
    await user.click(await screen.findByRole('button', { name: 'Create case' }));

    expect(await within(await screen.findByRole('group', { name: 'Partner 2' })).findByText('Name must be at most 120 characters.')).toBeInTheDocument();
    expect(within(person('Partner 2')).getByLabelText(/^Name/)).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(within(person('Partner 2')).getByLabelText(/^Name/)).toHaveFocus());
  });

  it('keeps the first step open, at its first missing field, until it is complete', async () => {
    mockIntake(undefined, []);
    const { user } = renderApp({ route: '/cases/new/intake', signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Next: Case details' }));

    const name = within(person('Partner 1')).getByLabelText(/^Name/);
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(name).toHaveFocus());
    expect(screen.getByRole('heading', { level: 2, name: 'The two people' })).toBeInTheDocument();
  });

  it('keeps the Agreements step open until a policy is chosen, and shows the choice in the review', async () => {
    const api = mockIntake(undefined, []);
    const { user } = renderApp({ route: '/cases/new/intake', signedInAs: clinician });

    await toAgreementsStep(user);

    expect(await screen.findByRole('heading', { level: 2, name: 'Agreements' })).toBeInTheDocument();
    const policies = await screen.findByRole('radiogroup', { name: /^Confidentiality policy/ });
    await within(policies).findAllByRole('radio');
    await user.click(screen.getByRole('button', { name: 'Next: First exercises' }));
    expect(policies).toHaveAccessibleDescription(expect.stringContaining('Choose a confidentiality policy.'));
    await waitFor(() => expect(within(policies).getAllByRole('radio')[0]).toHaveFocus());
    expect(screen.getByRole('heading', { level: 2, name: 'Agreements' })).toBeInTheDocument();

    await user.click(within(policies).getByRole('radio', { name: /^Harbour confidentiality policy/ }));
    // Informed consent is ticked from the start; taking it off leaves only the policy to sign.
    await user.click(screen.getByRole('checkbox', { name: /^Informed consent for couples therapy/ }));
    for (const next of ['Next: First exercises', 'Next: Review']) await user.click(await screen.findByRole('button', { name: next }));

    const review = await screen.findByRole('region', { name: 'Agreements' });
    expect(review).toHaveTextContent('Confidentiality policy: Harbour confidentiality policy');
    expect(review).toHaveTextContent('To sign in the portal: only the confidentiality policy');
    await user.click(screen.getByRole('button', { name: 'Create case' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/intakes')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/intakes')[0]?.body).toMatchObject({ confidentialityPolicyId: PRACTICE_POLICY_ID, agreementIds: [] });
  });

  it('opens the Agreements step when the API refuses the policy', async () => {
    mockIntake({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: ['confidentialityPolicyId must name a confidentiality agreement of this practice'] } }, []);
    const { user } = renderApp({ route: '/cases/new/intake', signedInAs: clinician });

    await toAgreementsStep(user);
    await toReview(user);
    await user.click(await screen.findByRole('button', { name: 'Create case' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Agreements' })).toBeInTheDocument();
    expect(await screen.findByRole('radiogroup', { name: /^Confidentiality policy/ })).toHaveAccessibleDescription(
      expect.stringContaining('Confidentiality policy must name a confidentiality agreement of this practice.'),
    );
  });

  it('shows both portal links once, with copy buttons and a warning, and not after leaving', async () => {
    mockIntake(undefined, []);
    const { user } = renderApp({ route: '/cases/new/intake', signedInAs: clinician });

    await toAgreementsStep(user);
    await toReview(user);
    await user.click(await screen.findByRole('button', { name: 'Create case' }));

    expect(await screen.findByRole('heading', { name: 'Jordan Lee & Sam Rivera are on your caseload' })).toBeInTheDocument();
    expect(screen.getByText(/We won't show these links again/)).toBeInTheDocument();
    const jordan = screen.getByRole('region', { name: 'Portal link for Jordan' });
    expect(within(jordan).getByRole('textbox', { name: /Jordan's portal link/ })).toHaveValue(JORDAN_LINK);
    expect(within(screen.getByRole('region', { name: 'Portal link for Sam' })).getByRole('textbox', { name: /Sam's portal link/ })).toHaveValue(SAM_LINK);

    await user.click(within(jordan).getByRole('button', { name: 'Copy link' }));
    expect(await within(jordan).findByText('The link is on your clipboard.')).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toBe(JORDAN_LINK);

    await user.click(screen.getByRole('link', { name: 'Open the case' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: /are on your caseload/ })).not.toBeInTheDocument());
    expect(screen.queryByDisplayValue(JORDAN_LINK)).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain('sam-secret');
  });

  it('is not available to assistants', async () => {
    mockIntake();
    renderApp({ route: '/cases/new/intake', signedInAs: assistant });

    expect(await screen.findByText('Not available to your role')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Partner 1' })).not.toBeInTheDocument();
  });
});
