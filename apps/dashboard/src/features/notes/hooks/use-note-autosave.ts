import { useEffect, useState, useSyncExternalStore } from 'react';
import { notifications } from '@mantine/notifications';
import { type SessionNote } from '@trustwork/contracts';
import { saveNote } from '../api/notes-api';
import { NoteAutosaver, unsavedAutosaver } from './note-autosaver';
import { useStoreNote } from './use-notes';

export const autosaverKey = (userId: string, sessionId: string) => `${userId}:${sessionId}`;

interface UseNoteAutosaveOptions {
  userId: string;
  caseId: string;
  sessionId: string;
  /** The note as the API last answered; null for a session without one. */
  note: SessionNote | null;
}

/**
 * The autosaver of one note, with its current draft and save state. Picks up the one the
 * therapist left with unsaved text, if any; else starts from the stored note.
 */
export function useNoteAutosave({ userId, caseId, sessionId, note }: UseNoteAutosaveOptions) {
  const storeNote = useStoreNote(caseId);
  const [autosaver] = useState(
    () =>
      unsavedAutosaver(autosaverKey(userId, sessionId)) ??
      new NoteAutosaver({
        key: autosaverKey(userId, sessionId),
        note,
        save: (draft) => saveNote({ sessionId, draft }),
        onSaved: storeNote,
        onProblemWhileAway: () =>
          notifications.show({
            color: 'orange',
            title: "A session note isn't saved yet",
            message: 'Your latest changes are kept in this tab. Open the note again to save them.',
            autoClose: false,
          }),
      }),
  );
  const snapshot = useSyncExternalStore(autosaver.subscribe, autosaver.getSnapshot);

  // A copy fetched since (another tab saved, or this page was revisited) may be newer.
  useEffect(() => autosaver.observe(note), [autosaver, note]);

  return { autosaver, ...snapshot };
}
