import type { ConfidentialityPolicy, ConfidentialityPolicyKind, PortalConfidentialityPolicy } from '@trustwork/contracts';
import { POLICY_WORDING } from '@trustwork/trust-program';

/** A policy change as stored: the policy's agreement, its kind, and its name as it read then. */
export interface StoredPolicy {
  agreement_id: string;
  policy_kind: ConfidentialityPolicyKind;
  policy_name: string;
}

/** The newest change is the case's policy; none, no policy yet. */
export const CURRENT_POLICY_SQL = `SELECT agreement_id, policy_kind, policy_name FROM case_policy_changes
  WHERE practice_id = $1 AND case_id = $2 ORDER BY changed_at DESC, id DESC LIMIT 1`;

export function toConfidentialityPolicy(policy: StoredPolicy): ConfidentialityPolicy {
  return { agreementId: policy.agreement_id, kind: policy.policy_kind, name: policy.policy_name, summary: POLICY_WORDING[policy.policy_kind].summary };
}

export function toPortalPolicy(policy: StoredPolicy): PortalConfidentialityPolicy {
  return { name: policy.policy_name, privateLineSentence: POLICY_WORDING[policy.policy_kind].privateLineSentence(policy.policy_name) };
}
