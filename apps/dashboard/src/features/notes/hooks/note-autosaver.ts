import { type SaveNoteRequest, type SessionNote } from '@trustwork/contracts';
import { ApiRequestError, isApiRequestError } from '../../../lib/api-client';
import { session } from '../../../lib/session';
import { flushBeforeSignOut } from '../../../lib/unsaved-work';
import { draftHasText, type NoteDraft } from '../components/note-templates';

/** How long autosave waits. Tests shorten these. */
export const noteAutosaveTiming = {
  /** After the last keystroke. */
  debounceMs: 1_500,
  /** Before each retry of a save lost to the network or a server error; the last one repeats. */
  retryDelaysMs: [2_000, 5_000, 15_000, 30_000],
};

export type SaveState =
  | { kind: 'not-saved' }
  | { kind: 'saving' }
  | { kind: 'saved'; savedAt: string }
  | { kind: 'retrying'; message: string }
  /** Someone else saved (`currentVersion`) or signed the note (`currentVersion` null): autosave stops. */
  | { kind: 'conflict'; currentVersion: number | null }
  /** Refused for a reason a retry will not fix (e.g. a section too long); the next edit tries again. */
  | { kind: 'failed'; messages: string[] };

export interface AutosaveSnapshot {
  /** Null until a template is chosen for a new note. */
  draft: NoteDraft | null;
  state: SaveState;
}

interface NoteAutosaverOptions {
  /** `${userId}:${sessionId}`: one autosaver per note and signed-in therapist. */
  key: string;
  note: SessionNote | null;
  save: (request: SaveNoteRequest) => Promise<SessionNote>;
  onSaved: (note: SessionNote) => void;
  /** A save failed while the note is not on screen (the therapist moved on). */
  onProblemWhileAway: () => void;
}

const draftKey = (draft: NoteDraft) => JSON.stringify([draft.template, draft.sections, draft.aboutParticipantId]);

const draftOf = (note: SessionNote | null): NoteDraft | null =>
  note ? { template: note.template, sections: note.sections, aboutParticipantId: note.aboutParticipantId } : null;

const isRetryable = (error: unknown) =>
  isApiRequestError(error) && (error.status === 0 || error.status === 429 || error.status >= 500);

/**
 * Saves one note's draft in the background: after a pause in typing, when asked to flush,
 * and again with backoff after network or server errors. At most one save is in flight;
 * edits made meanwhile go out next, on the version the last save returned. A 409 stops it
 * until the therapist chooses whose text wins. The text typed is never dropped: an
 * autosaver with unsaved work outlives the page (see the registry below), so leaving and
 * coming back finds it, still saving or waiting for a decision.
 */
export class NoteAutosaver {
  readonly key: string;
  private snapshot: AutosaveSnapshot;
  private version: number;
  private savedKey: string | null;
  private savedAt: string | null;
  private inFlight = false;
  /** A save is due as soon as none is in flight. */
  private due = false;
  private failures = 0;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private waiters: ((saved: boolean) => void)[] = [];
  private readonly listeners = new Set<() => void>();
  private disposed = false;

  constructor(private readonly options: NoteAutosaverOptions) {
    this.key = options.key;
    const { note } = options;
    const draft = draftOf(note);
    this.version = note?.version ?? 0;
    this.savedKey = draft ? draftKey(draft) : null;
    this.savedAt = note?.updatedAt ?? null;
    this.snapshot = { draft, state: { kind: 'not-saved' } };
    this.snapshot.state = this.restingState();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    autosavers.set(this.key, this);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      // Leaving the page: save what is left now rather than after the pause.
      void this.flush();
      this.forgetIfSettled();
    };
  };

  getSnapshot = (): AutosaveSnapshot => this.snapshot;

  /** Typed text not yet stored, or a save still on its way. */
  hasUnsavedWork(): boolean {
    return this.inFlight || this.isDirty();
  }

  /** One section's new text, on top of the latest draft (never a stale copy from a render). */
  editSection(key: string, text: string): void {
    const { draft } = this.snapshot;
    if (draft) this.edit({ ...draft, sections: { ...draft.sections, [key]: text } });
  }

  edit(draft: NoteDraft): void {
    const { kind } = this.snapshot.state;
    const busy = kind === 'conflict' || kind === 'saving' || kind === 'retrying';
    this.snapshot = { draft, state: this.snapshot.state };
    if (!busy) this.snapshot.state = this.restingState();
    this.emit();
    if (kind === 'conflict') return;
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.saveNow(), noteAutosaveTiming.debounceMs);
  }

  /** Saves now; resolves true once everything typed is stored, false if that failed. */
  flush(): Promise<boolean> {
    clearTimeout(this.debounceTimer);
    if (this.snapshot.state.kind === 'conflict') return Promise.resolve(false);
    if (!this.hasUnsavedWork()) return Promise.resolve(true);
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.saveNow();
    });
  }

  /** Overwrites the other version with this text, on the version the 409 named. */
  keepMine(): void {
    const { state } = this.snapshot;
    if (state.kind !== 'conflict' || state.currentVersion === null) return;
    this.version = state.currentVersion;
    this.setState({ kind: 'not-saved' });
    this.saveNow();
  }

  /** Drops this text for the stored note (after a conflict, or to start from a fresh copy). */
  replaceWith(note: SessionNote | null): void {
    this.cancelTimers();
    this.due = false;
    this.failures = 0;
    this.version = note?.version ?? 0;
    const draft = draftOf(note);
    this.savedKey = draft ? draftKey(draft) : null;
    this.savedAt = note?.updatedAt ?? null;
    this.snapshot = { draft, state: { kind: 'not-saved' } };
    this.setState(this.restingState());
    this.settle(true);
    this.forgetIfSettled();
  }

  /**
   * A copy of the note fetched from the API. A newer version than ours was saved elsewhere:
   * with nothing unsaved here, take it; otherwise stop and let the therapist choose.
   */
  observe(note: SessionNote | null): void {
    if (!note || this.inFlight || note.version < this.version) return;
    const signedElsewhere = note.status === 'signed';
    if (note.version === this.version && !signedElsewhere) return;
    if (!this.isDirty()) {
      if (!signedElsewhere) this.replaceWith(note);
      return;
    }
    this.stopForConflict(signedElsewhere ? null : note.version);
  }

  /** Stops for good, unsaved text and all: on signing out. */
  dispose(): void {
    this.disposed = true;
    this.cancelTimers();
    this.settle(false);
    this.forget();
  }

  private saveNow(): void {
    clearTimeout(this.debounceTimer);
    this.due = true;
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (!this.due || this.inFlight || this.disposed || this.snapshot.state.kind === 'conflict') return;
    this.due = false;
    const { draft } = this.snapshot;
    if (!draft || !this.isDirty()) {
      this.setState(this.restingState());
      this.settle(true);
      return;
    }
    clearTimeout(this.retryTimer);
    this.inFlight = true;
    this.setState({ kind: 'saving' });
    const sent = draftKey(draft);
    try {
      const note = await this.options.save({ ...draft, version: this.version });
      this.inFlight = false;
      if (!this.disposed) this.saved(note, sent);
    } catch (error) {
      this.inFlight = false;
      if (!this.disposed) this.failed(error);
    }
  }

  private saved(note: SessionNote, sent: string): void {
    this.failures = 0;
    this.version = note.version;
    this.savedKey = sent;
    this.savedAt = note.updatedAt;
    this.options.onSaved(note);
    this.setState(this.restingState());
    if (!this.isDirty()) {
      this.settle(true);
      this.forgetIfSettled();
    } else if (this.due || this.waiters.length > 0) {
      // Typed while that save was on its way, and the pause (or a flush) has already come.
      this.saveNow();
    }
  }

  private failed(error: unknown): void {
    this.settle(false);
    if (isApiRequestError(error, 409)) {
      const { currentVersion } = error.body;
      this.stopForConflict(typeof currentVersion === 'number' ? currentVersion : null);
    } else if (isRetryable(error)) {
      const delays = noteAutosaveTiming.retryDelaysMs;
      const delay = delays[Math.min(this.failures, delays.length - 1)];
      this.failures += 1;
      this.setState({ kind: 'retrying', message: (error as ApiRequestError).message });
      this.retryTimer = setTimeout(() => this.saveNow(), delay);
      if (this.failures === 1) this.warnIfAway();
    } else {
      this.setState({ kind: 'failed', messages: error instanceof ApiRequestError ? error.messages : [String(error)] });
      this.warnIfAway();
    }
  }

  private stopForConflict(currentVersion: number | null): void {
    this.cancelTimers();
    this.due = false;
    this.setState({ kind: 'conflict', currentVersion });
    this.settle(false);
    this.warnIfAway();
  }

  private isDirty(): boolean {
    const { draft } = this.snapshot;
    if (!draft) return false;
    // A new note exists only once something is written in it.
    return this.savedKey === null ? draftHasText(draft) : draftKey(draft) !== this.savedKey;
  }

  private restingState(): SaveState {
    return !this.isDirty() && this.savedAt ? { kind: 'saved', savedAt: this.savedAt } : { kind: 'not-saved' };
  }

  private setState(state: SaveState): void {
    this.snapshot = { ...this.snapshot, state };
    this.emit();
  }

  private emit(): void {
    this.listeners.forEach((listener) => listener());
  }

  private settle(saved: boolean): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((resolve) => resolve(saved));
  }

  private cancelTimers(): void {
    clearTimeout(this.debounceTimer);
    clearTimeout(this.retryTimer);
  }

  private warnIfAway(): void {
    if (this.listeners.size === 0) this.options.onProblemWhileAway();
  }

  private forgetIfSettled(): void {
    if (this.listeners.size === 0 && !this.hasUnsavedWork()) this.forget();
  }

  private forget(): void {
    if (autosavers.get(this.key) === this) autosavers.delete(this.key);
  }
}

/**
 * The autosavers of notes on screen or still holding unsaved text, by `${userId}:${sessionId}`.
 * Kept in memory only: note text is clinical and never goes to browser storage.
 */
const autosavers = new Map<string, NoteAutosaver>();

/** The autosaver still holding unsaved text for this note, if the therapist left it with some. */
export function unsavedAutosaver(key: string): NoteAutosaver | undefined {
  const found = autosavers.get(key);
  return found?.hasUnsavedWork() ? found : undefined;
}

// Signing out (automatically, after the practice's idle limit, above all) first sends what is typed.
flushBeforeSignOut(() => Promise.all([...autosavers.values()].map((autosaver) => autosaver.flush())));

// Whoever signs in next must not inherit another therapist's unsaved text.
session.subscribe(() => {
  if (session.getState().status !== 'signed-out') return;
  [...autosavers.values()].forEach((autosaver) => autosaver.dispose());
});

// Closing or reloading the tab would lose unsaved text: the browser asks first. The
// in-app router here is not a data router, so react-router's useBlocker is unavailable;
// moving within the app saves in the background instead (see NoteAutosaver).
window.addEventListener('beforeunload', (event) => {
  if ([...autosavers.values()].some((autosaver) => autosaver.hasUnsavedWork())) event.preventDefault();
});
