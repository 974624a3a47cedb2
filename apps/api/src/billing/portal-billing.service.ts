import { Injectable } from '@nestjs/common';
import { AuditRecordType, InvoiceStatus, type PortalBilling } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedParticipant } from '../common/authenticated-participant';
import { PracticeScope } from '../database/practice-scope';
import { BillingDocumentsService, type BillingDocumentFile, type BillingPeriod } from './billing-documents.service';
import { InvoiceNotFound, PayerNotFound } from './billing.errors';
import { payerBalance, readBillingSettings } from './billing.queries';
import { PayersService } from './payers.service';
import { invoicePdf, invoicePdfFileName } from './invoice-pdf';
import { invoiceSummaries, readInvoice, withoutSortKey } from './invoices.queries';

/** A person's own bills in their portal: only what is addressed to them, and never a draft. */
@Injectable()
export class PortalBillingService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
    private readonly documents: BillingDocumentsService,
    private readonly payers: PayersService,
  ) {}

  async overview(participant: AuthenticatedParticipant): Promise<PortalBilling> {
    const { practiceId, caseId, participantId } = participant;
    const { currency } = await readBillingSettings(this.scope.manager, practiceId);
    const rows = await invoiceSummaries(this.scope.manager, { practiceId, participantId, status: InvoiceStatus.Issued });
    const invoices = rows.map(withoutSortKey);
    const payerId = await this.payerIdOf(participant);
    const balance = payerId ? await payerBalance(this.scope.manager, practiceId, payerId) : undefined;
    await this.audit.recordList(practiceId, { action: 'invoice.list', recordType: AuditRecordType.Invoice, recordIds: invoices.map((invoice) => invoice.id), caseIds: [caseId] });
    // Nothing issued to them and nothing paid: there is no account to show yet.
    const billed = balance !== undefined && (invoices.length > 0 || balance.paid !== 0);
    return { currency, balance: billed ? { outstanding: balance.outstanding, unallocated: balance.unallocated } : null, invoices };
  }

  /** An issued invoice or credit note addressed to this person; anyone else's, or a draft, is not found. */
  async invoicePdf(participant: AuthenticatedParticipant, invoiceId: string): Promise<BillingDocumentFile> {
    const payerId = await this.payerIdOf(participant);
    const invoice = payerId ? await readInvoice(this.scope.manager, participant.practiceId, invoiceId) : null;
    if (!invoice || invoice.payer.id !== payerId || invoice.status !== InvoiceStatus.Issued) throw new InvoiceNotFound();
    await this.audit.record(participant.practiceId, { action: 'invoice.export', recordType: AuditRecordType.Invoice, recordId: invoice.id, caseId: invoice.caseId });
    return { fileName: invoicePdfFileName(invoice), pdf: await invoicePdf(invoice) };
  }

  /** Their own account over the period, empty when nothing was billed to them yet (audited as payer.statement by the statement itself). */
  async statementPdf(participant: AuthenticatedParticipant, period: BillingPeriod): Promise<BillingDocumentFile> {
    const payerId = await this.payers.payerOfPerson(participant.practiceId, participant.caseId, participant.participantId);
    if (!payerId) throw new PayerNotFound();
    return this.documents.statementPdfFor(participant.practiceId, payerId, period);
  }

  /** Their own sessions over the period, for their insurer (audited as participant.superbill). */
  superbillPdf(participant: AuthenticatedParticipant, period: BillingPeriod): Promise<BillingDocumentFile> {
    return this.documents.superbillPdfFor(participant.practiceId, participant.participantId, period);
  }

  /** The payer row that is this person, once the case's billing has named them. */
  private async payerIdOf(participant: AuthenticatedParticipant): Promise<string | undefined> {
    const [row]: { id: string }[] = await this.scope.manager.query(
      `SELECT id FROM billing_payers WHERE practice_id = $1 AND case_id = $2 AND participant_id = $3`,
      [participant.practiceId, participant.caseId, participant.participantId],
    );
    return row?.id;
  }
}
