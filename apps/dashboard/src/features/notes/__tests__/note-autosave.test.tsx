import { screen, waitFor, within } from '@testing-library/react';
import { type SaveNoteRequest } from '@trustwork/contracts';
import { formatDateTime, formatTime } from '../../../lib/practice-time';
import { clinician, practice } from '../../../test/fixtures';
import { type MockResponse } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { noteAutosaveTiming } from '../hooks/note-autosaver';
import { noteApi, noteRoute, soap, storedNote, therapySession } from './note-test-api';

const defaultTiming = { ...noteAutosaveTiming };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  // Real timers, short waits: the behaviour under test is the order of saves, not the clock.
  noteAutosaveTiming.debounceMs = 80;
  noteAutosaveTiming.retryDelaysMs = [60];
});
afterEach(() => Object.assign(noteAutosaveTiming, defaultTiming));

const sent = (api: ReturnType<typeof noteApi>) =>
  api.saves().map((call) => ({ ...(call.body as SaveNoteRequest), ifMatch: call.headers['if-match'] }));

describe('Writing a session note', () => {
  it('starts a new note from a template and autosaves it on the version each save returns', async () => {
    const api = noteApi({ beforeSave: () => pause(60).then(() => undefined) });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 1, name: 'Session note' })).toBeInTheDocument();
    const when = `${formatDateTime(therapySession.startsAt, practice.timeZone)}–${formatTime('2026-04-02T15:50:00.000Z', practice.timeZone)}`;
    expect(await screen.findByText(`Alex Moreno & Jordan Lee · ${when} · In person · Completed`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /back to sessions/i })).toHaveAttribute('href', '/cases/case-1/sessions');

    await user.click(await screen.findByRole('radio', { name: /^SOAP/ }));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Not saved yet');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByLabelText('Subjective')).toHaveAccessibleDescription(
      'What each person reported, in their words where it matters.',
    );

    await user.type(screen.getByLabelText('Subjective'), 'Hurt named.');
    expect(await screen.findByText('Saving…')).toBeInTheDocument();
    await waitFor(() => expect(status).toHaveTextContent(/^Saved at \d/));
    expect(sent(api)).toEqual([
      {
        template: 'soap',
        sections: { subjective: 'Hurt named.', objective: '', assessment: '', plan: '' },
        aboutParticipantId: null,
        version: 0,
        ifMatch: '"0"',
      },
    ]);

    await user.type(screen.getByLabelText('Plan'), 'Daily.');
    await waitFor(() => expect(api.saves()).toHaveLength(2));
    await waitFor(() => expect(status).toHaveTextContent(/^Saved at/));
    expect(sent(api)[1]).toMatchObject({ version: 1, ifMatch: '"1"', sections: { plan: 'Daily.' } });
  });

  it('never has two saves in flight: text typed meanwhile goes out next, on the new version', async () => {
    let inFlight = 0;
    let mostAtOnce = 0;
    let answerFirstSave = () => {};
    const firstSaveHeld = new Promise<void>((resolve) => (answerFirstSave = resolve));
    const api = noteApi({
      note: storedNote(),
      beforeSave: async () => {
        inFlight += 1;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        if (api.saves().length === 1) await firstSaveHeld;
        inFlight -= 1;
        return undefined;
      },
    });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });

    const subjective = await screen.findByLabelText('Subjective');
    await user.type(subjective, ' More.');
    await waitFor(() => expect(api.saves()).toHaveLength(1));
    await user.type(subjective, ' Even more.');
    await pause(250);
    expect(api.saves()).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Saving…');

    answerFirstSave();
    await waitFor(() => expect(api.saves()).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Saved at/));
    expect(mostAtOnce).toBe(1);
    expect(sent(api).map(({ version, sections }) => [version, sections.subjective])).toEqual([
      [3, 'Alex spoke first. More.'],
      [4, 'Alex spoke first. More. Even more.'],
    ]);
  });

  it('keeps the text and retries when the connection drops', async () => {
    let failuresLeft = 2;
    const api = noteApi({
      note: storedNote(),
      beforeSave: (): MockResponse | undefined => {
        if (failuresLeft === 0) return undefined;
        failuresLeft -= 1;
        return { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'Down for a moment.' } };
      },
    });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });

    await user.type(await screen.findByLabelText('Plan'), ' Book a double session.');
    expect(await screen.findByText("Couldn't save — retrying")).toBeInTheDocument();
    expect(screen.getByLabelText('Plan')).toHaveValue('Weekly check-ins. Book a double session.');

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Saved at/));
    expect(api.saves()).toHaveLength(3);
    expect(api.server.note?.sections.plan).toBe('Weekly check-ins. Book a double session.');
  });

  it('saves at once when the therapist leaves the page', async () => {
    noteAutosaveTiming.debounceMs = 60_000;
    const api = noteApi({ note: storedNote() });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });

    await user.type(await screen.findByLabelText('Assessment'), ' Hopeful.');
    expect(api.saves()).toHaveLength(0);
    await user.click(screen.getByRole('link', { name: /back to sessions/i }));

    await waitFor(() => expect(api.saves()).toHaveLength(1));
    expect(sent(api)[0].sections.assessment).toBe('Repair under way. Hopeful.');
  });

  it('asks the browser to warn before closing the tab while text is unsaved', async () => {
    noteAutosaveTiming.debounceMs = 60_000;
    noteApi({ note: storedNote() });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });
    const closing = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };

    await screen.findByLabelText('Plan');
    expect(closing()).toBe(false);
    await user.type(screen.getByLabelText('Plan'), ' Unsaved.');
    expect(closing()).toBe(true);
  });

  it('stops on a conflict, and "Keep mine" saves over the other version', async () => {
    const api = noteApi({ note: storedNote() });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });
    const subjective = await screen.findByLabelText('Subjective');
    // Meanwhile another tab saved version 4.
    api.server.note = storedNote({ version: 4, sections: soap('Their text.') });

    await user.type(subjective, ' Mine.');
    expect(await screen.findByRole('alert', { name: /this note was changed elsewhere/i })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Autosave paused');
    expect(screen.getByRole('button', { name: 'Sign note' })).toBeDisabled();

    // Autosave stays off while the therapist decides; the text is kept.
    await user.type(subjective, ' Still mine.');
    await pause(250);
    expect(api.saves()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Saved at/));
    expect(screen.queryByRole('alert', { name: /changed elsewhere/i })).not.toBeInTheDocument();
    expect(sent(api)[1]).toMatchObject({ version: 4, ifMatch: '"4"', sections: { subjective: 'Alex spoke first. Mine. Still mine.' } });
    expect(api.server.note?.version).toBe(5);
  });

  it('"Load their version" replaces this text with the stored one, after confirmation', async () => {
    const api = noteApi({ note: storedNote() });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });
    const subjective = await screen.findByLabelText('Subjective');
    api.server.note = storedNote({ version: 4, sections: soap('Their text.') });

    await user.type(subjective, ' Mine.');
    await user.click(await screen.findByRole('button', { name: 'Load their version' }));
    const dialog = screen.getByRole('dialog', { name: 'Discard your changes?' });
    await user.click(within(dialog).getByRole('button', { name: /discard mine/i }));

    await waitFor(() => expect(screen.getByLabelText('Subjective')).toHaveValue('Their text.'));
    expect(screen.getByRole('status')).toHaveTextContent(/^Saved/);
    expect(screen.queryByRole('alert', { name: /changed elsewhere/i })).not.toBeInTheDocument();
    // Autosave resumes on their version.
    await user.type(screen.getByLabelText('Subjective'), ' Agreed.');
    await waitFor(() => expect(api.saves()).toHaveLength(2));
    expect(sent(api)[1]).toMatchObject({ version: 4, sections: { subjective: 'Their text. Agreed.' } });
  });

  it('asks before switching the template of a draft with text, and carries the text over', async () => {
    const api = noteApi({ note: storedNote() });
    const { user } = renderApp({ route: noteRoute, signedInAs: clinician });

    await screen.findByLabelText('Subjective');
    await user.click(screen.getByRole('radio', { name: 'DAP' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch to DAP?' });
    expect(dialog).toHaveTextContent('Assessment, Plan keep their text.');
    expect(dialog).toHaveTextContent('Text under Subjective, Objective moves to the top of Data');
    await user.click(within(dialog).getByRole('button', { name: 'Switch template' }));

    expect(screen.queryByLabelText('Subjective')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Data')).toHaveValue('Subjective:\nAlex spoke first.\n\nObjective:\nCalm, engaged.');
    expect(screen.getByLabelText('Plan')).toHaveValue('Weekly check-ins.');
    await waitFor(() => expect(api.saves()).toHaveLength(1));
    expect(sent(api)[0]).toMatchObject({ template: 'dap', version: 3 });
  });
});
