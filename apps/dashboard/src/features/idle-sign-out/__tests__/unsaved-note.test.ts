import { type SaveNoteRequest } from '@trustwork/contracts';
import { flushUnsavedWork } from '../../../lib/unsaved-work';
import { NoteAutosaver } from '../../notes/hooks/note-autosaver';
import { soap, storedNote } from '../../notes/__tests__/note-test-api';

describe('Signing out with a note draft autosave has not sent', () => {
  it('sends it first, without waiting for the pause in typing', async () => {
    const saved: SaveNoteRequest[] = [];
    const autosaver = new NoteAutosaver({
      key: 'user-clinician:session-1',
      note: storedNote(),
      save: async (request) => {
        saved.push(request);
        return storedNote({ ...request, version: request.version + 1 });
      },
      onSaved: () => undefined,
      onProblemWhileAway: () => undefined,
    });
    const stopWatching = autosaver.subscribe(() => undefined);
    autosaver.editSection('subjective', 'Typed just before the sign-out.');

    await flushUnsavedWork();

    expect(saved).toEqual([expect.objectContaining({ sections: soap('Typed just before the sign-out.'), version: 3 })]);
    expect(autosaver.hasUnsavedWork()).toBe(false);
    stopWatching();
  });
});
