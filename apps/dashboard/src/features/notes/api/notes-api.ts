import { type AddAddendumRequest, type SaveNoteRequest, type SessionNote } from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';

export const noteKeys = {
  all: ['notes'] as const,
  ofSession: (sessionId: string) => [...noteKeys.all, sessionId] as const,
};

const notePath = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}/note`;

/** The session's note, or null while it has none; 404 means the session itself is unknown. */
export function fetchNote(sessionId: string, signal?: AbortSignal): Promise<SessionNote | null> {
  return apiClient.get<SessionNote | null>(notePath(sessionId), { signal });
}

export interface NoteDraft {
  sessionId: string;
  draft: SaveNoteRequest;
}

/** Saves a draft on top of `draft.version`; a stale version throws a 409 carrying `currentVersion` in its body. */
export function saveNote({ sessionId, draft }: NoteDraft): Promise<SessionNote> {
  return apiClient.put<SessionNote>(notePath(sessionId), draft, { headers: { 'If-Match': `"${draft.version}"` } });
}

export function signNote(sessionId: string): Promise<SessionNote> {
  return apiClient.post<SessionNote>(`${notePath(sessionId)}/sign`);
}

export interface NewAddendum {
  sessionId: string;
  addendum: AddAddendumRequest;
}

export function addAddendum({ sessionId, addendum }: NewAddendum): Promise<SessionNote> {
  return apiClient.post<SessionNote>(`${notePath(sessionId)}/addenda`, addendum);
}
