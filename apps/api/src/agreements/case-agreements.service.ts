import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AgreementKind,
  AuditRecordType,
  DEFAULT_CASE_AGREEMENT_IDS,
  type AgreementReminderResult,
  type CaseAgreements,
  type PolicyChange,
} from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import { CasesService, type CaseOpening } from '../cases/cases.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { agreementsToSignMail } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { AgreementCatalog, parseAgreementRef, type AgreementVersion } from './agreement-catalog.service';
import { AgreementRecordsService, newestSignatureOf, signerState, type CaseAgreementState } from './agreement-records.service';
import { caseNames, toSignatureRecord, type CaseParticipantRow, type PolicyChangeRow } from './agreements.queries';
import { InvalidAgreement, PolicyUnchanged, ReminderParticipantNotFound, SignatureNotFound } from './agreements.errors';
import type { AgreementReminderDto } from './dto/agreement-reminder.dto';
import type { ChangePolicyDto } from './dto/change-policy.dto';
import type { SetCaseAgreementsDto } from './dto/set-case-agreements.dto';
import { toConfidentialityPolicy } from './policy';
import type { SignedCopy } from './signed-copy';

/**
 * A case's confidentiality policy and the agreements it asks both people to sign: chosen when
 * the case opens (New case, the intake), changed from the case page, and who has signed what.
 * Status is paperwork, so assistants may read it; choosing what is signed is clinical.
 */
@Injectable()
export class CaseAgreementsService implements OnModuleInit {
  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly cases: CasesService,
    private readonly catalog: AgreementCatalog,
    private readonly records: AgreementRecordsService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.cases.onCaseOpened((user, caseId, opening) => this.open(user, caseId, opening));
  }

  async status(user: AuthenticatedUser, caseId: string): Promise<CaseAgreements> {
    await this.access.open(user, caseId);
    const state = await this.records.state(user.practiceId, caseId);
    const shown = state.newest.filter((signature) => state.agreements.some((agreement) => agreement.id === signature.agreement_id));
    await this.audit.recordList(user.practiceId, {
      action: 'signature.list',
      recordType: AuditRecordType.Signature,
      recordIds: shown.map((signature) => signature.id),
      caseIds: [caseId],
    });
    return describe(state);
  }

  async changePolicy(user: AuthenticatedUser, caseId: string, request: ChangePolicyDto): Promise<CaseAgreements> {
    await this.access.openClinical(user, caseId);
    const policy = await this.policyAgreement(user, request.agreementId, 'agreementId');
    const state = await this.records.state(user.practiceId, caseId);
    if (state.policy?.agreement_id === policy.id) throw new PolicyUnchanged();
    if (state.policy && !request.reason) throw new InvalidAgreement('reason is required: say why the case’s policy changes');
    await this.writePolicy(user, caseId, policy, state.policy, request.reason ?? null);
    await this.audit.record(user.practiceId, { action: 'case.policy-change', recordType: AuditRecordType.Case, recordId: caseId, caseId });
    return describe(await this.records.state(user.practiceId, caseId));
  }

  async setAgreements(user: AuthenticatedUser, caseId: string, request: SetCaseAgreementsDto): Promise<CaseAgreements> {
    await this.access.openClinical(user, caseId);
    const agreements = await this.ownAgreements(user, request.agreementIds, 'agreementIds');
    await this.scope.manager.query(`DELETE FROM case_agreements WHERE practice_id = $1 AND case_id = $2`, [user.practiceId, caseId]);
    await this.insertAgreements(user, caseId, agreements);
    await this.audit.record(user.practiceId, { action: 'case.agreements-change', recordType: AuditRecordType.Case, recordId: caseId, caseId });
    return describe(await this.records.state(user.practiceId, caseId));
  }

  /** E-mails each person who has something to sign and can open the portal; says why the others were left out. */
  async remind(user: AuthenticatedUser, caseId: string, request: AgreementReminderDto): Promise<AgreementReminderResult> {
    await this.access.open(user, caseId);
    const state = await this.records.state(user.practiceId, caseId);
    const people = state.participants.filter((participant) => !request.participantId || participant.id === request.participantId);
    if (people.length === 0) throw new ReminderParticipantNotFound();
    const { practiceName } = await caseNames(this.scope.manager, user.practiceId, caseId);
    const result: AgreementReminderResult = { sentTo: [], skipped: [] };
    for (const person of people) {
      const who = { participantId: person.id, displayName: person.displayName };
      const reason = whyNotReminded(state, person);
      if (reason) {
        result.skipped.push({ ...who, reason });
        continue;
      }
      await this.mail.send(person.email as string, agreementsToSignMail({ practiceName }));
      await this.audit.record(user.practiceId, { action: 'agreement.remind', recordType: AuditRecordType.Participant, recordId: person.id, caseId });
      result.sentTo.push(who);
    }
    return result;
  }

  /** The signed copy of one of this case's signatures, as the practice downloads it. */
  async signedCopy(user: AuthenticatedUser, caseId: string, signatureId: string): Promise<SignedCopy> {
    await this.access.open(user, caseId);
    const copy = await this.records.signedCopy(user.practiceId, caseId, { signatureId });
    if (!copy) throw new SignatureNotFound();
    await this.audit.record(user.practiceId, { action: 'signature.export', recordType: AuditRecordType.Signature, recordId: copy.signatureId, caseId });
    return copy;
  }

  /** Called as the case opens, in its transaction: a refused id rolls the whole case back. */
  private async open(user: AuthenticatedUser, caseId: string, opening: CaseOpening): Promise<void> {
    const agreements = await this.ownAgreements(user, opening.agreementIds ?? DEFAULT_CASE_AGREEMENT_IDS, 'agreementIds');
    if (opening.confidentialityPolicyId !== undefined) {
      const policy = await this.policyAgreement(user, opening.confidentialityPolicyId, 'confidentialityPolicyId');
      await this.writePolicy(user, caseId, policy, null, null);
    }
    await this.insertAgreements(user, caseId, agreements);
  }

  /** A built-in confidentiality policy, or one of the practice's own that is not archived. */
  private async policyAgreement(user: AuthenticatedUser, id: string, field: string): Promise<AgreementVersion> {
    const key = normalized(id);
    const found = (await this.catalog.current(user.practiceId, [key])).get(key);
    if (!found || found.kind !== AgreementKind.Confidentiality || found.archived) {
      throw new InvalidAgreement(
        `${field} must be a confidentiality policy: builtin:no-secrets, builtin:limited-secrets, builtin:kept-private, or one of your practice’s own confidentiality agreements that is not archived`,
      );
    }
    return found;
  }

  /** The agreements a case asks for besides its policy's: known, in use, not a policy, each once. */
  private async ownAgreements(user: AuthenticatedUser, ids: readonly string[], field: string): Promise<AgreementVersion[]> {
    const wanted = ids.map(normalized);
    const found = await this.catalog.current(user.practiceId, wanted);
    const problems = wanted.flatMap((id, index): string[] => {
      const agreement = found.get(id);
      if (!agreement || agreement.archived) return [`${field}[${index}] must be an agreement of your library that is not archived`];
      if (agreement.kind === AgreementKind.Confidentiality) {
        return [`${field}[${index}] is a confidentiality policy: choose it as the case’s policy instead, which adds its agreement for you`];
      }
      return wanted.indexOf(id) < index ? [`${field}[${index}] names the same agreement twice`] : [];
    });
    if (problems.length > 0) throw new InvalidAgreement(problems);
    return wanted.map((id) => found.get(id) as AgreementVersion);
  }

  private async writePolicy(user: AuthenticatedUser, caseId: string, policy: AgreementVersion, previous: PolicyChangeRow | null, reason: string | null) {
    // clock_timestamp: two changes in one transaction still have an order.
    await this.scope.manager.query(
      `INSERT INTO case_policy_changes (practice_id, case_id, agreement_id, policy_kind, policy_name, previous_agreement_id, previous_name, reason, changed_by, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp())`,
      [user.practiceId, caseId, policy.id, policy.policyKind, policy.title, previous?.agreement_id ?? null, previous?.policy_name ?? null, reason, user.id],
    );
  }

  private async insertAgreements(user: AuthenticatedUser, caseId: string, agreements: AgreementVersion[]): Promise<void> {
    if (agreements.length === 0) return;
    await this.scope.manager.query(
      `INSERT INTO case_agreements (practice_id, case_id, agreement_id, position, added_by)
       SELECT $1, $2, agreement.id, agreement.position - 1, $4 FROM unnest($3::text[]) WITH ORDINALITY AS agreement(id, position)`,
      [user.practiceId, caseId, agreements.map((agreement) => agreement.id), user.id],
    );
  }
}

/** Why a person gets no reminder; null when one goes to their address. */
function whyNotReminded(state: CaseAgreementState, person: CaseParticipantRow): string | null {
  if (state.agreements.every((agreement) => signerState(state, person.id, agreement) === 'signed')) return 'nothing to sign';
  if (!person.email) return 'no e-mail address';
  if (!person.hasLiveLink) return 'no live portal link';
  return null;
}

/** A UUID as PostgreSQL prints it, so the same template is never two ids. */
function normalized(id: string): string {
  const ref = parseAgreementRef(id);
  return ref?.source === 'practice' ? ref.templateId : id;
}

function describe(state: CaseAgreementState): CaseAgreements {
  const agreements = state.agreements.map((agreement) => ({
    agreementId: agreement.id,
    kind: agreement.kind,
    title: agreement.title,
    version: agreement.version,
    fromPolicy: agreement.fromPolicy,
    signers: state.participants.map((participant) => {
      const signature = newestSignatureOf(state, participant.id, agreement.id);
      return {
        participantId: participant.id,
        displayName: participant.displayName,
        state: signerState(state, participant.id, agreement),
        signature: signature ? toSignatureRecord(signature) : null,
      };
    }),
  }));
  return {
    policy: state.policy ? toConfidentialityPolicy(state.policy) : null,
    policyHistory: state.policyHistory.map(
      (change): PolicyChange => ({
        policy: { agreementId: change.agreement_id, name: change.policy_name },
        previous: change.previous_agreement_id ? { agreementId: change.previous_agreement_id, name: change.previous_name ?? '' } : null,
        reason: change.reason,
        changedAt: new Date(change.changed_at).toISOString(),
        changedBy: change.user_id ? { id: change.user_id, name: change.user_name ?? '' } : null,
      }),
    ),
    agreements,
    informedConsentComplete: agreements
      .filter((agreement) => agreement.kind === AgreementKind.InformedConsent)
      .every((agreement) => agreement.signers.every((signer) => signer.state === 'signed')),
  };
}
