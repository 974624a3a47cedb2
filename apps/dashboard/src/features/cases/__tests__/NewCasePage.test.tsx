import { screen, waitFor, within } from '@testing-library/react';
import { type CreateCaseRequest } from '@trustwork/contracts';
import { caseDetail, caseSummary } from '../../../test/case-fixtures';
import { assistant, clinician, memberFrom, owner } from '../../../test/fixtures';
import { mockApi, type MockResponse } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { agreementRoutes, limitedSecrets, telehealth } from '../../agreements/__tests__/agreement-fixtures';

const created = caseDetail(caseSummary('case-new', ['Jordan Lee', 'Alex Lee'], { status: 'intake' }));

function mockCreate(answer: MockResponse = { status: 201, body: created }) {
  return mockApi({
    ...agreementRoutes(),
    'POST /api/cases': answer,
    'GET /api/cases/case-new': { body: created },
    'GET /api/cases/case-new/events': { body: [] },
    'GET /api/cases/case-new/sessions': { body: [] },
    'GET /api/users': { body: [memberFrom(owner), memberFrom(clinician)] },
  });
}

/** Pastes rather than types: a whole-form render per keystroke makes long text slow in jsdom. */
async function fill(user: ReturnType<typeof renderApp>['user'], field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

function person(legend: string): HTMLElement {
  return screen.getByRole('group', { name: legend });
}

/** Both names, and the policy when one is given: all a case needs. */
async function fillRequired(user: ReturnType<typeof renderApp>['user'], policy: string | null = 'No-secrets policy') {
  await fill(user, within(await screen.findByRole('group', { name: 'Partner 1' })).getByLabelText(/^Name/), 'Jordan');
  await fill(user, within(person('Partner 2')).getByLabelText(/^Name/), 'Alex');
  if (policy) await user.click(await screen.findByRole('radio', { name: new RegExp(`^${policy}`) }));
}

describe('New case', () => {
  it('checks both names and any e-mail before sending', async () => {
    const api = mockCreate();
    const { user } = renderApp({ route: '/cases/new', signedInAs: clinician });

    await user.type(within(await screen.findByRole('group', { name: 'Partner 2' })).getByLabelText('E-mail'), 'alex@');
    await user.click(screen.getByRole('button', { name: 'Create case' }));

    expect(within(person('Partner 1')).getByText('Enter their name.')).toBeInTheDocument();
    expect(within(person('Partner 2')).getByText('Enter their name.')).toBeInTheDocument();
    expect(within(person('Partner 2')).getByText(/Enter a valid e-mail address/)).toBeInTheDocument();
    expect(within(person('Partner 1')).getByLabelText(/^Name/)).toHaveFocus();
    expect(api.callsTo('POST', '/api/cases')).toHaveLength(0);
  });

  it('names the two people after their relationship', async () => {
    mockCreate();
    const { user } = renderApp({ route: '/cases/new', signedInAs: clinician });

    expect(await screen.findByRole('group', { name: 'Partner 1' })).toBeInTheDocument();
    // Pronouns are shown to the other person in their portal, and the field says so.
    expect(within(person('Partner 1')).getByLabelText(/^Pronouns/)).toHaveAccessibleDescription(
      'Optional, e.g. she/her. Shown to the other partner in their portal.',
    );
    await user.click(screen.getByRole('radio', { name: 'Parent and child' }));

    expect(screen.getByRole('group', { name: 'Parent' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Child' })).toBeInTheDocument();
    expect(within(person('Parent')).getByLabelText(/^Pronouns/)).toHaveAccessibleDescription(expect.stringContaining('Shown to the child in their portal.'));
    expect(within(person('Child')).getByLabelText(/^Pronouns/)).toHaveAccessibleDescription(expect.stringContaining('Shown to the parent in their portal.'));
  });

  it('creates the case with both people and opens it', async () => {
    const api = mockCreate();
    const { user } = renderApp({ route: '/cases/new', signedInAs: clinician });

    const first = await screen.findByRole('group', { name: 'Partner 1' });
    await fill(user, within(first).getByLabelText(/^Name/), '  Jordan Lee ');
    await fill(user, within(first).getByLabelText(/^Pronouns/), 'he/him');
    await user.click(within(first).getByRole('combobox', { name: /^Side of the breach/ }));
    await user.click(screen.getByRole('option', { name: 'Broke trust' }));
    const second = person('Partner 2');
    await fill(user, within(second).getByLabelText(/^Name/), 'Alex Lee');
    await fill(user, within(second).getByLabelText('E-mail'), 'alex@example.com');
    await fill(user, within(second).getByLabelText('Phone'), '+44 7700 900123');
    await user.click(within(second).getByRole('combobox', { name: /^Side of the breach/ }));
    await user.click(screen.getByRole('option', { name: 'Was hurt' }));
    await fill(user, screen.getByLabelText(/^Presenting concern/), 'Rebuilding trust after an affair.');
    await user.click(await screen.findByRole('radio', { name: /^Limited-secrets policy/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Consent to telehealth/ }));
    await user.click(screen.getByRole('button', { name: 'Create case' }));

    expect(await screen.findByText('Case created')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/cases').map((call) => call.body)).toEqual<CreateCaseRequest[]>([
      {
        relationshipType: 'couple',
        presentingConcern: 'Rebuilding trust after an affair.',
        phase: 1,
        status: 'intake',
        participants: [
          { displayName: 'Jordan Lee', pronouns: 'he/him', breachRole: 'broke-trust' },
          { displayName: 'Alex Lee', email: 'alex@example.com', phone: '+44 7700 900123', breachRole: 'was-hurt' },
        ],
        confidentialityPolicyId: limitedSecrets.id,
        agreementIds: ['builtin:informed-consent', telehealth.id],
      },
    ]);
    await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: 'New case' })).not.toBeInTheDocument());
  });

  it('puts the API’s objection under the field it concerns', async () => {
    mockCreate({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: ['participants.1.email must be a valid e-mail address', 'participants must list exactly two people'],
      },
    });
    const { user } = renderApp({ route: '/cases/new', signedInAs: clinician });

    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Create case' }));

    const email = within(person('Partner 2')).getByLabelText('E-mail');
    expect(await within(person('Partner 2')).findByText('E-mail must be a valid e-mail address.')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('participants must list exactly two people');
    expect(screen.getByRole('heading', { level: 1, name: 'New case' })).toBeInTheDocument();
  });

  it('lets an owner choose the clinicians, starting with themselves', async () => {
    const api = mockCreate();
    const { user } = renderApp({ route: '/cases/new', signedInAs: owner });

    await fillRequired(user);
    const clinicians = await screen.findByRole('combobox', { name: /^Clinicians/ });
    await waitFor(() => expect(clinicians).toBeEnabled());
    await user.click(clinicians);
    await user.click(screen.getByRole('option', { name: clinician.name }));
    await user.click(screen.getByRole('button', { name: 'Create case' }));

    await waitFor(() => expect(api.callsTo('POST', '/api/cases')).toHaveLength(1));
    expect((api.callsTo('POST', '/api/cases')[0]?.body as CreateCaseRequest).clinicianIds).toEqual([owner.id, clinician.id]);
  });

  it('asks for a confidentiality policy, with none chosen in advance, and says why it matters', async () => {
    const api = mockCreate();
    const { user } = renderApp({ route: '/cases/new', signedInAs: clinician });

    const policies = await screen.findByRole('radiogroup', { name: /^Confidentiality policy/ });
    expect(policies).toHaveAccessibleDescription(expect.stringContaining('What happens with what one person tells you alone.'));
    const choices = await within(policies).findAllByRole('radio');
    expect(choices.map((radio) => radio.getAttribute('value'))).toEqual([
      'builtin:no-secrets',
      'builtin:limited-secrets',
      'builtin:kept-private',
      '5b0e7d1a-8c1f-4f2e-9d3a-2a7f1c9e4b21',
    ]);
    expect(choices.every((radio) => !(radio as HTMLInputElement).checked)).toBe(true);
    // Informed consent is asked for unless the therapist takes it off.
    expect(screen.getByRole('checkbox', { name: /^Informed consent for couples therapy/ })).toBeChecked();
    expect(screen.queryByRole('checkbox', { name: /policy/ })).not.toBeInTheDocument();

    await fillRequired(user, null);
    await user.click(screen.getByRole('button', { name: 'Create case' }));

    expect(await screen.findByText('Choose a confidentiality policy.')).toBeInTheDocument();
    await waitFor(() => expect(within(policies).getAllByRole('radio')[0]).toHaveFocus());
    expect(api.callsTo('POST', '/api/cases')).toHaveLength(0);

    await user.click(within(policies).getByRole('radio', { name: /^Kept-private policy/ }));
    await user.click(screen.getByRole('button', { name: 'Create case' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/cases')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cases')[0]?.body).toMatchObject({ confidentialityPolicyId: 'builtin:kept-private', agreementIds: ['builtin:informed-consent'] });
  });

  it('returns to the caseload on cancel', async () => {
    mockApi({ 'GET /api/cases': { body: { items: [], nextCursor: null } } });
    const { user } = renderApp({ route: '/cases/new', signedInAs: clinician });

    await user.click(await screen.findByRole('link', { name: 'Cancel' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Caseload' })).toBeInTheDocument();
  });

  it('is not available to assistants', async () => {
    mockCreate();
    renderApp({ route: '/cases/new', signedInAs: assistant });

    expect(await screen.findByText('Not available to your role')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create case' })).not.toBeInTheDocument();
  });
});
