import { screen, within } from '@testing-library/react';
import { clinician, owner } from '../../test/fixtures';
import { mockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

describe('Sections still to come', () => {
  it('tells the owner what the caseload will hold, and what to do meanwhile', async () => {
    mockApi({});
    renderApp({ route: '/', signedInAs: owner });

    const section = await screen.findByRole('region', { name: 'Coming soon' });
    expect(within(section).getByText(/which of the nine phases/)).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'Set up your team' })).toHaveAttribute('href', '/team');
  });

  it('does not send colleagues who cannot manage the team to set it up', async () => {
    mockApi({});
    renderApp({ route: '/', signedInAs: clinician });

    const section = await screen.findByRole('region', { name: 'Coming soon' });
    expect(within(section).queryByRole('link')).not.toBeInTheDocument();
  });

  it.each([
    ['/library', 'Library', /Check-ins the two people fill in/],
    ['/audit', 'Audit', /Every sign-in to your practice/],
  ])('says what %s will hold', async (route, heading, content) => {
    mockApi({});
    renderApp({ route, signedInAs: owner });

    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    const section = screen.getByRole('region', { name: 'Planned for a later update' });
    expect(within(section).getByText(content)).toBeInTheDocument();
  });
});
