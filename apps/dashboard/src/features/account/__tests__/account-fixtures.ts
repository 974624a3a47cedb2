import { type ApiError, type CurrentUser, type SignInSession, type TwoFactorStatus } from '@trustwork/contracts';
import { vi } from 'vitest';
import { type MockResponse, type RecordedCall } from '../../../test/mock-api';

export const STEP_UP_REFUSAL = {
  status: 403,
  body: {
    statusCode: 403,
    error: 'Forbidden',
    message: 'For your security, confirm it is you before doing this.',
    code: 'step-up-required',
  } satisfies ApiError,
};

export function refusal(status: number, message: string | string[]) {
  return { status, body: { statusCode: status, error: 'Refused', message } satisfies ApiError };
}

export const twoFactorOff: TwoFactorStatus = { enabled: false, recoveryCodesLeft: 0, requiredByPractice: false };
export const twoFactorOn: TwoFactorStatus = { enabled: true, recoveryCodesLeft: 10, requiredByPractice: false };

export const RECOVERY_CODES = Array.from({ length: 10 }, (_, index) => `code-${String(index).padStart(2, '0')}-xyz`);

export const thisLaptop: SignInSession = {
  id: 'session-here',
  browser: 'Firefox on Windows',
  ipAddress: '203.0.113.7',
  signedInAt: '2026-07-15T08:00:00.000Z',
  lastActiveAt: '2026-07-15T09:30:00.000Z',
  current: true,
};

export const phone: SignInSession = {
  id: 'session-phone',
  browser: 'Safari on iOS',
  ipAddress: '198.51.100.20',
  signedInAt: '2026-07-14T18:00:00.000Z',
  lastActiveAt: '2026-07-14T18:45:00.000Z',
  current: false,
};

export const oldDesktop: SignInSession = {
  id: 'session-desktop',
  browser: 'Chrome on macOS',
  ipAddress: null,
  signedInAt: '2026-07-10T08:00:00.000Z',
  lastActiveAt: '2026-07-12T16:10:00.000Z',
  current: false,
};

/** What "Your settings" reads when it opens, for a person as given; a test overrides what it is about. */
export function settingsRoutes(user: CurrentUser, routes: Record<string, MockResponse | ((call: RecordedCall) => MockResponse)> = {}) {
  return {
    'GET /api/me': { body: user },
    'GET /api/me/two-factor': { body: user.twoFactorEnabled ? twoFactorOn : twoFactorOff },
    'GET /api/me/sessions': { body: [thisLaptop] },
    'GET /api/me/calendar-feed': { body: { active: false, includeVideoLinks: false, createdAt: null } },
    ...routes,
  };
}

/** The files the browser was asked to save, with their contents; jsdom has neither object URLs nor downloads. */
export function catchDownloads() {
  const downloads: { name: string; contents: Promise<string> }[] = [];
  const blobs = new Map<string, Blob>();
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      const url = `blob:${blobs.size}`;
      blobs.set(url, blob);
      return url;
    }),
    revokeObjectURL: vi.fn(),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, contents: blobs.get(this.href)?.text() ?? Promise.resolve('') });
  });
  return downloads;
}
