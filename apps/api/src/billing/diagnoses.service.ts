import { Injectable } from '@nestjs/common';
import {
  AuditRecordType,
  ICD10_CODE_PATTERN,
  MAX_BILLING_TEXT,
  MAX_DIAGNOSIS_CODES,
  Permission,
  roleHasPermission,
  type DiagnosisCode,
  type ParticipantDiagnoses,
  type SetDiagnosesRequest,
} from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import { CaseNotFound } from '../cases/cases.errors';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { BillingParticipantNotFound, InvalidBilling } from './billing.errors';
import { diagnosesOf, participantOf, type BilledParticipant } from './billing-documents.queries';

/** How a person opens a participant's record: for billing (no clinical record needed) or as the case's clinician. */
export const ParticipantAccess = { Billing: 'billing', Clinical: 'clinical' } as const;
export type ParticipantAccess = (typeof ParticipantAccess)[keyof typeof ParticipantAccess];

/**
 * The diagnosis codes a superbill prints for one person: entered by the case's clinician,
 * read by whoever bills the case. Codes are checked for their shape only (ICD-10-CM).
 */
@Injectable()
export class DiagnosesService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  /**
   * The person and their case, if this user may open the case as asked; otherwise 404, as for
   * a person who does not exist. Billing access also lets the case's clinician in (clinically).
   */
  async openParticipant(user: AuthenticatedUser, participantId: string, how: ParticipantAccess): Promise<BilledParticipant> {
    const found = await participantOf(this.scope.manager, user.practiceId, participantId);
    if (!found) throw new BillingParticipantNotFound();
    const clinical = how === ParticipantAccess.Clinical || !roleHasPermission(user.role, Permission.ManageBilling);
    try {
      if (clinical) await this.access.openClinical(user, found.caseId);
      else await this.access.open(user, found.caseId);
    } catch (error) {
      throw error instanceof CaseNotFound ? new BillingParticipantNotFound() : error;
    }
    return found;
  }

  async read(user: AuthenticatedUser, participantId: string): Promise<ParticipantDiagnoses> {
    const person = await this.openParticipant(user, participantId, ParticipantAccess.Billing);
    await this.recordEvent(user.practiceId, 'diagnosis.read', person);
    return this.diagnosesOf(user.practiceId, participantId);
  }

  async update(user: AuthenticatedUser, participantId: string, request: SetDiagnosesRequest): Promise<ParticipantDiagnoses> {
    const person = await this.openParticipant(user, participantId, ParticipantAccess.Clinical);
    const codes = checkedCodes(request.codes);
    await this.scope.manager.query(
      `INSERT INTO participant_diagnoses (participant_id, practice_id, case_id, codes, updated_by)
       VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (participant_id) DO UPDATE SET codes = EXCLUDED.codes, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [participantId, user.practiceId, person.caseId, JSON.stringify(codes), user.id],
    );
    await this.recordEvent(user.practiceId, 'diagnosis.update', person);
    return this.diagnosesOf(user.practiceId, participantId);
  }

  /** The codes as stored, without access checks or audit (the caller has done both). */
  async diagnosesOf(practiceId: string, participantId: string): Promise<ParticipantDiagnoses> {
    const stored = await diagnosesOf(this.scope.manager, practiceId, participantId);
    return { participantId, codes: stored?.codes ?? [], updatedAt: stored?.updatedAt ?? null };
  }

  private recordEvent(practiceId: string, action: string, person: BilledParticipant): Promise<void> {
    return this.audit.record(practiceId, { action, recordType: AuditRecordType.Diagnosis, recordId: person.id, caseId: person.caseId });
  }
}

/** The codes as they will be printed (trimmed, upper-cased, blank descriptions dropped), or 400 naming each problem. */
function checkedCodes(codes: readonly DiagnosisCode[]): DiagnosisCode[] {
  const problems: string[] = [];
  if (codes.length > MAX_DIAGNOSIS_CODES) problems.push(`codes: a person can have at most ${MAX_DIAGNOSIS_CODES} diagnosis codes; this list has ${codes.length}.`);
  const seen = new Set<string>();
  const cleaned = codes.map((entry, index) => {
    const code = entry.code.trim().toUpperCase();
    const description = entry.description?.trim() || null;
    if (!ICD10_CODE_PATTERN.test(code)) {
      problems.push(
        `codes[${index}].code: “${code}” is not an ICD-10-CM code. Write a letter, two more characters, then optionally a dot and up to four more, such as F43.23 or Z63.0.`,
      );
    } else if (seen.has(code)) {
      problems.push(`codes[${index}].code: “${code}” is already in the list; give each code once.`);
    }
    seen.add(code);
    if (description && description.length > MAX_BILLING_TEXT) problems.push(`codes[${index}].description: must be at most ${MAX_BILLING_TEXT} characters.`);
    return { code, description };
  });
  if (problems.length > 0) throw new InvalidBilling(problems);
  return cleaned;
}
