import { vi } from 'vitest';
import { type CaseDetail, type CaseSummary, type CurrentUser, type Page } from '@trustwork/contracts';
import { practice } from '../../../test/fixtures';
import { mockApi, type MockResponse, type RecordedCall } from '../../../test/mock-api';

export const assistant: CurrentUser = {
  id: 'user-assistant',
  name: 'Priya Natarajan',
  email: 'priya@harbour.test',
  role: 'assistant',
  practice,
};

export function caseSummary(id: string, names: [string, string], overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id,
    relationshipType: 'couple',
    status: 'active',
    phase: 1,
    participants: [
      { id: `${id}-p1`, displayName: names[0], breachRole: 'broke-trust' },
      { id: `${id}-p2`, displayName: names[1], breachRole: 'was-hurt' },
    ],
    clinicians: [{ id: 'user-clinician', name: 'Sam Rivera' }],
    nextSession: null,
    lastSession: null,
    openAlertCount: 0,
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

export function page(items: CaseSummary[], nextCursor: string | null = null): { body: Page<CaseSummary> } {
  return { body: { items, nextCursor } };
}

export function caseDetail(summary: CaseSummary): CaseDetail {
  return {
    ...summary,
    participants: summary.participants.map((participant) => ({ ...participant, email: null, phone: null, pronouns: null })),
    presentingConcern: null,
    phaseHistory: [],
    createdAt: summary.updatedAt,
  };
}

/**
 * The query string a recorded call was sent with. mockApi records paths only, so this reads
 * the URL from the fetch stub itself, which saw the calls in the same order.
 */
export function queryOf(calls: RecordedCall[], call: RecordedCall): URLSearchParams {
  const [input] = vi.mocked(fetch).mock.calls[calls.indexOf(call)] ?? [];
  return new URL(String(input), 'http://localhost').searchParams;
}

type Routes = Parameters<typeof mockApi>[0];

/**
 * Stubs the API with GET /api/cases answered from its query string (plus any other routes),
 * and lists the query of every caseload request sent.
 */
export function mockCaseload(respond: (query: URLSearchParams) => MockResponse, routes: Routes = {}) {
  const api = mockApi({ 'GET /api/cases': (call) => respond(queryOf(api.calls, call)), ...routes });
  const caseloadQueries = () => api.callsTo('GET', '/api/cases').map((call) => queryOf(api.calls, call));
  return { ...api, caseloadQueries };
}
