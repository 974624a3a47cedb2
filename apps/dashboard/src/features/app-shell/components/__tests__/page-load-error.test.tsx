import { screen, within } from '@testing-library/react';
import { owner } from '../../../../test/fixtures';
import { mockApi } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

// As when the page's code cannot be downloaded: offline, or replaced by an update since the tab opened.
vi.mock('../../../../pages/LibraryPage', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

describe('A page that fails to load', () => {
  it('explains, offers a reload and keeps the rest of the app usable', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    mockApi({ 'GET /api/sessions': { body: [] } });
    const { user } = renderApp({ route: '/library', signedInAs: owner });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("This page didn't load");
    expect(within(alert).getByRole('button', { name: 'Reload page' })).toBeInTheDocument();

    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Home' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(screen.queryByText("This page didn't load")).not.toBeInTheDocument();
  });
});
