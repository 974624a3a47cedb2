import { screen, within } from '@testing-library/react';
import { clinician, memberFrom, owner } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

// jsdom lays nothing out: the table's box measures as narrow as a phone.
vi.mock('@mantine/hooks', async (original) => ({
  ...(await original<typeof import('@mantine/hooks')>()),
  useElementSize: () => ({ ref: () => undefined, width: 350, height: 0 }),
}));

describe('The team table on a narrow screen', () => {
  it('scrolls sideways in a region a keyboard can reach, and says so', async () => {
    mockApi({ 'GET /api/users': { body: [memberFrom(owner), memberFrom(clinician)] } });
    renderApp({ route: '/team', signedInAs: owner });

    const region = await screen.findByRole('region', { name: 'Team members, scrolls sideways' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(within(region).getByRole('table', { name: 'Team members' })).toBeInTheDocument();
    expect(screen.getByText('Scroll the table sideways to see every column.')).toBeInTheDocument();
  });
});
