import {
  ELECTRONIC_SIGNATURE_STATEMENT,
  type PortalAgreementDocument,
  type PortalAssignment,
  type PortalSession,
  type PortalWelcome,
} from '@trustwork/contracts';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../App';

export const TOKEN = 'tok_test-link';

/** A moment `hours` from now, as the API writes times. */
export const inHours = (hours: number) => new Date(Date.now() + hours * 60 * 60 * 1000).toISOString();

/** A joint, in-person appointment with nothing answered yet, starting `hours` from now. */
export const appointmentIn = (hours: number): PortalSession => ({
  id: 's-1',
  startsAt: inHours(hours),
  durationMinutes: 50,
  kind: 'joint',
  modality: 'in-person',
  address: '12 Harbour Street, Leeds',
  videoUrl: null,
  videoLinkFrom: null,
  status: 'scheduled',
  response: null,
  cancellingIsLate: false,
  therapistName: 'Dr Mira Okafor',
});

/** A homework sheet with nothing but its dates, for what is due. */
export const sheet = (id: string, occurrences: PortalAssignment['occurrences']): PortalAssignment => ({
  id,
  title: id,
  instructions: '',
  note: null,
  prompts: [],
  together: false,
  dueOn: null,
  recurrence: null,
  occurrences,
});

export const welcome: PortalWelcome = {
  participant: { firstName: 'Alex' },
  otherParticipant: { firstName: 'Sam', pronouns: 'she/her' },
  therapist: { name: 'Dr Mira Okafor' },
  practice: { name: 'Harbour Counselling' },
  privateReaders: { therapists: [{ name: 'Dr Mira Okafor' }], practiceOwners: [{ name: 'Olive Owner' }] },
  expiresAt: '2027-03-01T12:00:00.000Z',
  reminders: { email: true, homework: true, sessions: true },
  confidentialityPolicy: null,
  agreementsToSign: 0,
};

/** The informed consent as the portal API renders it for Alex, not yet signed. */
export const consent: PortalAgreementDocument = {
  agreementId: 'builtin:informed-consent',
  kind: 'informed-consent',
  title: 'Informed consent for relational therapy',
  version: 2,
  appliesToBoth: true,
  state: 'to-sign',
  signedAt: null,
  text: '# How we work\nSessions are for both of you.\nEach of you is heard.\n\n# Ending\nEither of you may stop at any time.',
  documentHash: 'a'.repeat(64),
  statement: ELECTRONIC_SIGNATURE_STATEMENT,
};

/** The stub route of the consent's own address ("GET agreements/builtin%3Ainformed-consent"). */
export const CONSENT_PATH = 'agreements/builtin%3Ainformed-consent';

/**
 * Stands in for IntersectionObserver, which jsdom lacks: nothing is on screen until
 * `reachEnd()` brings every observed element into view.
 */
export function stubIntersectionObserver() {
  const observers = new Set<{ callback: IntersectionObserverCallback; elements: Element[]; observer: IntersectionObserver }>();
  class OnScreenObserver {
    private readonly entry: { callback: IntersectionObserverCallback; elements: Element[]; observer: IntersectionObserver };
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, elements: [], observer: this as unknown as IntersectionObserver };
      observers.add(this.entry);
    }
    observe(element: Element) {
      this.entry.elements.push(element);
    }
    unobserve() {}
    disconnect() {
      observers.delete(this.entry);
    }
    takeRecords() {
      return [];
    }
  }
  vi.stubGlobal('IntersectionObserver', OnScreenObserver);
  const watching = () => [...observers].filter(({ elements }) => elements.some((element) => element.isConnected));
  return {
    /** Waits for the screen to start watching (its effect may run after it is drawn), then shows the end. */
    reachEnd: async () => {
      await waitFor(() => expect(watching()).not.toHaveLength(0));
      act(() => {
        for (const { callback, elements, observer } of watching()) {
          callback(elements.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), observer);
        }
      });
    },
  };
}

export function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export const offline = () => Promise.reject(new TypeError('Failed to fetch'));

type Answer = (init: RequestInit) => Response | Promise<Response>;

/** What every screen may ask for: the welcome, and home's homework summary (none by default). */
const DEFAULT_ROUTES: Record<string, Answer[]> = { 'GET me': [() => json(welcome)], 'GET assignments': [() => json([])] };

/**
 * Stubs fetch by "METHOD path" under /api/portal/ (e.g. "POST check-ins"). A list of
 * answers is used in order, the last one repeating; anything unlisted answers 501.
 */
export function stubApi(routes: Record<string, Answer | Answer[]>) {
  const queues = Object.fromEntries(Object.entries(routes).map(([route, answer]) => [route, [answer].flat()]));
  const fetchSpy = vi.fn(async (url: string, init: RequestInit = {}) => {
    const route = `${init.method ?? 'GET'} ${url.replace('/api/portal/', '')}`;
    const queue = queues[route] ?? DEFAULT_ROUTES[route];
    if (!queue) return json({ statusCode: 501, message: `No stub for ${route}` }, 501);
    const answer = queue.length > 1 ? queue.shift()! : queue[0];
    return answer(init);
  });
  vi.stubGlobal('fetch', fetchSpy);
  return fetchSpy;
}

/** The requests sent to one route: their parsed bodies and headers. */
export function sent(fetchSpy: ReturnType<typeof stubApi>, route: string) {
  return fetchSpy.mock.calls
    .filter(([url, init]) => `${init?.method ?? 'GET'} ${url.replace('/api/portal/', '')}` === route)
    .map(([, init]) => ({
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      headers: new Headers(init?.headers),
    }));
}

/** Opens the portal with a remembered link and goes to one part of it from the home screen. */
export async function openPortalAt(buttonName?: string | RegExp) {
  const view = render(<App initialToken={TOKEN} />);
  await screen.findByRole('heading', { level: 1, name: 'Hi Alex' });
  if (buttonName) fireEvent.click(screen.getByRole('button', { name: buttonName }));
  return view;
}
