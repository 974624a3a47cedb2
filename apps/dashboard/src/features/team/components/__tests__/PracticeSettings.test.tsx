import { screen, waitFor, within } from '@testing-library/react';
import { type PracticeSummary, type UpdatePracticeRequest } from '@trustwork/contracts';
import { assistantMember, clinician, memberFrom, owner, practice } from '../../../../test/fixtures';
import { mockApi } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

function practiceApi(answer?: { status: number; body: unknown }) {
  return mockApi({
    'GET /api/users': { body: [memberFrom(owner), memberFrom(clinician, { twoFactorEnabled: true }), assistantMember] },
    'PATCH /api/practice': (call) => answer ?? { body: { ...practice, ...(call.body as UpdatePracticeRequest) } satisfies PracticeSummary },
  });
}

async function openSettings() {
  const rendered = renderApp({ route: '/practice', signedInAs: owner });
  await screen.findByRole('heading', { level: 1, name: 'Practice settings' });
  return rendered;
}

describe('Practice settings', () => {
  it("are reached from the owner's account menu", async () => {
    practiceApi();
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Account menu' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Practice settings' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Practice settings' })).toBeInTheDocument();
  });

  it("lets the owner change the practice's time zone, and every time then follows it", async () => {
    const api = practiceApi();
    const { user } = await openSettings();

    expect(screen.getByText(/Every date and time in Trustwork is shown in Europe\/London/)).toBeInTheDocument();
    const zone = screen.getByRole('combobox', { name: /^time zone/i });
    expect(zone).toHaveValue('Europe/London');
    await user.clear(zone);
    await user.type(zone, 'New_York');
    await user.click(await screen.findByRole('option', { name: 'America/New_York' }));
    await user.click(screen.getByRole('button', { name: 'Save practice settings' }));

    await waitFor(() => expect(api.callsTo('PATCH', '/api/practice').map((call) => call.body)).toEqual([{ timeZone: 'America/New_York' }]));
    expect(await screen.findByText(/Every date and time in Trustwork is shown in America\/New_York/)).toBeInTheDocument();
    expect(await screen.findByText('Practice settings saved')).toBeInTheDocument();
  });

  it('sets the automatic sign-out, refusing a time outside 5 to 60 minutes before sending it', async () => {
    const api = practiceApi();
    const { user } = await openSettings();

    const idle = screen.getByRole('textbox', { name: /^automatic sign-out/i });
    expect(idle).toHaveValue('15');
    await user.clear(idle);
    await user.type(idle, '90');
    await user.click(screen.getByRole('button', { name: 'Save practice settings' }));

    await waitFor(() => expect(idle).toHaveFocus());
    expect(idle).toHaveAccessibleDescription(expect.stringContaining('Choose a whole number of minutes from 5 to 60.'));
    expect(api.callsTo('PATCH', '/api/practice')).toHaveLength(0);

    await user.clear(idle);
    await user.type(idle, '30');
    await user.dblClick(screen.getByRole('button', { name: 'Save practice settings' }));

    await waitFor(() => expect(api.callsTo('PATCH', '/api/practice').map((call) => call.body)).toEqual([{ idleTimeoutMinutes: 30 }]));
    expect(await screen.findByText(/signs people out after 30 minutes without activity/)).toBeInTheDocument();
  });

  it('explains requiring two-factor, names who lacks it, and shows why the API refuses while the owner has none', async () => {
    const refusal = 'Turn on two-factor for your own account before requiring it for everyone.';
    const api = practiceApi({ status: 409, body: { statusCode: 409, error: 'Conflict', message: refusal } });
    const { user } = await openSettings();

    const rule = screen.getByRole('switch', { name: /^Require two-factor for everyone/ });
    expect(rule).toHaveAccessibleDescription(/taken to set it up at their next sign-in, and can do nothing else/);
    await user.click(rule);

    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('Set up two-factor for yourself first, in Your settings.');
    expect(within(note).getByRole('link', { name: 'Your settings' })).toHaveAttribute('href', '/settings');
    // Sam has it already; Priya does not.
    expect(note).toHaveTextContent(`Not set up yet: ${assistantMember.name}.`);

    await user.click(screen.getByRole('button', { name: 'Save practice settings' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(refusal);
    expect(api.callsTo('PATCH', '/api/practice').map((call) => call.body)).toEqual([{ requireTwoFactor: true }]);
  });

  it('sets when clients are reminded and the cancellation notice, refusing hours out of range before sending them', async () => {
    const api = practiceApi();
    const { user } = await openSettings();

    const lead = screen.getByRole('textbox', { name: /^send clients' session reminders \(hours before\)/i });
    const notice = screen.getByRole('textbox', { name: /^cancellation notice \(hours\)/i });
    expect(lead).toHaveValue('24');
    expect(notice).toHaveValue('24');
    expect(notice).toHaveAccessibleDescription(/cancels later than this before the start is marked as a late cancellation/);

    await user.clear(lead);
    await user.type(lead, '80');
    await user.clear(notice);
    await user.type(notice, '73');
    await user.click(screen.getByRole('button', { name: 'Save practice settings' }));

    await waitFor(() => expect(lead).toHaveFocus());
    expect(lead).toHaveAccessibleDescription(expect.stringContaining('Choose a whole number of hours from 1 to 72.'));
    expect(notice).toHaveAccessibleDescription(expect.stringContaining('Choose a whole number of hours from 0 to 72.'));
    expect(api.callsTo('PATCH', '/api/practice')).toHaveLength(0);

    await user.clear(lead);
    await user.type(lead, '48');
    await user.clear(notice);
    await user.type(notice, '0');
    await user.click(screen.getByRole('button', { name: 'Save practice settings' }));

    await waitFor(() => expect(api.callsTo('PATCH', '/api/practice').map((call) => call.body)).toEqual([{ reminderLeadHours: 48, cancellationNoticeHours: 0 }]));
    expect(await screen.findByText('Practice settings saved')).toBeInTheDocument();
  });

  it('changes the office address, and sends none when it is left blank', async () => {
    const api = practiceApi();
    const { user } = await openSettings();

    const address = screen.getByRole('textbox', { name: /^office address/i });
    expect(address).toHaveValue(practice.officeAddress);
    await user.clear(address);
    await user.type(address, '  4 Quay Road, Bristol  ');
    await user.click(screen.getByRole('button', { name: 'Save practice settings' }));
    await waitFor(() => expect(api.callsTo('PATCH', '/api/practice').map((call) => call.body)).toEqual([{ officeAddress: '4 Quay Road, Bristol' }]));

    await user.clear(address);
    await user.type(address, '   ');
    await user.click(screen.getByRole('button', { name: 'Save practice settings' }));
    await waitFor(() => expect(api.callsTo('PATCH', '/api/practice')).toHaveLength(2));
    expect(api.callsTo('PATCH', '/api/practice')[1].body).toEqual({ officeAddress: null });
  });

  it("shows the API's refusal under the field", async () => {
    const message = 'timeZone must be a time zone name such as Europe/London';
    practiceApi({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: [message] } });
    const { user } = await openSettings();

    const name = screen.getByRole('textbox', { name: /^practice name/i });
    await user.clear(name);
    await user.type(name, 'Harbour Lane Counselling');
    await user.click(screen.getByRole('button', { name: 'Save practice settings' }));

    const zone = screen.getByRole('combobox', { name: /^time zone/i });
    await waitFor(() => expect(zone).toHaveAccessibleDescription(expect.stringContaining(message)));
    // Focus goes to the refused field.
    await waitFor(() => expect(zone).toHaveFocus());
  });

  it('takes the owner to a missing name rather than sending it', async () => {
    const api = practiceApi();
    const { user } = await openSettings();

    const name = screen.getByRole('textbox', { name: /^practice name/i });
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Save practice settings' }));

    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('PATCH', '/api/practice')).toHaveLength(0);
  });

  it('is not offered to a clinician', async () => {
    practiceApi();
    const { user } = renderApp({ route: '/practice', signedInAs: clinician });

    expect(await screen.findByText('Not available to your role')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save practice settings' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Account menu' }));
    expect(await screen.findByRole('menuitem', { name: 'Your settings' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Practice settings' })).not.toBeInTheDocument();
  });
});
