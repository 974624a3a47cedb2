import { screen, waitFor, within } from '@testing-library/react';
import { formatDateTime } from '../../../lib/practice-time';
import { assistant, clinician, owner, practice } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { noteAutosaveTiming } from '../hooks/note-autosaver';
import { caseId, noteApi, notePath, noteRoute, ownerRef, storedNote } from './note-test-api';

const defaultTiming = { ...noteAutosaveTiming };
beforeEach(() => {
  // Long enough that only signing (which saves first) sends the pending text.
  noteAutosaveTiming.debounceMs = 60_000;
});
afterEach(() => Object.assign(noteAutosaveTiming, defaultTiming));

const signedNote = storedNote({
  status: 'signed',
  signedAt: '2026-04-02T17:30:00.000Z',
  signedBy: { id: clinician.id, name: clinician.name },
});

describe('Signing and keeping the record', () => {
  it('signs after confirmation, saving pending text first, and then shows the note read-only', async () => {
    const api = noteApi({ note: storedNote() });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });

    await user.type(await screen.findByLabelText('Plan'), ' Review.');
    await user.click(screen.getByRole('button', { name: 'Sign note' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign this note?' });
    expect(dialog).toHaveTextContent('Signing locks the note permanently');
    expect(api.callsTo('POST', `${notePath}/sign`)).toHaveLength(0);
    // A double-click saves and signs once.
    await user.dblClick(within(dialog).getByRole('button', { name: 'Sign note' }));

    const byline = await screen.findByText(/^Signed by Sam Rivera on /);
    expect(byline).toHaveTextContent(formatDateTime(api.server.note?.signedAt ?? '', practice.timeZone));
    expect(api.calls.filter((call) => call.method !== 'GET').map((call) => `${call.method} ${call.path}`)).toEqual([
      `PUT ${notePath}`,
      `POST ${notePath}/sign`,
    ]);
    expect(api.saves()[0].body).toMatchObject({ version: 3, sections: { plan: 'Weekly check-ins. Review.' } });
    expect(screen.getByText('Weekly check-ins. Review.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Plan' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign note' })).not.toBeInTheDocument();
    expect(screen.getByText(/Note signed/)).toBeInTheDocument();
  });

  it('keeps unsaved text on screen when the note was signed elsewhere, until the therapist lets it go', async () => {
    noteAutosaveTiming.debounceMs = 50;
    const api = noteApi({ note: storedNote() });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });
    const plan = await screen.findByLabelText('Plan');
    api.server.note = signedNote;

    await user.type(plan, ' Late thought.');
    expect(await screen.findByRole('alert', { name: /this note was signed elsewhere/i })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Keep mine' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy my text' })).toBeInTheDocument();
    expect(screen.getByLabelText('Plan')).toHaveValue('Weekly check-ins. Late thought.');

    await user.click(screen.getByRole('button', { name: 'Show the signed note' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Discard your changes?' })).getByRole('button', { name: /discard mine/i }),
    );
    expect(await screen.findByText(/^Signed by Sam Rivera on /)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Plan' })).not.toBeInTheDocument();
    expect(api.saves()).toHaveLength(1);
  });

  it('adds an addendum to a signed note', async () => {
    const api = noteApi({ note: signedNote, signedInAs: owner });
    const { user } = renderApp({ route: noteRoute, signedInAs: owner });

    expect(await screen.findByRole('heading', { name: 'Addenda' })).toBeInTheDocument();
    expect(screen.getByText('No addenda yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add addendum' }));
    expect(screen.getByText('Write the addendum before adding it.')).toBeInTheDocument();
    expect(api.callsTo('POST', `${notePath}/addenda`)).toHaveLength(0);

    await user.type(screen.getByLabelText(/new addendum/i), '  Jordan called.  ');
    // A double-click adds it once.
    await user.dblClick(screen.getByRole('button', { name: 'Add addendum' }));

    expect(await screen.findByText('Jordan called.')).toBeInTheDocument();
    expect(api.callsTo('POST', `${notePath}/addenda`).map((call) => call.body)).toEqual([
      { body: 'Jordan called.' },
    ]);
    const [addendum] = api.server.note?.addenda ?? [];
    expect(screen.getByText(`${ownerRef.name} ·`, { exact: false })).toHaveTextContent(
      formatDateTime(addendum.createdAt, practice.timeZone),
    );
    expect(screen.getByText('Addendum added to the note.')).toBeInTheDocument();
    expect(screen.getByLabelText(/new addendum/i)).toHaveValue('');
  });

  it('shows a colleague’s draft read-only, saying who can sign it', async () => {
    const api = noteApi({ note: storedNote({ author: ownerRef }) });
    renderApp({ route: noteRoute, signedInAs: clinician });

    expect(await screen.findByText(/Only the author, Dana Whitfield, can sign this note\./)).toBeInTheDocument();
    expect(screen.getByText('Alex spoke first.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign note' })).not.toBeInTheDocument();
    expect(api.saves()).toHaveLength(0);
  });

  it('says so when the session is not in the case', async () => {
    const api = noteApi();
    renderApp({ route: `/cases/${caseId}/sessions/session-unknown/note`, signedInAs: clinician });

    expect(await screen.findByText("We couldn't find this session")).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(api.saves()).toHaveLength(0);
  });

  it('says so when the API no longer knows the session, rather than offering to start a note', async () => {
    const api = noteApi({ sessionGone: true });
    renderApp({ route: noteRoute, signedInAs: clinician });

    expect(await screen.findByText("We couldn't find this session")).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(api.saves()).toHaveLength(0);
  });

  it('tells an assistant that notes are clinical records, without asking for the note', async () => {
    const api = noteApi({ signedInAs: assistant });
    renderApp({ route: noteRoute, signedInAs: assistant });

    expect(await screen.findByText("Session notes are clinical records; your role can't read them.")).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to sessions' })).toHaveAttribute('href', `/cases/${caseId}/sessions`);
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('GET', `/api/cases/${caseId}/sessions`)).toHaveLength(1));
    expect(api.callsTo('GET', notePath)).toHaveLength(0);
  });
});
