import { Injectable } from '@nestjs/common';
import {
  AgreementKind,
  type AgreementSignerStatus,
  type BriefUnsignedAgreement,
  type ExportedSignature,
  type PortalConfidentialityPolicy,
} from '@trustwork/contracts';
import { PracticeScope } from '../database/practice-scope';
import { AgreementCatalog, type AgreementVersion } from './agreement-catalog.service';
import {
  caseAgreementIds,
  caseNames,
  caseParticipants,
  newestSignatures,
  policyChanges,
  signaturesWithText,
  toSignatureRecord,
  type CaseParticipantRow,
  type PolicyChangeRow,
  type SignatureRow,
} from './agreements.queries';
import { toPortalPolicy } from './policy';
import { signedCopyFileName, signedCopyPdf, type SignedCopy } from './signed-copy';

export interface CaseAgreement extends AgreementVersion {
  /** The policy's agreement: it changes with the policy rather than being removed. */
  fromPolicy: boolean;
}

/** Everything the status of a case's agreements is decided from. */
export interface CaseAgreementState {
  /** Oldest first; the last is the case's policy. */
  policyHistory: PolicyChangeRow[];
  policy: PolicyChangeRow | null;
  agreements: CaseAgreement[];
  participants: CaseParticipantRow[];
  /** Each person's newest signature of each agreement. */
  newest: SignatureRow[];
}

/** The state without the case's people: enough for a portal route, which knows its one person. */
export type AgreementState = Omit<CaseAgreementState, 'participants'>;

export type SignerState = AgreementSignerStatus['state'];

/** A person's newest signature of an agreement, current or not. */
export function newestSignatureOf(state: Pick<AgreementState, 'newest'>, participantId: string, agreementId: string): SignatureRow | null {
  return state.newest.find((signature) => signature.participant_id === participantId && signature.agreement_id === agreementId) ?? null;
}

/**
 * Signed means signed as things stand: this version, under the case's current policy (the
 * text names the policy, so a new policy is a new text). Anything older is outdated.
 */
export function signerState(state: Pick<AgreementState, 'newest' | 'policy'>, participantId: string, agreement: CaseAgreement): SignerState {
  const signature = newestSignatureOf(state, participantId, agreement.id);
  if (!signature) return 'unsigned';
  const current = signature.version === agreement.version && signature.policy_agreement_id === (state.policy?.agreement_id ?? null);
  return current ? 'signed' : 'outdated';
}

/**
 * A case's agreements as they stand, read for this feature's routes and for the features
 * that show them elsewhere (the brief, the export, the portal's welcome). Runs in the
 * request's transaction; the callers check access and audit.
 */
@Injectable()
export class AgreementRecordsService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly catalog: AgreementCatalog,
  ) {}

  async state(practiceId: string, caseId: string): Promise<CaseAgreementState> {
    const agreements = await this.agreementsOf(practiceId, caseId);
    return { ...agreements, participants: await caseParticipants(this.scope.manager, practiceId, caseId) };
  }

  /** The state without the case's people, for a caller that asks after one person it already knows. */
  async agreementsOf(practiceId: string, caseId: string): Promise<AgreementState> {
    const db = this.scope.manager;
    const policyHistory = await policyChanges(db, practiceId, caseId);
    const policy = policyHistory[policyHistory.length - 1] ?? null;
    const ownIds = await caseAgreementIds(db, practiceId, caseId);
    const found = await this.catalog.current(practiceId, policy ? [...ownIds, policy.agreement_id] : ownIds);
    const own = ownIds.flatMap((id) => {
      const agreement = found.get(id);
      return agreement ? [{ ...agreement, fromPolicy: false }] : [];
    });
    const policyAgreement = policy ? found.get(policy.agreement_id) : undefined;
    // The policy reads best right after the informed consent that refers to it.
    const at = own.findLastIndex((agreement) => agreement.kind === AgreementKind.InformedConsent) + 1;
    const agreements = policyAgreement ? [...own.slice(0, at), { ...policyAgreement, fromPolicy: true }, ...own.slice(at)] : own;
    return {
      policyHistory,
      policy,
      agreements,
      newest: await newestSignatures(db, practiceId, caseId),
    };
  }

  /** The brief: agreements someone still has to sign, with who. No audit (the caller audits). */
  async unsignedForBrief(practiceId: string, caseId: string): Promise<BriefUnsignedAgreement[]> {
    const state = await this.state(practiceId, caseId);
    return state.agreements.flatMap((agreement) => {
      const participants = state.participants
        .filter((participant) => signerState(state, participant.id, agreement) !== 'signed')
        .map((participant) => ({ id: participant.id, displayName: participant.displayName }));
      return participants.length > 0 ? [{ agreementId: agreement.id, title: agreement.title, participants }] : [];
    });
  }

  /** The export: signatures with their exact texts, oldest first; only this person's when given. */
  async signaturesForExport(practiceId: string, caseId: string, participantId?: string): Promise<ExportedSignature[]> {
    const rows = await signaturesWithText(this.scope.manager, practiceId, caseId, { participantId });
    return rows.map((row) => ({
      ...toSignatureRecord(row),
      participantId: row.participant_id,
      agreementId: row.agreement_id,
      kind: row.kind,
      title: row.title,
      text: row.document_text,
    }));
  }

  /** The newest signed copy matching `filter` (one signature, or one person's of one agreement) as PDF; null when there is none. */
  async signedCopy(
    practiceId: string,
    caseId: string,
    filter: { signatureId?: string; participantId?: string; agreementId?: string },
  ): Promise<SignedCopy | null> {
    const signature = (await signaturesWithText(this.scope.manager, practiceId, caseId, filter)).pop();
    if (!signature) return null;
    const names = await caseNames(this.scope.manager, practiceId, caseId);
    return { signatureId: signature.id, fileName: signedCopyFileName(signature), pdf: await signedCopyPdf(signature, names) };
  }

  /** The portal's welcome: the policy sentence and how many this person has still to sign. */
  async portalSummary(
    practiceId: string,
    caseId: string,
    participantId: string,
  ): Promise<{ confidentialityPolicy: PortalConfidentialityPolicy | null; agreementsToSign: number }> {
    // Only this person's standing: the case's people need not be read.
    const state = await this.agreementsOf(practiceId, caseId);
    return {
      confidentialityPolicy: state.policy ? toPortalPolicy(state.policy) : null,
      agreementsToSign: state.agreements.filter((agreement) => signerState(state, participantId, agreement) !== 'signed').length,
    };
  }
}
