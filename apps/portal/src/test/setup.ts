import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';

// Whole-app renders wait on stubbed requests in turn; a busy machine can take over a second to draw them.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/p/');
  window.localStorage.clear();
});
