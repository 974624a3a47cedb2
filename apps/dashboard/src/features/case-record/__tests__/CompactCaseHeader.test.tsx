import { screen, within } from '@testing-library/react';
import { AlertKind } from '@trustwork/contracts';
import { assistant, clinician } from '../../../test/fixtures';
import { caseAlert } from '../../alerts/__tests__/alert-fixtures';
import { renderApp } from '../../../test/render-app';
import { assistantCaseRecord, CASE_ID, caseApi, caseRecord } from './case-record-fixtures';

const wideMatchMedia = window.matchMedia;

/** A phone or an upright tablet: every "narrower than" query matches. */
function onANarrowScreen() {
  window.matchMedia = (query: string) => ({ ...wideMatchMedia(query), matches: query.includes('max-width') });
}

describe('Case page on a tablet or a phone', () => {
  beforeEach(onANarrowScreen);
  afterEach(() => {
    window.matchMedia = wideMatchMedia;
  });

  it('shows who, the status, the phase and the open alerts, with every action in one menu', async () => {
    caseApi({
      detail: { ...caseRecord, openAlertCount: 2 },
      routes: {
        [`GET /api/cases/${CASE_ID}/alerts`]: {
          body: [
            caseAlert({ id: 'alert-1', kind: AlertKind.CheckInGap, summary: 'No check-in for 10 days', raisedAt: '2026-06-01T10:00:00.000Z' }),
            caseAlert({ id: 'alert-2', kind: AlertKind.HomeworkOverdue, summary: 'Two assignments past due', raisedAt: '2026-06-02T10:00:00.000Z' }),
          ],
        },
      },
    });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 1, name: 'Alex Morgan & Jordan Lee' })).toBeInTheDocument();
    expect(screen.getByText('Active')).toBeInTheDocument();
    expect(screen.getByText(/Telling and hearing the hurt/)).toBeInTheDocument();
    // The tabs come straight after the header: people, links and alerts wait behind their toggles.
    expect(screen.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('article', { name: 'Partner 1: Alex Morgan' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Needs attention' })).not.toBeInTheDocument();

    const alerts = screen.getByRole('button', { name: '2 open alerts' });
    expect(alerts).toHaveAttribute('aria-expanded', 'false');
    await user.click(alerts);
    expect(alerts).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByRole('heading', { name: 'Needs attention' })).toBeVisible();
    expect(await screen.findByText('Two assignments past due')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'About this case' }));
    expect(await screen.findByRole('article', { name: 'Partner 1: Alex Morgan' })).toBeVisible();
    expect(screen.getByText(caseRecord.presentingConcern as string)).toBeVisible();

    // One menu instead of a row of buttons.
    expect(screen.queryByRole('button', { name: 'Edit details' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'More actions' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Case actions' }));
    const menu = screen.getByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Edit details',
      'Change phase',
      'Export case record…',
      'Close case…',
    ]);
    await user.click(within(menu).getByRole('menuitem', { name: 'Change phase' }));
    expect(screen.getByRole('dialog', { name: 'Programme phase' })).toBeInTheDocument();
  });

  it('says when nothing is open, and shows an assistant no alerts and no clinical actions', async () => {
    caseApi({ detail: assistantCaseRecord });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: assistant });

    await screen.findByRole('heading', { level: 1, name: 'Alex Morgan & Jordan Lee' });
    expect(screen.queryByRole('button', { name: /open alert/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Case actions' }));
    expect(within(screen.getByRole('menu')).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Edit contact details',
      'Phase history',
    ]);
  });

  it('tells a clinician there are no open alerts', async () => {
    caseApi();
    renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });
    expect(await screen.findByRole('button', { name: 'No open alerts' })).toBeInTheDocument();
  });
});
