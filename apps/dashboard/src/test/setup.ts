import '@testing-library/jest-dom/vitest';
import { notifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';
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

afterEach(() => {
  cleanup();
  notifications.clean();
  session.reset();
  window.localStorage.clear();
});
