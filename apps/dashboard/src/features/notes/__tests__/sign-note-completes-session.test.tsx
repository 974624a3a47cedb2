import { screen, within } from '@testing-library/react';
import { clinician } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { noteApi, noteRoute, sessionId, storedNote } from './note-test-api';

const sessionPath = `/api/sessions/${sessionId}`;

describe('Signing the note of a session still marked scheduled', () => {
  it('offers to mark the session completed too, and does so with the signature', async () => {
    const api = noteApi({ note: storedNote(), sessionStatus: 'scheduled' });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Sign note' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign this note?' });
    const complete = await within(dialog).findByRole('checkbox', { name: /Also mark the session completed/ });
    expect(complete).toBeChecked();
    // A double-click signs, and marks the session, once.
    await user.dblClick(within(dialog).getByRole('button', { name: 'Sign note' }));

    expect(await screen.findByText(/^Signed by Sam Rivera on /)).toBeInTheDocument();
    expect(api.callsTo('POST', `${sessionPath}/note/sign`)).toHaveLength(1);
    expect(api.callsTo('PATCH', sessionPath).map((call) => call.body)).toEqual([{ status: 'completed' }]);
    expect(api.server.sessionStatus).toBe('completed');
  });

  it('leaves the session as it is when the therapist says so', async () => {
    const api = noteApi({ note: storedNote(), sessionStatus: 'scheduled' });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Sign note' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign this note?' });
    await user.click(await within(dialog).findByRole('checkbox', { name: /Also mark the session completed/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Sign note' }));

    expect(await screen.findByText(/^Signed by Sam Rivera on /)).toBeInTheDocument();
    expect(api.callsTo('PATCH', sessionPath)).toHaveLength(0);
  });

  it('asks nothing of the session once it is marked completed', async () => {
    noteApi({ note: storedNote() });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Sign note' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign this note?' });
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
  });
});
