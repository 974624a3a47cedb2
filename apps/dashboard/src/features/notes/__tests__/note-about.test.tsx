import { screen, waitFor, within } from '@testing-library/react';
import { type SaveNoteRequest } from '@trustwork/contracts';
import { clinician } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { NO_SECRETS } from '../../agreements/__tests__/case-agreements-fixtures';
import { noteAutosaveTiming } from '../hooks/note-autosaver';
import { noteApi, noteRoute, storedNote, therapyCase } from './note-test-api';

const [alex, jordan] = therapyCase.participants;
const defaultTiming = { ...noteAutosaveTiming };
beforeEach(() => {
  noteAutosaveTiming.debounceMs = 50;
});
afterEach(() => Object.assign(noteAutosaveTiming, defaultTiming));

const lastSaved = (api: ReturnType<typeof noteApi>) => api.saves().at(-1)?.body as SaveNoteRequest | undefined;

describe('Whom a session note is about', () => {
  it('starts a joint note for a session with both people, and sends the choice of one person', async () => {
    const api = noteApi();
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });

    await user.click(await screen.findByRole('radio', { name: /^Free text/ }));
    const about = screen.getByRole('radiogroup', { name: 'Who is this note about?' });
    expect(within(about).getByRole('radio', { name: 'Joint (both)' })).toBeChecked();
    expect(about).toHaveAccessibleDescription(/stays out of the other person's records request/);

    await user.type(screen.getByLabelText('Note'), 'Talked about the week.');
    await waitFor(() => expect(lastSaved(api)).toMatchObject({ aboutParticipantId: null, sections: { body: 'Talked about the week.' } }));

    await user.click(within(about).getByRole('radio', { name: `About ${alex.displayName} only` }));
    await waitFor(() => expect(lastSaved(api)).toMatchObject({ aboutParticipantId: alex.id, version: 1 }));
    expect(api.server.note?.aboutParticipantId).toBe(alex.id);

    await user.click(within(about).getByRole('radio', { name: 'Joint (both)' }));
    await waitFor(() => expect(lastSaved(api)).toMatchObject({ aboutParticipantId: null, version: 2 }));
  });

  it('makes a new note about the one person who attended an individual session', async () => {
    const api = noteApi({ attendeeIds: [jordan.id] });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });

    await user.click(await screen.findByRole('radio', { name: /^Free text/ }));
    expect(screen.getByRole('radio', { name: `About ${jordan.displayName} only` })).toBeChecked();
    await user.type(screen.getByLabelText('Note'), 'Jordan on their own.');
    await waitFor(() => expect(lastSaved(api)).toMatchObject({ aboutParticipantId: jordan.id, version: 0 }));
  });

  it('keeps a saved draft’s choice when it is opened again', async () => {
    noteApi({ note: storedNote({ aboutParticipantId: jordan.id }) });
    renderApp({ route: noteRoute, signedInAs: clinician });
    expect(await screen.findByRole('radio', { name: `About ${jordan.displayName} only` })).toBeChecked();
  });

  it('marks a signed confidential note, and no longer offers the choice', async () => {
    noteApi({
      note: storedNote({ status: 'signed', aboutParticipantId: alex.id, signedAt: '2026-04-02T17:30:00.000Z', signedBy: { id: clinician.id, name: clinician.name } }),
    });
    renderApp({ route: noteRoute, signedInAs: clinician });

    const note = await screen.findByRole('region', { name: 'SOAP note' });
    expect(within(note).getByText(`Confidential: about ${alex.displayName} only`)).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup', { name: 'Who is this note about?' })).not.toBeInTheDocument();
  });

  it('shows no marker on a signed joint note', async () => {
    noteApi({ note: storedNote({ status: 'signed', signedAt: '2026-04-02T17:30:00.000Z', signedBy: { id: clinician.id, name: clinician.name } }) });
    renderApp({ route: noteRoute, signedInAs: clinician });

    expect(await screen.findByRole('region', { name: 'SOAP note' })).toBeInTheDocument();
    expect(screen.queryByText(/^Confidential:/)).not.toBeInTheDocument();
  });
});

describe("The case's policy beside a note about one person", () => {
  const policyLine = () => screen.queryByText(/^This case works under the /);

  it('shows the policy only while the note is about one person', async () => {
    noteApi({ policy: NO_SECRETS });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });

    await user.click(await screen.findByRole('radio', { name: /^Free text/ }));
    expect(policyLine()).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: `About ${alex.displayName} only` }));
    expect(policyLine()).toHaveTextContent(`This case works under the ${NO_SECRETS.name}: ${NO_SECRETS.summary}`);

    await user.click(screen.getByRole('radio', { name: 'Joint (both)' }));
    expect(policyLine()).not.toBeInTheDocument();
  });

  it('warns when the case has no policy yet, with the way to choose one', async () => {
    noteApi({ note: storedNote({ aboutParticipantId: jordan.id }) });
    renderApp({ route: noteRoute, signedInAs: clinician });

    const warning = await screen.findByText(/^This case has no confidentiality policy yet/);
    expect(within(warning).getByRole('link', { name: 'Choose a policy' })).toHaveAttribute('href', '/cases/case-1/agreements');
  });
});
