import { type AgreementDetail, type AgreementSummary } from '@trustwork/contracts';
import { owner } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';

function builtIn(key: string, overrides: Partial<AgreementSummary> & Pick<AgreementSummary, 'kind' | 'title'>): AgreementSummary {
  return { id: `builtin:${key}`, source: 'built-in', policyKind: null, version: 1, archived: false, ...overrides };
}

export const informedConsent = builtIn('informed-consent', { kind: 'informed-consent', title: 'Informed consent for couples therapy' });
export const noSecrets = builtIn('no-secrets', { kind: 'confidentiality', policyKind: 'no-secrets', title: 'No-secrets policy' });
export const limitedSecrets = builtIn('limited-secrets', { kind: 'confidentiality', policyKind: 'limited-secrets', title: 'Limited-secrets policy' });
export const keptPrivate = builtIn('kept-private', { kind: 'confidentiality', policyKind: 'kept-private', title: 'Kept-private policy' });
export const telehealth = builtIn('telehealth', { kind: 'telehealth', title: 'Consent to telehealth' });

export const PRACTICE_POLICY_ID = '5b0e7d1a-8c1f-4f2e-9d3a-2a7f1c9e4b21';
export const practicePolicy: AgreementSummary = {
  id: PRACTICE_POLICY_ID,
  source: 'practice',
  kind: 'confidentiality',
  policyKind: 'practice',
  title: 'Harbour confidentiality policy',
  version: 3,
  archived: false,
};

/** Everything the practice's library lists, in the API's order (not the page's). */
export const LIBRARY: AgreementSummary[] = [practicePolicy, telehealth, keptPrivate, informedConsent, limitedSecrets, noSecrets];

export function agreementDetail(summary: AgreementSummary, overrides: Partial<AgreementDetail> = {}): AgreementDetail {
  const practice = summary.source === 'practice';
  return {
    ...summary,
    currentVersion: summary.version,
    body: `# About this agreement\nThis agreement is between {{people}} and {{practice}}.\n\nYour therapists are {{clinicians}}.`,
    versions: Array.from({ length: summary.version }, (_, index) => ({
      version: summary.version - index,
      createdAt: practice ? `2026-0${summary.version - index}-02T09:30:00.000Z` : null,
      createdBy: practice ? { id: owner.id, name: owner.name } : null,
    })),
    ...overrides,
  };
}

type Routes = Parameters<typeof mockApi>[0];

/** `GET /api/agreements` answering with `list` (only the kind asked for, when one is), and each one's detail. */
export function agreementRoutes(list: AgreementSummary[] = LIBRARY): Routes {
  return {
    'GET /api/agreements': ({ query }) => ({ body: list.filter((agreement) => !query.get('kind') || agreement.kind === query.get('kind')) }),
    ...Object.fromEntries(list.map((agreement) => [`GET /api/agreements/${encodeURIComponent(agreement.id)}`, { body: agreementDetail(agreement) }])),
  };
}

export const agreementsApi = (list: AgreementSummary[] = LIBRARY, routes: Routes = {}) =>
  mockApi({ ...agreementRoutes(list), ...routes });
