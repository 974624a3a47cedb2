import { AGREEMENT_KINDS, CONFIDENTIALITY_POLICY_KINDS, type AgreementSummary, type ConfidentialityPolicyKind } from '@trustwork/contracts';
import { POLICY_WORDING } from '@trustwork/trust-program';

/** One line on what a policy means for what one person tells the therapist alone. */
export const policySummary = (kind: ConfidentialityPolicyKind | null) => POLICY_WORDING[kind ?? 'practice'].summary;

export const SOURCE_LABELS: Record<AgreementSummary['source'], string> = {
  'built-in': 'Built in',
  practice: 'Your practice',
};

/** Built-in agreements first, then the practice's own; within each, by kind, the policies in their usual order, then by title. */
export function inLibraryOrder<Agreement extends AgreementSummary>(agreements: readonly Agreement[]): Agreement[] {
  const policyRank = (agreement: AgreementSummary) =>
    agreement.policyKind === null ? CONFIDENTIALITY_POLICY_KINDS.length : CONFIDENTIALITY_POLICY_KINDS.indexOf(agreement.policyKind);
  return [...agreements].sort(
    (a, b) =>
      Number(a.source === 'practice') - Number(b.source === 'practice') ||
      AGREEMENT_KINDS.indexOf(a.kind) - AGREEMENT_KINDS.indexOf(b.kind) ||
      policyRank(a) - policyRank(b) ||
      a.title.localeCompare(b.title),
  );
}

/** "Built in · version 2", "Your practice · version 3". */
export function sourceText(agreement: Pick<AgreementSummary, 'source' | 'version'>): string {
  return `${SOURCE_LABELS[agreement.source]} · version ${agreement.version}`;
}
