import { screen, waitFor, within } from '@testing-library/react';
import { type PracticeSummary, type UpdatePracticeRequest } from '@trustwork/contracts';
import { clinician, memberFrom, owner, practice } from '../../../../test/fixtures';
import { mockApi } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

function practiceApi(answer?: { status: number; body: unknown }) {
  return mockApi({
    'GET /api/users': { body: [memberFrom(owner)] },
    'PATCH /api/practice': (call) => answer ?? { body: { ...practice, ...(call.body as UpdatePracticeRequest) } satisfies PracticeSummary },
  });
}

describe('Practice settings', () => {
  it("lets the owner change the practice's time zone, and every time then follows it", async () => {
    const api = practiceApi();
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    const settings = await screen.findByRole('region', { name: 'Practice settings' });
    expect(within(settings).getByText(/Every date and time in Trustwork is shown in Europe\/London/)).toBeInTheDocument();
    const zone = within(settings).getByRole('combobox', { name: /^time zone/i });
    expect(zone).toHaveValue('Europe/London');
    await user.clear(zone);
    await user.type(zone, 'New_York');
    await user.click(await screen.findByRole('option', { name: 'America/New_York' }));
    await user.click(within(settings).getByRole('button', { name: 'Save practice settings' }));

    await waitFor(() => expect(api.callsTo('PATCH', '/api/practice').map((call) => call.body)).toEqual([{ timeZone: 'America/New_York' }]));
    expect(await within(settings).findByText(/Every date and time in Trustwork is shown in America\/New_York/)).toBeInTheDocument();
    expect(await screen.findByText('Practice settings saved')).toBeInTheDocument();
  });

  it("shows the API's refusal under the field", async () => {
    const message = 'timeZone must be a time zone name such as Europe/London';
    practiceApi({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: [message] } });
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    const settings = await screen.findByRole('region', { name: 'Practice settings' });
    const name = within(settings).getByRole('textbox', { name: /^practice name/i });
    await user.clear(name);
    await user.type(name, 'Harbour Lane Counselling');
    await user.click(within(settings).getByRole('button', { name: 'Save practice settings' }));

    const zone = within(settings).getByRole('combobox', { name: /^time zone/i });
    await waitFor(() => expect(zone).toHaveAccessibleDescription(expect.stringContaining(message)));
    // Focus goes to the refused field.
    await waitFor(() => expect(zone).toHaveFocus());
  });

  it('takes the owner to a missing name rather than sending it', async () => {
    const api = practiceApi();
    const { user } = renderApp({ route: '/team', signedInAs: owner });

    const settings = await screen.findByRole('region', { name: 'Practice settings' });
    const name = within(settings).getByRole('textbox', { name: /^practice name/i });
    await user.clear(name);
    await user.click(within(settings).getByRole('button', { name: 'Save practice settings' }));

    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('PATCH', '/api/practice')).toHaveLength(0);
  });

  it('is not offered to a clinician', async () => {
    practiceApi();
    renderApp({ route: '/team', signedInAs: clinician });

    await screen.findByRole('table', { name: 'Team members' });
    expect(screen.queryByRole('region', { name: 'Practice settings' })).not.toBeInTheDocument();
  });
});
