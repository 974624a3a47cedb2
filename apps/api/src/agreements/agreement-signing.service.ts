import { Injectable } from '@nestjs/common';
import {
  AuditRecordType,
  ELECTRONIC_SIGNATURE_STATEMENT,
  type PortalAgreementDocument,
  type PortalAgreementSummary,
  type PortalSignature,
} from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedParticipant } from '../common/authenticated-participant';
import { PracticeScope } from '../database/practice-scope';
import { refId, type AgreementRef } from './agreement-catalog.service';
import { AgreementRecordsService, newestSignatureOf, signerState, type CaseAgreement, type AgreementState } from './agreement-records.service';
import { documentHash, renderAgreement } from './agreement-text';
import { caseNames } from './agreements.queries';
import { AgreementAlreadySigned, AgreementChangedSinceRead, CaseAgreementNotFound } from './agreements.errors';
import type { SignAgreementDto } from './dto/sign-agreement.dto';
import type { SignedCopy } from './signed-copy';

/** Where a signature was given from, as the request shows it. */
export interface SignerOrigin {
  ipAddress: string | null;
  userAgent: string | null;
}

const USER_AGENT_MAX = 1000;

/**
 * Signing in the portal: each person reads and signs their own copy of the case's agreements.
 * Everything here is read from this person's own signatures; the other person's never show.
 */
@Injectable()
export class AgreementSigningService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly records: AgreementRecordsService,
    private readonly audit: AuditService,
  ) {}

  async list(participant: AuthenticatedParticipant): Promise<PortalAgreementSummary[]> {
    const state = await this.records.agreementsOf(participant.practiceId, participant.caseId);
    await this.recordView(participant, 'agreement.list');
    return state.agreements.map((agreement) => summaryFor(state, participant, agreement));
  }

  async read(participant: AuthenticatedParticipant, ref: AgreementRef): Promise<PortalAgreementDocument> {
    const state = await this.records.agreementsOf(participant.practiceId, participant.caseId);
    const agreement = agreementOf(state, ref);
    const text = await this.render(participant, state, agreement);
    await this.recordView(participant, 'agreement.read');
    return { ...summaryFor(state, participant, agreement), text, documentHash: documentHash(text), statement: ELECTRONIC_SIGNATURE_STATEMENT };
  }

  /** Stores the signature only if it is of the text as it renders now; otherwise nothing is kept. */
  async sign(participant: AuthenticatedParticipant, ref: AgreementRef, request: SignAgreementDto, origin: SignerOrigin): Promise<PortalSignature> {
    // One signature at a time per person and agreement, so a double tap cannot sign twice.
    await this.scope.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`agreement-signature:${participant.participantId}:${refId(ref)}`]);
    const state = await this.records.agreementsOf(participant.practiceId, participant.caseId);
    const agreement = agreementOf(state, ref);
    if (request.version !== agreement.version) throw new AgreementChangedSinceRead();
    const text = await this.render(participant, state, agreement);
    const hash = documentHash(text);
    if (request.documentHash !== hash) throw new AgreementChangedSinceRead();
    if (signerState(state, participant.participantId, agreement) === 'signed') throw new AgreementAlreadySigned();

    const [signature]: { id: string; signed_at: Date }[] = await this.scope.manager.query(
      `INSERT INTO agreement_signatures (practice_id, case_id, participant_id, agreement_id, kind, title, version, policy_agreement_id,
         document_text, document_hash, typed_name, statement, ip_address, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id, signed_at`,
      [
        participant.practiceId,
        participant.caseId,
        participant.participantId,
        agreement.id,
        agreement.kind,
        agreement.title,
        agreement.version,
        state.policy?.agreement_id ?? null,
        text,
        hash,
        request.typedName,
        ELECTRONIC_SIGNATURE_STATEMENT,
        origin.ipAddress,
        origin.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      ],
    );
    await this.audit.record(participant.practiceId, {
      action: 'agreement.sign',
      recordType: AuditRecordType.Signature,
      recordId: signature.id,
      caseId: participant.caseId,
    });
    return {
      agreementId: agreement.id,
      version: agreement.version,
      typedName: request.typedName,
      signedAt: new Date(signature.signed_at).toISOString(),
      documentHash: hash,
    };
  }

  /** This person's newest signed copy of the agreement. */
  async signedCopy(participant: AuthenticatedParticipant, ref: AgreementRef): Promise<SignedCopy> {
    const copy = await this.records.signedCopy(participant.practiceId, participant.caseId, {
      participantId: participant.participantId,
      agreementId: refId(ref),
    });
    if (!copy) throw new CaseAgreementNotFound();
    await this.audit.record(participant.practiceId, {
      action: 'signature.export',
      recordType: AuditRecordType.Signature,
      recordId: copy.signatureId,
      caseId: participant.caseId,
    });
    return copy;
  }

  private async render(participant: AuthenticatedParticipant, state: AgreementState, agreement: CaseAgreement): Promise<string> {
    const names = await caseNames(this.scope.manager, participant.practiceId, participant.caseId);
    return renderAgreement(agreement, names, state.policy?.policy_name ?? null);
  }

  private recordView(participant: AuthenticatedParticipant, action: 'agreement.list' | 'agreement.read'): Promise<void> {
    return this.audit.record(participant.practiceId, {
      action,
      recordType: AuditRecordType.Participant,
      recordId: participant.participantId,
      caseId: participant.caseId,
    });
  }
}

function agreementOf(state: AgreementState, ref: AgreementRef): CaseAgreement {
  const agreement = state.agreements.find((candidate) => candidate.id === refId(ref));
  if (!agreement) throw new CaseAgreementNotFound();
  return agreement;
}

function summaryFor(state: AgreementState, participant: AuthenticatedParticipant, agreement: CaseAgreement): PortalAgreementSummary {
  const signature = newestSignatureOf(state, participant.participantId, agreement.id);
  const signed = signature !== null && signerState(state, participant.participantId, agreement) === 'signed';
  return {
    agreementId: agreement.id,
    kind: agreement.kind,
    title: agreement.title,
    version: agreement.version,
    appliesToBoth: true,
    state: signed ? 'signed' : 'to-sign',
    signedAt: signed ? new Date(signature.signed_at).toISOString() : null,
  };
}
