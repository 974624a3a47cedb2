import { screen, waitFor, within } from '@testing-library/react';
import { clinician } from '../../../../test/fixtures';
import { mockApi, page } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

describe('Weekly digest switch', () => {
  it("reads the setting from the server when opened, and turns the digest on", async () => {
    const api = mockApi({
      'GET /api/cases': page([]),
      'GET /api/me': { body: { ...clinician, weeklyDigest: false } },
      'PATCH /api/me': (call) => ({ body: { ...clinician, ...(call.body as object) } }),
    });
    const { user } = renderApp({ route: '/cases', signedInAs: clinician });

    await screen.findByRole('heading', { level: 1, name: 'Caseload' });
    // Not asked for until wanted.
    expect(api.callsTo('GET', '/api/me')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Your settings' }));
    const settings = await screen.findByRole('dialog', { name: 'Your settings' });
    const digest = within(settings).getByRole('switch', { name: /^Weekly digest e-mail/ });
    await waitFor(() => expect(digest).toBeEnabled());
    expect(digest).not.toBeChecked();

    await user.click(digest);

    expect(await screen.findByText('Weekly digest turned on')).toBeInTheDocument();
    expect(api.callsTo('PATCH', '/api/me').map((call) => call.body)).toEqual([{ weeklyDigest: true }]);
    expect(digest).toBeChecked();
  });

  it('puts the switch back and says why when the change is refused', async () => {
    mockApi({
      'GET /api/cases': page([]),
      'GET /api/me': { body: { ...clinician, weeklyDigest: true } },
      'PATCH /api/me': { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'Trustwork is busy. Try again shortly.' } },
    });
    const { user } = renderApp({ route: '/cases', signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Your settings' }));
    const digest = within(await screen.findByRole('dialog', { name: 'Your settings' })).getByRole('switch', { name: /^Weekly digest e-mail/ });
    await waitFor(() => expect(digest).toBeChecked());
    await user.click(digest);

    expect(await screen.findByText("We couldn't change the weekly digest")).toBeInTheDocument();
    expect(digest).toBeChecked();
  });
});
