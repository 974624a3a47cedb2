import { screen, within } from '@testing-library/react';
import { type Attention } from '@trustwork/contracts';
import { clinician } from '../../../../test/fixtures';
import { mockApi } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

const nothing: Attention = { alerts: [], unsignedNotes: [], sessionsToClose: [], count: 0 };

describe('Navigation: the count beside Home', () => {
  it('shows how many things need attention, in words for a screen reader', async () => {
    mockApi({ 'GET /api/attention': { body: { ...nothing, count: 3 } } });
    renderApp({ route: '/library', signedInAs: clinician });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const home = await within(nav).findByRole('link', { name: /^Home\s*, 3 things need your attention$/ });
    expect(home).toHaveAttribute('href', '/');
    expect(within(home).getByText('3')).toBeInTheDocument();
  });

  it('shows no count when nothing needs attention', async () => {
    const api = mockApi({ 'GET /api/attention': { body: nothing } });
    renderApp({ route: '/library', signedInAs: clinician });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await vi.waitFor(() => expect(api.callsTo('GET', '/api/attention')).toHaveLength(1));
    expect(within(nav).getByRole('link', { name: 'Home' })).toBeInTheDocument();
  });
});
