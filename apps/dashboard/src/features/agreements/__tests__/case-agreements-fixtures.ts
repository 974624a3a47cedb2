import {
  type AgreementSignerStatus,
  type AgreementSummary,
  type CaseAgreement,
  type CaseAgreements,
  type ChangeConfidentialityPolicyRequest,
  type ConfidentialityPolicy,
  type SetCaseAgreementsRequest,
  type SignatureRecord,
} from '@trustwork/contracts';
import { clinician } from '../../../test/fixtures';
import { type MockResponse, type RecordedCall } from '../../../test/mock-api';

export const NO_SECRETS: ConfidentialityPolicy = {
  agreementId: 'builtin:no-secrets',
  kind: 'no-secrets',
  name: 'No-secrets policy',
  summary: 'Anything one person tells the therapist alone may be brought into a joint session.',
};

export const LIMITED_SECRETS: ConfidentialityPolicy = {
  agreementId: 'builtin:limited-secrets',
  kind: 'limited-secrets',
  name: 'Limited-secrets policy',
  summary: 'The therapist decides whether something told alone needs to come into joint work.',
};

const POLICIES = [NO_SECRETS, LIMITED_SECRETS];

function summary(id: string, kind: AgreementSummary['kind'], title: string, policyKind: AgreementSummary['policyKind'] = null): AgreementSummary {
  return { id, source: id.startsWith('builtin:') ? 'built-in' : 'practice', kind, policyKind, title, version: 1, archived: false };
}

/** The practice's library: two policies, and three agreements besides them. */
export const LIBRARY: AgreementSummary[] = [
  ...POLICIES.map((policy) => summary(policy.agreementId, 'confidentiality', policy.name, policy.kind)),
  summary('builtin:informed-consent', 'informed-consent', 'Informed consent for relational therapy'),
  summary('builtin:telehealth', 'telehealth', 'Telehealth consent'),
  summary('practice-fees', 'other', 'Fees and cancellations'),
];

/** An agreement of the case, with one status per person in the case's order. */
export function caseAgreement(
  agreementId: string,
  signers: AgreementSignerStatus[],
  overrides: Partial<CaseAgreement> = {},
): CaseAgreement {
  const inLibrary = LIBRARY.find((agreement) => agreement.id === agreementId);
  return {
    agreementId,
    kind: inLibrary?.kind ?? 'other',
    title: inLibrary?.title ?? agreementId,
    version: 1,
    fromPolicy: inLibrary?.kind === 'confidentiality',
    signers,
    ...overrides,
  };
}

export function signature(id: string, typedName: string, signedAt: string, version = 1): SignatureRecord {
  return { id, version, typedName, signedAt, documentHash: 'ab'.repeat(32), ipAddress: '203.0.113.7', userAgent: 'Safari' };
}

export function signer(
  person: { id: string; displayName: string },
  state: AgreementSignerStatus['state'],
  signed: SignatureRecord | null = null,
): AgreementSignerStatus {
  return { participantId: person.id, displayName: person.displayName, state, signature: signed };
}

/** Nothing to sign and nothing missing: what the case page gets unless a test says otherwise. */
export const NOTHING_TO_SIGN: CaseAgreements = { policy: null, policyHistory: [], agreements: [], informedConsentComplete: true };

type Route = MockResponse | ((call: RecordedCall) => MockResponse);

/**
 * The agreement endpoints of one case, answered like the API: they remember a changed policy
 * (asking both people to sign it) and a new choice of agreements.
 */
export function caseAgreementRoutes(caseId: string, initial: CaseAgreements, people: { id: string; displayName: string }[]) {
  const state = { agreements: initial };
  const path = `/api/cases/${caseId}/agreements`;
  const routes: Record<string, Route> = {
    [`GET ${path}`]: () => ({ body: state.agreements }),
    [`PUT /api/cases/${caseId}/confidentiality-policy`]: (call) => {
      const { agreementId, reason } = call.body as ChangeConfidentialityPolicyRequest;
      const current = state.agreements;
      const policy = POLICIES.find((known) => known.agreementId === agreementId) ?? null;
      if (!policy) return { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'No agreement with that id.' } };
      const signed = current.agreements.find((agreement) => agreement.fromPolicy)?.signers;
      // Whoever signed the old policy is asked to sign again; anyone else has simply not signed yet.
      const signers = people.map((person) => signer(person, signed?.some((old) => old.participantId === person.id && old.signature) ? 'outdated' : 'unsigned'));
      state.agreements = {
        ...current,
        policy,
        policyHistory: [
          {
            policy: { agreementId, name: policy.name },
            previous: current.policy && { agreementId: current.policy.agreementId, name: current.policy.name },
            reason: reason ?? null,
            changedAt: '2026-07-15T10:00:00.000Z',
            changedBy: { id: clinician.id, name: clinician.name },
          },
          ...current.policyHistory,
        ],
        agreements: [
          ...current.agreements.filter((agreement) => !agreement.fromPolicy),
          caseAgreement(agreementId, signers),
        ],
      };
      return { body: state.agreements };
    },
    [`PUT ${path}`]: (call) => {
      const { agreementIds } = call.body as SetCaseAgreementsRequest;
      const current = state.agreements;
      const signers = people.map((person) => signer(person, 'unsigned'));
      state.agreements = {
        ...current,
        agreements: [
          ...agreementIds.map((id) => current.agreements.find((agreement) => agreement.agreementId === id) ?? caseAgreement(id, signers)),
          ...current.agreements.filter((agreement) => agreement.fromPolicy),
        ],
      };
      return { body: state.agreements };
    },
    'GET /api/agreements': (call) => ({
      body: LIBRARY.filter((agreement) => !call.query.get('kind') || agreement.kind === call.query.get('kind')),
    }),
  };
  return { routes, state };
}
