import { Injectable } from '@nestjs/common';
import { DEFAULT_CURRENCY, formatMoney, invoiceNumberLabel, PAYMENT_TERMS_DAYS, type Invoice } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { invoiceMail } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { InvalidBilling, InvoiceAlreadyIssued, InvoiceNotIssued } from './billing.errors';
import { invoicePdf, invoicePdfFileName, longDate } from './invoice-pdf';
import { PAYER_DETAILS_SQL, PRACTICE_DETAILS_SQL } from './invoices.queries';
import { InvoicesService } from './invoices.service';

/**
 * Issuing gives the next number of the practice's one sequence (invoices and credit notes),
 * without gaps: the counter is a row of billing_settings, whose row lock makes issuers take
 * turns and whose rollback gives a number back. It also keeps the practice's and the payer's
 * details as printed. Then the issued invoice is e-mailed or downloaded as a PDF.
 */
@Injectable()
export class InvoiceIssuingService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly invoices: InvoicesService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  async issue(user: AuthenticatedUser, invoiceId: string): Promise<Invoice> {
    const invoice = await this.invoices.lock(user, invoiceId);
    if (invoice.number !== null) throw new InvoiceAlreadyIssued(invoiceNumberLabel(invoice.kind, invoice.number));
    const [{ total }]: { total: number }[] = await this.scope.manager.query(
      `SELECT total FROM invoice_amounts WHERE practice_id = $1 AND invoice_id = $2`,
      [user.practiceId, invoiceId],
    );
    if (total <= 0) throw new InvalidBilling('This draft totals nothing to pay: its charges must add up to more than zero before it is issued.');
    await this.stamp(user, invoiceId);
    await this.audit.record(user.practiceId, { action: 'invoice.issue', recordType: 'invoice', recordId: invoiceId, caseId: invoice.case_id });
    return this.invoices.described(user, invoiceId);
  }

  /**
   * Numbers a draft and keeps its details as printed. The caller holds the invoice's row lock;
   * the upsert's row lock on billing_settings then serialises every issuer of the practice.
   */
  async stamp(user: AuthenticatedUser, invoiceId: string): Promise<void> {
    const [{ last_invoice_number: number }]: { last_invoice_number: number }[] = await this.scope.manager.query(
      `INSERT INTO billing_settings (practice_id, last_invoice_number) VALUES ($1, 1)
       ON CONFLICT (practice_id) DO UPDATE SET last_invoice_number = billing_settings.last_invoice_number + 1
       RETURNING last_invoice_number`,
      [user.practiceId],
    );
    await this.scope.manager.query(
      `UPDATE invoices i SET status = 'issued', number = $3, issued_by = $4, issued_at = now(),
         issued_on = (now() AT TIME ZONE p.time_zone)::date,
         due_on = CASE WHEN i.kind = 'invoice' THEN (now() AT TIME ZONE p.time_zone)::date + coalesce(s.payment_terms_days, $5::int) END,
         currency = coalesce(s.currency, $6), practice_details = ${PRACTICE_DETAILS_SQL}, payer_details = ${PAYER_DETAILS_SQL}, updated_at = now()
       FROM practices p LEFT JOIN billing_settings s ON s.practice_id = p.id
       WHERE i.practice_id = $1 AND i.id = $2 AND p.id = i.practice_id`,
      [user.practiceId, invoiceId, number, user.id, PAYMENT_TERMS_DAYS.default, DEFAULT_CURRENCY],
    );
  }

  /** To the payer's e-mail, with the PDF: only money words, never what the sessions were. */
  async email(user: AuthenticatedUser, invoiceId: string): Promise<Invoice> {
    await this.invoices.lock(user, invoiceId);
    const invoice = await this.invoices.described(user, invoiceId);
    if (invoice.status === 'draft' || !invoice.number) throw new InvoiceNotIssued();
    const to = invoice.payerDetails.email ?? (await this.currentPayerEmail(user.practiceId, invoice.payer.id));
    if (!to) throw new InvalidBilling(`${invoice.payerDetails.name} has no e-mail address: add one to the payer, or send the PDF another way.`);

    await this.scope.manager.query(`UPDATE invoices SET emailed_at = now() WHERE practice_id = $1 AND id = $2`, [user.practiceId, invoiceId]);
    await this.audit.record(user.practiceId, { action: 'invoice.email', recordType: 'invoice', recordId: invoiceId, caseId: invoice.caseId });
    const emailed = await this.invoices.described(user, invoiceId);
    await this.mail.send(
      to,
      invoiceMail({
        number: invoice.number,
        practiceName: invoice.practice.name,
        amount: formatMoney(invoice.corrects ? -invoice.total : invoice.outstanding, invoice.currency, 'en-US'),
        dueOn: invoice.dueOn && longDate(invoice.dueOn),
        paymentInstructions: invoice.practice.paymentInstructions,
        corrects: invoice.corrects?.number ?? null,
        pdf: await invoicePdf(emailed),
      }),
    );
    return emailed;
  }

  async pdf(user: AuthenticatedUser, invoiceId: string): Promise<{ fileName: string; pdf: Buffer }> {
    const invoice = await this.invoices.open(user, invoiceId);
    await this.audit.record(user.practiceId, { action: 'invoice.export', recordType: 'invoice', recordId: invoiceId, caseId: invoice.caseId });
    return { fileName: invoicePdfFileName(invoice), pdf: await invoicePdf(invoice) };
  }

  /** A person's e-mail may have been added since the invoice was issued. */
  private async currentPayerEmail(practiceId: string, payerId: string): Promise<string | null> {
    const [row]: { email: string | null }[] = await this.scope.manager.query(
      `SELECT coalesce(bp.email, pt.email) AS email FROM billing_payers bp
       LEFT JOIN participants pt ON pt.id = bp.participant_id AND pt.practice_id = bp.practice_id
       WHERE bp.practice_id = $1 AND bp.id = $2`,
      [practiceId, payerId],
    );
    return row?.email ?? null;
  }
}
