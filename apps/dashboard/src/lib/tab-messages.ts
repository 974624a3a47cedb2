/**
 * What one tab of this browser tells the others. Never a secret: without BroadcastChannel the
 * message passes through localStorage, which any script on the page can read.
 */
export type TabMessage =
  | { type: 'signed-out'; reason: 'signed-out' }
  | { type: 'signed-out'; reason: 'idle'; idleMinutes: number }
  /** The person did something in that tab at `at` (ms since the epoch). */
  | { type: 'active'; at: number };

const CHANNEL_NAME = 'trustwork.tabs';
const STORAGE_KEY = 'trustwork.tabs';

let channel: BroadcastChannel | null | undefined;

function openChannel(): BroadcastChannel | null {
  channel ??= typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
  return channel;
}

function isTabMessage(value: unknown): value is TabMessage {
  return typeof value === 'object' && value !== null && 'type' in value && (value.type === 'signed-out' || value.type === 'active');
}

export function tellOtherTabs(message: TabMessage): void {
  const open = openChannel();
  if (open) {
    open.postMessage(message);
    return;
  }
  try {
    // Other tabs hear a storage event only when the value changes: the nonce sees to that.
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...message, nonce: Math.random() }));
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage is off: the other tabs find out at their next request instead.
  }
}

/** Calls `listener` with each message from another tab; returns a function that stops listening. */
export function hearOtherTabs(listener: (message: TabMessage) => void): () => void {
  const open = openChannel();
  if (open) {
    const onMessage = (event: MessageEvent<unknown>) => {
      if (isTabMessage(event.data)) listener(event.data);
    };
    open.addEventListener('message', onMessage);
    return () => open.removeEventListener('message', onMessage);
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY || !event.newValue) return;
    try {
      const message: unknown = JSON.parse(event.newValue);
      if (isTabMessage(message)) listener(message);
    } catch {
      // Not ours.
    }
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
