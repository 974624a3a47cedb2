import '@testing-library/jest-dom/vitest';
import { notifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';
import { activity } from '../lib/activity';
import { session } from '../lib/session';

// The one waiting policy for every test (with testTimeout in vite.config.ts): whole-app renders
// compile lazy pages and Mantine on first use, which is slow on a busy two-core machine.
configure({ asyncUtilTimeout: 15_000 });

// jsdom lacks the browser APIs Mantine relies on.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList => ({
    media: query,
    matches: false,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = ResizeObserverStub;

// Mantine's autosizing Textarea measures again when web fonts finish loading.
Object.defineProperty(document, 'fonts', { value: new EventTarget() });

window.HTMLElement.prototype.scrollIntoView = () => undefined;

/**
 * Node's own BroadcastChannel reaches every worker thread of the run, so a sign-out in one test
 * file would sign out another running beside it: this one stays within the file, as tabs of one
 * browser would. Delivery is later, as in a browser, and never to the sender.
 */
class BroadcastChannelWithinFile extends EventTarget {
  private static readonly open = new Map<string, Set<BroadcastChannelWithinFile>>();

  constructor(readonly name: string) {
    super();
    const channels = BroadcastChannelWithinFile.open.get(name) ?? new Set();
    BroadcastChannelWithinFile.open.set(name, channels.add(this));
  }

  postMessage(data: unknown): void {
    const others = [...(BroadcastChannelWithinFile.open.get(this.name) ?? [])].filter((channel) => channel !== this);
    queueMicrotask(() => others.forEach((channel) => channel.dispatchEvent(new MessageEvent('message', { data }))));
  }

  close(): void {
    BroadcastChannelWithinFile.open.get(this.name)?.delete(this);
  }
}
Object.defineProperty(globalThis, 'BroadcastChannel', { value: BroadcastChannelWithinFile, writable: true, configurable: true });

afterEach(() => {
  cleanup();
  notifications.clean();
  session.reset();
  activity.reset();
  window.localStorage.clear();
});
