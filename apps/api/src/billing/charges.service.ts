import { Injectable } from '@nestjs/common';
import { AuditRecordType, CHARGE_KIND_LABELS, ChargeKind, type Charge } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CaseAccess } from '../cases/case-access.service';
import { PracticeScope } from '../database/practice-scope';
import { ChargeNotFound, InvalidBilling, InvoiceAlreadyIssued } from './billing.errors';
import { caseCharges, findCharge } from './billing.queries';
import type { CreateChargeDto, UpdateChargeDto } from './dto/charge.dto';
import { OTHER_PARTNERS_SESSION, billsOtherPartner } from './payer-rules';
import { PayersService } from './payers.service';
import { AUTOMATIC_KINDS } from './session-charges.service';

/** The kinds that say why in `reason`. */
const NEEDS_REASON: readonly ChargeKind[] = [ChargeKind.Manual, ChargeKind.Adjustment];

/** What a charge is checked as: the stored one with the change applied. */
interface ChargeDraft {
  /** null while being added. */
  id: string | null;
  kind: ChargeKind;
  payerId: string;
  amount: number;
  reason: string | null;
  sessionId: string | null;
  serviceId: string | null;
}

/**
 * Charges by hand: manual charges, adjustments and fees, and corrections to any charge
 * until its invoice is issued (a credit note corrects it after). Sessions' own charges are
 * made by `SessionChargesService`.
 */
@Injectable()
export class ChargesService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly cases: CaseAccess,
    private readonly payers: PayersService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, caseId: string, uninvoiced: boolean): Promise<Charge[]> {
    await this.cases.open(user, caseId);
    const charges = await caseCharges(this.scope.manager, user.practiceId, caseId, uninvoiced);
    await this.audit.recordList(user.practiceId, {
      action: 'charge.list',
      recordType: AuditRecordType.Charge,
      recordIds: charges.map((charge) => charge.id),
      caseIds: [caseId],
    });
    return charges;
  }

  async create(user: AuthenticatedUser, caseId: string, request: CreateChargeDto): Promise<Charge> {
    await this.cases.open(user, caseId);
    const draft: ChargeDraft = {
      id: null,
      kind: request.kind,
      payerId: request.payerId,
      amount: request.amount,
      reason: request.reason ?? null,
      sessionId: request.sessionId ?? null,
      serviceId: request.serviceId ?? null,
    };
    const cptCode = await this.check(user.practiceId, caseId, draft);
    const [{ id }]: { id: string }[] = await this.scope.manager.query(
      `INSERT INTO billing_charges (practice_id, case_id, payer_id, kind, session_id, service_id, cpt_code, description, service_date, amount, reason, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [user.practiceId, caseId, draft.payerId, draft.kind, draft.sessionId, draft.serviceId, cptCode, request.description, request.serviceDate, draft.amount, draft.reason, user.id],
    );
    await this.record(user, 'charge.create', id, caseId);
    return this.describe(user.practiceId, id);
  }

  /** Before its invoice is issued only; a charge on a draft stays on it. */
  async update(user: AuthenticatedUser, chargeId: string, changes: UpdateChargeDto): Promise<Charge> {
    const charge = await this.openUnlocked(user, chargeId);
    const draft: ChargeDraft = {
      id: chargeId,
      kind: charge.kind,
      payerId: changes.payerId ?? charge.payerId,
      amount: changes.amount ?? charge.amount,
      reason: changes.reason === undefined ? charge.reason : changes.reason,
      sessionId: charge.sessionId,
      serviceId: changes.serviceId === undefined ? charge.serviceId : changes.serviceId,
    };
    const serviceCode = await this.check(user.practiceId, charge.caseId, draft);
    const cptCode = changes.serviceId === undefined ? charge.cptCode : serviceCode;
    await this.scope.manager.query(
      `UPDATE billing_charges SET payer_id = $3, amount = $4, reason = $5, service_id = $6, cpt_code = $7,
         description = COALESCE($8, description), service_date = COALESCE($9::date, service_date), updated_at = now()
       WHERE practice_id = $1 AND id = $2`,
      [user.practiceId, chargeId, draft.payerId, draft.amount, draft.reason, draft.serviceId, cptCode, changes.description ?? null, changes.serviceDate ?? null],
    );
    await this.record(user, 'charge.update', chargeId, charge.caseId);
    return this.describe(user.practiceId, chargeId);
  }

  /** Deleting a charge on a draft takes it off the draft. */
  async remove(user: AuthenticatedUser, chargeId: string): Promise<void> {
    const charge = await this.openUnlocked(user, chargeId);
    await this.scope.manager.query(`DELETE FROM billing_charges WHERE practice_id = $1 AND id = $2`, [user.practiceId, chargeId]);
    await this.record(user, 'charge.delete', chargeId, charge.caseId);
  }

  /** The charge, locked for the change, if this user may open its case; 409 once on an issued invoice. */
  private async openUnlocked(user: AuthenticatedUser, chargeId: string): Promise<Charge> {
    const [row]: { case_id: string; invoice_id: string | null }[] = await this.scope.manager.query(
      `SELECT case_id, invoice_id FROM billing_charges WHERE practice_id = $1 AND id = $2 FOR UPDATE`,
      [user.practiceId, chargeId],
    );
    if (!row) throw new ChargeNotFound();
    // Holds off issuing its draft until this change commits, so an issued invoice never changes under it.
    if (row.invoice_id) await this.scope.manager.query(`SELECT 1 FROM invoices WHERE practice_id = $1 AND id = $2 FOR SHARE`, [user.practiceId, row.invoice_id]);
    await this.cases.open(user, row.case_id).catch(() => {
      throw new ChargeNotFound();
    });
    const charge = await this.describe(user.practiceId, chargeId);
    if (charge.locked) throw new InvoiceAlreadyIssued(charge.invoiceNumber ?? '');
    return charge;
  }

  /** Refuses what a charge may not be; answers the CPT code its service gives it. */
  private async check(practiceId: string, caseId: string, draft: ChargeDraft): Promise<string | null> {
    const problems: string[] = [];
    if (draft.kind === ChargeKind.Adjustment ? draft.amount === 0 : draft.amount <= 0) {
      problems.push(draft.kind === ChargeKind.Adjustment ? 'amount must not be 0 for an adjustment' : 'amount must be more than 0 (only an adjustment may be negative)');
    }
    if (NEEDS_REASON.includes(draft.kind) && !draft.reason) problems.push(`reason is required for ${draft.kind === ChargeKind.Manual ? 'a manual charge' : 'an adjustment'}`);
    const payer = await this.payers.payerOfCase(practiceId, caseId, draft.payerId);
    if (!payer) problems.push('payerId must be one of the payers of this case');
    if (draft.sessionId) {
      // A session has one charge of each of its own kinds per payer (the unique index the session listener relies on).
      const [session]: { attendee_ids: string[]; taken: boolean }[] = await this.scope.manager.query(
        `SELECT s.attendee_ids, EXISTS (
           SELECT 1 FROM billing_charges c WHERE c.practice_id = s.practice_id AND c.session_id = s.id AND c.payer_id = $4 AND c.kind = $5
             AND c.kind = ANY($6::text[]) AND c.id IS DISTINCT FROM $7::uuid) AS taken
         FROM sessions s WHERE s.practice_id = $1 AND s.case_id = $2 AND s.id = $3`,
        [practiceId, caseId, draft.sessionId, draft.payerId, draft.kind, AUTOMATIC_KINDS, draft.id],
      );
      if (!session) problems.push('sessionId must be a session of this case');
      else if (payer && billsOtherPartner(session.attendee_ids, payer.participantId)) problems.push(OTHER_PARTNERS_SESSION);
      else if (session.taken) problems.push(`sessionId already has a charge of this kind (${CHARGE_KIND_LABELS[draft.kind].toLowerCase()}) for this payer: change that one instead`);
    }
    let cptCode: string | null = null;
    if (draft.serviceId) {
      const [service]: { cpt_code: string | null }[] = await this.scope.manager.query(`SELECT cpt_code FROM billing_services WHERE practice_id = $1 AND id = $2`, [
        practiceId,
        draft.serviceId,
      ]);
      if (!service) problems.push('serviceId must be one of the practice’s services');
      cptCode = service?.cpt_code ?? null;
    }
    if (problems.length > 0) throw new InvalidBilling(problems);
    return cptCode;
  }

  private async describe(practiceId: string, chargeId: string): Promise<Charge> {
    const charge = await findCharge(this.scope.manager, practiceId, chargeId);
    if (!charge) throw new ChargeNotFound();
    return charge;
  }

  private record(user: AuthenticatedUser, action: string, chargeId: string, caseId: string): Promise<void> {
    return this.audit.record(user.practiceId, { action, recordType: AuditRecordType.Charge, recordId: chargeId, caseId });
  }
}
