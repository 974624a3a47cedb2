import { useCallback, useState } from 'react';
import { usePortal } from './portal-context';

/**
 * Half-written answers live in this device's localStorage so a dropped connection, a
 * reload or a closed tab loses nothing. They are removed once sent, and by "Forget this
 * device" (every key shares this prefix). Each link's drafts are its own: two people may
 * share a phone, and a "together" sheet has one id for both of them.
 */
export const DRAFT_PREFIX = 'trustwork.portal.draft.';

export interface Draft<T> {
  values: T;
  /**
   * The Idempotency-Key of a send that failed: retried unchanged, the answers go with the
   * same key so the API stores them once. Any edit drops it, as the answers differ.
   */
  pendingKey?: string;
}

/** A short fingerprint of the link, so drafts are kept apart per person without storing more of the token. */
function linkFingerprint(token: string): string {
  // FNV-1a: not a secret, only a label that differs between links.
  let hash = 0x811c9dc5;
  for (let index = 0; index < token.length; index += 1) {
    hash = Math.imul(hash ^ token.charCodeAt(index), 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function read<T>(key: string): Draft<T> | null {
  try {
    const stored = window.localStorage.getItem(DRAFT_PREFIX + key);
    return stored ? (JSON.parse(stored) as Draft<T>) : null;
  } catch {
    return null;
  }
}

function write<T>(key: string, draft: Draft<T> | null): void {
  try {
    if (draft) window.localStorage.setItem(DRAFT_PREFIX + key, JSON.stringify(draft));
    else window.localStorage.removeItem(DRAFT_PREFIX + key);
  } catch {
    // Storage off or full: the draft lives for this visit only.
  }
}

export function forgetAllDrafts(): void {
  try {
    const keys = Object.keys(window.localStorage).filter((key) => key.startsWith(DRAFT_PREFIX));
    keys.forEach((key) => window.localStorage.removeItem(key));
  } catch {
    /* nothing was stored */
  }
}

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older phones without randomUUID (it needs a secure context): 128 random bits in hex.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

interface DraftOptions {
  /**
   * False keeps the draft in memory only, for what must never be left on a phone another
   * person may pick up (a private message to the therapist).
   */
  persist?: boolean;
}

/** A form's values, saved as they change; `sheet` names the sheet (and date) they answer. */
export function useDraft<T>(sheet: string, initial: T, { persist = true }: DraftOptions = {}) {
  const { token } = usePortal();
  const key = `${linkFingerprint(token)}.${sheet}`;
  const storage = persist ? { read, write } : { read: () => null, write: () => undefined };
  const [blank] = useState(initial);
  const [stored] = useState(() => storage.read<T>(key));
  const [draft, setDraft] = useState<Draft<T>>(() => stored ?? { values: blank });

  const update = useCallback(
    (change: (values: T) => T) => {
      setDraft((current) => {
        const next = { values: change(current.values) };
        storage.write(key, next);
        return next;
      });
    },
    [key, storage],
  );

  /** The key to send with: the failed send's if retrying unchanged, else a new one, kept. */
  const keyForSend = useCallback((): string => {
    const pendingKey = draft.pendingKey ?? newIdempotencyKey();
    const next = { ...draft, pendingKey };
    storage.write(key, next);
    setDraft(next);
    return pendingKey;
  }, [draft, key, storage]);

  const clear = useCallback(() => {
    storage.write(key, null);
    setDraft({ values: blank });
  }, [blank, key, storage]);

  return { values: draft.values, restored: stored !== null, update, keyForSend, clear };
}
