import { screen, waitFor, within } from '@testing-library/react';
import { clinician } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { ASSIGNMENTS_PATH } from '../../homework/__tests__/homework-fixtures';
import { exerciseSummary, hearingHurt, ownRole } from '../../library/__tests__/library-fixtures';
import { CASE_ID, caseApi } from './case-record-fixtures';

const checkingIn = exerciseSummary({
  id: 'builtin:daily-check-in',
  title: 'Daily openness check-in',
  phase: 4,
  audience: 'broke-trust',
  purpose: 'Offers the day before being asked.',
});

describe('Suggestions after a phase change', () => {
  it("shows the new phase's exercises, and one click opens the Homework tab with it chosen", async () => {
    const api = caseApi({
      routes: {
        'GET /api/exercises': (call) => ({ body: call.query.get('phase') === '4' ? [checkingIn] : [ownRole, hearingHurt, checkingIn] }),
        [`GET ${ASSIGNMENTS_PATH}`]: { body: [] },
        'GET /api/measures': { body: [] },
      },
    });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Change phase' }));
    const drawer = screen.getByRole('dialog', { name: 'Programme phase' });
    // Nothing is suggested before the move.
    expect(within(drawer).queryByRole('heading', { name: /Suggested for phase/ })).not.toBeInTheDocument();
    await user.click(within(drawer).getByRole('combobox', { name: 'Move to phase' }));
    await user.click(within(drawer).getByRole('option', { name: '4 · Openness and reliability' }));
    await user.click(within(drawer).getByRole('button', { name: 'Save phase' }));

    const heading = await within(drawer).findByRole('heading', { name: 'Suggested for phase 4' });
    expect(heading).toHaveFocus();
    const suggestions = await within(drawer).findByRole('list', { name: 'Suggested for phase 4' });
    expect(within(suggestions).getByText('Offers the day before being asked.')).toBeInTheDocument();
    expect(api.queriesTo('GET', '/api/exercises')[0]?.get('phase')).toBe('4');
    const assign = within(suggestions).getByRole('link', { name: 'Assign Daily openness check-in' });
    expect(assign).toHaveAttribute('href', `/cases/${CASE_ID}/homework?assign=${encodeURIComponent(checkingIn.id)}`);
    // A button clips its label when squeezed, so beside a long purpose it keeps its width.
    expect(assign).toHaveStyle({ flexShrink: '0' });

    await user.click(assign);
    const dialog = await screen.findByRole('dialog', { name: 'Assign homework' });
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: /exercise/i })).toHaveValue('Daily openness check-in'));
    expect(screen.queryByRole('dialog', { name: 'Programme phase' })).not.toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Homework' })).toHaveAttribute('aria-selected', 'true');
  });

  it('says so when the library has nothing for the new phase, and Done closes the drawer', async () => {
    caseApi({ routes: { 'GET /api/exercises': { body: [] } } });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Change phase' }));
    const drawer = screen.getByRole('dialog', { name: 'Programme phase' });
    await user.click(within(drawer).getByRole('combobox', { name: 'Move to phase' }));
    await user.click(within(drawer).getByRole('option', { name: '4 · Openness and reliability' }));
    await user.click(within(drawer).getByRole('button', { name: 'Save phase' }));

    expect(await within(drawer).findByText('The library has no exercises for this phase yet.')).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Programme phase' })).not.toBeInTheDocument());
  });
});
