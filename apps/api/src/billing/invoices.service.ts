import { Injectable } from '@nestjs/common';
import { DEFAULT_CURRENCY, invoiceNumberLabel, type Invoice, type InvoiceSummary } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import { CaseNotFound } from '../cases/cases.errors';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { InvalidBilling, InvoiceAlreadyIssued, InvoiceNotFound } from './billing.errors';
import type { CreateInvoiceDto, UpdateInvoiceDto } from './dto/invoice.dto';
import { caseInvoices, lockInvoice, payerOfCase, readInvoice, type LockedInvoice } from './invoices.queries';

/**
 * Invoices before they are issued: a draft gathers one payer's charges of one case, may
 * change its charges or be deleted (its charges go back to uninvoiced). Reads of any
 * invoice or credit note are here too. Issuing is `InvoiceIssuingService`'s job.
 */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly cases: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, caseId: string): Promise<InvoiceSummary[]> {
    await this.cases.open(user, caseId);
    const invoices = await caseInvoices(this.scope.manager, user.practiceId, caseId);
    await this.audit.recordList(user.practiceId, {
      action: 'invoice.list',
      recordType: 'invoice',
      recordIds: invoices.map((invoice) => invoice.id),
      caseIds: [caseId],
    });
    return invoices;
  }

  async read(user: AuthenticatedUser, invoiceId: string): Promise<Invoice> {
    const invoice = await this.open(user, invoiceId);
    await this.audit.record(user.practiceId, { action: 'invoice.read', recordType: 'invoice', recordId: invoiceId, caseId: invoice.caseId });
    return invoice;
  }

  async create(user: AuthenticatedUser, caseId: string, request: CreateInvoiceDto): Promise<Invoice> {
    await this.cases.open(user, caseId);
    const payerName = await this.payerName(user.practiceId, caseId, request.payerId);
    const chargeIds = request.chargeIds
      ? await this.checkCharges(user.practiceId, caseId, request.payerId, request.chargeIds, null)
      : await this.uninvoicedCharges(user.practiceId, request.payerId);
    if (chargeIds.length === 0) throw new InvalidBilling(`There is nothing to invoice for ${payerName}: every charge to them is already on an invoice.`);

    const [{ id }]: { id: string }[] = await this.scope.manager.query(
      `INSERT INTO invoices (practice_id, case_id, payer_id, kind, status, currency, created_by)
       VALUES ($1, $2, $3, 'invoice', 'draft', coalesce((SELECT currency FROM billing_settings WHERE practice_id = $1), $4), $5) RETURNING id`,
      [user.practiceId, caseId, request.payerId, DEFAULT_CURRENCY, user.id],
    );
    await this.putOnInvoice(user.practiceId, id, chargeIds);
    await this.audit.record(user.practiceId, { action: 'invoice.create', recordType: 'invoice', recordId: id, caseId });
    return this.described(user, id);
  }

  /** A draft's charges become exactly `chargeIds`; the ones left out go back to uninvoiced. */
  async update(user: AuthenticatedUser, invoiceId: string, request: UpdateInvoiceDto): Promise<Invoice> {
    const draft = await this.lockDraft(user, invoiceId);
    const chargeIds = await this.checkCharges(user.practiceId, draft.case_id, draft.payer_id, request.chargeIds, invoiceId);
    await this.scope.manager.query(
      `UPDATE billing_charges SET invoice_id = NULL, updated_at = now() WHERE practice_id = $1 AND invoice_id = $2 AND NOT (id = ANY($3::uuid[]))`,
      [user.practiceId, invoiceId, chargeIds],
    );
    await this.putOnInvoice(user.practiceId, invoiceId, chargeIds);
    await this.scope.manager.query(`UPDATE invoices SET updated_at = now() WHERE practice_id = $1 AND id = $2`, [user.practiceId, invoiceId]);
    await this.audit.record(user.practiceId, { action: 'invoice.update', recordType: 'invoice', recordId: invoiceId, caseId: draft.case_id });
    return this.described(user, invoiceId);
  }

  async remove(user: AuthenticatedUser, invoiceId: string): Promise<void> {
    const draft = await this.lockDraft(user, invoiceId);
    await this.scope.manager.query(`UPDATE billing_charges SET invoice_id = NULL, updated_at = now() WHERE practice_id = $1 AND invoice_id = $2`, [
      user.practiceId,
      invoiceId,
    ]);
    await this.scope.manager.query(`DELETE FROM invoices WHERE practice_id = $1 AND id = $2`, [user.practiceId, invoiceId]);
    await this.audit.record(user.practiceId, { action: 'invoice.delete', recordType: 'invoice', recordId: invoiceId, caseId: draft.case_id });
  }

  /** The invoice, if its case is open to this user; otherwise 404 as if it did not exist. */
  async open(user: AuthenticatedUser, invoiceId: string): Promise<Invoice> {
    const invoice = await readInvoice(this.scope.manager, user.practiceId, invoiceId);
    if (!invoice) throw new InvoiceNotFound();
    await this.openCase(user, invoice.caseId);
    return invoice;
  }

  /** The invoice locked for a change, after the same access check as `open`. */
  async lock(user: AuthenticatedUser, invoiceId: string): Promise<LockedInvoice> {
    const invoice = await lockInvoice(this.scope.manager, user.practiceId, invoiceId);
    if (!invoice) throw new InvoiceNotFound();
    await this.openCase(user, invoice.case_id);
    return invoice;
  }

  /** As read after a write: the caller has already opened it. */
  async described(user: AuthenticatedUser, invoiceId: string): Promise<Invoice> {
    const invoice = await readInvoice(this.scope.manager, user.practiceId, invoiceId);
    if (!invoice) throw new InvoiceNotFound();
    return invoice;
  }

  private async openCase(user: AuthenticatedUser, caseId: string): Promise<void> {
    await this.cases.open(user, caseId).catch((error: unknown) => {
      throw error instanceof CaseNotFound ? new InvoiceNotFound() : error;
    });
  }

  private async lockDraft(user: AuthenticatedUser, invoiceId: string): Promise<LockedInvoice> {
    const invoice = await this.lock(user, invoiceId);
    if (invoice.status === 'issued' && invoice.number !== null) throw new InvoiceAlreadyIssued(invoiceNumberLabel(invoice.kind, invoice.number));
    return invoice;
  }

  private async payerName(practiceId: string, caseId: string, payerId: string): Promise<string> {
    const name = await payerOfCase(this.scope.manager, practiceId, caseId, payerId);
    if (name === null) throw new InvalidBilling('payerId must be one of the payers of this case.');
    return name;
  }

  /** Every charge to the payer that no invoice holds yet (credit lines belong to their credit note). */
  private async uninvoicedCharges(practiceId: string, payerId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.scope.manager.query(
      `SELECT id FROM billing_charges WHERE practice_id = $1 AND payer_id = $2 AND invoice_id IS NULL AND kind <> 'credit' ORDER BY service_date, id FOR UPDATE`,
      [practiceId, payerId],
    );
    return rows.map((row) => row.id);
  }

  /** Each charge must be this case's, this payer's, and on no invoice but `draftId`. */
  private async checkCharges(practiceId: string, caseId: string, payerId: string, chargeIds: string[], draftId: string | null): Promise<string[]> {
    const unique = [...new Set(chargeIds)];
    const rows: { id: string; case_id: string; payer_id: string; invoice_id: string | null; kind: string }[] = await this.scope.manager.query(
      `SELECT id, case_id, payer_id, invoice_id, kind FROM billing_charges WHERE practice_id = $1 AND id = ANY($2::uuid[]) FOR UPDATE`,
      [practiceId, unique],
    );
    const found = new Map(rows.map((row) => [row.id, row]));
    const problems = unique.flatMap((id) => {
      const charge = found.get(id);
      if (!charge || charge.case_id !== caseId || charge.kind === 'credit') return [`chargeIds: ${id} is not a charge of this case.`];
      if (charge.payer_id !== payerId) return [`chargeIds: charge ${id} is addressed to another payer; an invoice is for one payer.`];
      if (charge.invoice_id !== null && charge.invoice_id !== draftId) return [`chargeIds: charge ${id} is already on another invoice.`];
      return [];
    });
    if (problems.length > 0) throw new InvalidBilling(problems);
    return unique;
  }

  private async putOnInvoice(practiceId: string, invoiceId: string, chargeIds: string[]): Promise<void> {
    await this.scope.manager.query(`UPDATE billing_charges SET invoice_id = $2, updated_at = now() WHERE practice_id = $1 AND id = ANY($3::uuid[])`, [
      practiceId,
      invoiceId,
      chargeIds,
    ]);
  }
}
