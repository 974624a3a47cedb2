import { type Page } from '@trustwork/contracts';
import { vi } from 'vitest';

export interface MockResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedCall {
  method: string;
  path: string;
  /** The query string the call was sent with. */
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

type Handler = (call: RecordedCall) => MockResponse | Promise<MockResponse>;

/**
 * Stubs fetch with a table of "METHOD /path" handlers and records every call.
 * Unmatched calls answer 501 so a test fails loudly rather than hanging.
 */
export function mockApi(routes: Record<string, Handler | MockResponse>) {
  const calls: RecordedCall[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const call: RecordedCall = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
    };
    calls.push(call);

    const route = routes[`${method} ${url.pathname}`];
    const answer: MockResponse = !route
      ? { status: 501, body: { statusCode: 501, error: 'Not Implemented', message: `No mock for ${method} ${url.pathname}` } }
      : typeof route === 'function'
        ? await route(call)
        : route;

    const status = answer.status ?? 200;
    const hasBody = answer.body !== undefined && status !== 204;
    return new Response(hasBody ? JSON.stringify(answer.body) : null, {
      status,
      headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...answer.headers },
    });
  });

  vi.stubGlobal('fetch', fetchMock);

  const callsTo = (method: string, path: string) => calls.filter((call) => call.method === method && call.path === path);
  return {
    calls,
    callsTo,
    /** The query strings sent to one endpoint, in order. */
    queriesTo: (method: string, path: string) => callsTo(method, path).map((call) => call.query),
  };
}

/** A response with one page of a paginated list; a cursor means there is more. */
export function page<T>(items: T[], nextCursor: string | null = null): { body: Page<T> } {
  return { body: { items, nextCursor } };
}
