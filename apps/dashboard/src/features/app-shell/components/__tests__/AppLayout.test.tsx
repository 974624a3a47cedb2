import { screen, within } from '@testing-library/react';
import { clinician, owner } from '../../../../test/fixtures';
import { mockApi } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

describe('App shell', () => {
  it('shows the practice, who is signed in, and marks the current page in the navigation', async () => {
    mockApi({});
    renderApp({ route: '/library', signedInAs: owner });

    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Harbour Couples Therapy')).toBeInTheDocument();
    expect(within(header).getByText('Owner')).toBeInTheDocument();

    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Home', 'Calendar', 'Caseload', 'Library', 'Agreements', 'Team', 'Billing', 'Audit']);
    expect(within(nav).getByRole('link', { name: 'Library' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
    expect(within(nav).getByRole('link', { name: 'Caseload' })).not.toHaveAttribute('aria-current');
  });

  it('hides the audit log from roles that may not see it', async () => {
    mockApi({});
    renderApp({ route: '/audit', signedInAs: clinician });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Audit' })).not.toBeInTheDocument();
    expect(await screen.findByText('Only owners can read the audit log')).toBeInTheDocument();
  });

  it('answers an unknown address with a friendly page and a way home', async () => {
    mockApi({});
    renderApp({ route: '/no-such-page', signedInAs: owner });

    expect(await screen.findByRole('heading', { level: 1, name: "We can't find that page" })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to Home' })).toHaveAttribute('href', '/');
  });
});

describe('App shell on a tablet or phone', () => {
  /** Below Mantine's `md` (992 px): an upright tablet or a phone. */
  const BELOW_MD = '(max-width: 61.99375em)';
  const desktopMatchMedia = window.matchMedia;
  beforeEach(() => {
    window.matchMedia = (query: string) => ({ ...desktopMatchMedia(query), matches: query === BELOW_MD });
  });
  afterEach(() => {
    window.matchMedia = desktopMatchMedia;
  });

  it('folds the navigation behind a menu button and offers sign-out in the account menu', async () => {
    mockApi({});
    const { user } = renderApp({ route: '/library', signedInAs: owner });

    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    const header = screen.getByRole('banner');
    const burger = within(header).getByRole('button', { name: 'Open navigation' });
    expect(burger).toHaveAttribute('aria-expanded', 'false');
    await user.click(burger);
    expect(within(header).getByRole('button', { name: 'Close navigation' })).toHaveAttribute('aria-expanded', 'true');

    await user.click(within(header).getByRole('button', { name: 'Account menu' }));
    expect(await screen.findByRole('menuitem', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Your settings' })).toHaveAttribute('href', '/settings');
  });
});

describe('App shell on a desktop', () => {
  it('keeps Sign out as its own button in the header, not in the account menu', async () => {
    mockApi({});
    const { user } = renderApp({ route: '/library', signedInAs: owner });

    const header = await screen.findByRole('banner');
    expect(within(header).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    await user.click(within(header).getByRole('button', { name: 'Account menu' }));
    expect(await screen.findByRole('menuitem', { name: 'Your settings' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Sign out' })).not.toBeInTheDocument();
  });
});
