import { screen, within } from '@testing-library/react';
import { owner } from '../../test/fixtures';
import { mockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

describe('Sections still to come', () => {
  it('says what the library will hold', async () => {
    mockApi({});
    renderApp({ route: '/library', signedInAs: owner });

    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    const section = screen.getByRole('region', { name: 'Planned for a later update' });
    expect(within(section).getByText(/Check-ins the two people fill in/)).toBeInTheDocument();
  });
});
