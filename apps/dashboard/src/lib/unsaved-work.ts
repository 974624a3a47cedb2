type Flush = () => Promise<unknown>;

const flushers = new Set<Flush>();

/** How long signing out waits for unsaved work: it must not hang on a dead connection. */
const FLUSH_TIMEOUT_MS = 5_000;

/**
 * Registers work to send before the session ends (a note draft autosave has not sent yet),
 * while the person is still signed in. Returns a function that unregisters it.
 */
export function flushBeforeSignOut(flush: Flush): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** Sends whatever is waiting, giving up after a few seconds; never rejects. */
export async function flushUnsavedWork(): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, FLUSH_TIMEOUT_MS);
  });
  await Promise.race([Promise.allSettled([...flushers].map((flush) => flush())), timeout]);
  clearTimeout(timer);
}
