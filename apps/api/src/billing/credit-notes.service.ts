import { Injectable } from '@nestjs/common';
import { formatMoney, type Invoice } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { InvalidBilling, InvoiceNotIssued } from './billing.errors';
import type { ChargeRow } from './billing.queries';
import type { CreateCreditNoteDto } from './dto/invoice.dto';
import { InvoiceIssuingService } from './invoice-issuing.service';
import { InvoicesService } from './invoices.service';
import { PaymentsService } from './payments.service';

/** A line of the invoice a credit note may take from, and what of it no issued credit note has taken off yet. */
type CreditableLine = Pick<ChargeRow, 'id' | 'session_id' | 'service_id' | 'cpt_code' | 'description' | 'service_date' | 'amount'> & { remaining: number };

/**
 * An issued invoice is corrected, never changed: a credit note, numbered from the same
 * sequence and issued at once, carries negative `credit` lines against the invoice's lines.
 * When it leaves the invoice asking less than was paid on it, the surplus goes back to the
 * payments as the payer's unallocated credit.
 */
@Injectable()
export class CreditNotesService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly invoices: InvoicesService,
    private readonly issuing: InvoiceIssuingService,
    private readonly payments: PaymentsService,
    private readonly audit: AuditService,
  ) {}

  async create(user: AuthenticatedUser, invoiceId: string, request: CreateCreditNoteDto): Promise<Invoice> {
    const invoice = await this.invoices.lock(user, invoiceId);
    if (invoice.kind !== 'invoice') throw new InvalidBilling('A credit note corrects an invoice, not another credit note.');
    if (invoice.number === null) throw new InvoiceNotIssued();
    const lines = await this.creditableLines(user.practiceId, invoiceId);
    const credits = request.lines ? chosenCredits(lines, request.lines, invoice.currency) : lines.filter((line) => line.remaining !== 0).map((line) => ({ line, amount: line.remaining }));
    if (credits.reduce((sum, credit) => sum + credit.amount, 0) <= 0) throw new InvalidBilling('Everything on this invoice has already been credited.');

    const [{ id }]: { id: string }[] = await this.scope.manager.query(
      `INSERT INTO invoices (practice_id, case_id, payer_id, kind, status, corrects_invoice_id, reason, currency, created_by)
       SELECT practice_id, case_id, payer_id, 'credit-note', 'draft', id, $3, currency, $4 FROM invoices WHERE practice_id = $1 AND id = $2 RETURNING id`,
      [user.practiceId, invoiceId, request.reason, user.id],
    );
    await this.scope.manager.query(
      `INSERT INTO billing_charges (practice_id, case_id, payer_id, kind, session_id, service_id, cpt_code, description, service_date, amount, reason, invoice_id, credits_charge_id, created_by)
       SELECT $1, $2, $3, 'credit', c.session_id, c.service_id, c.cpt_code, c.description, c.service_date, -credit.amount, $4, $5, c.id, $6
       FROM unnest($7::uuid[], $8::int[]) AS credit(charge_id, amount)
       JOIN billing_charges c ON c.id = credit.charge_id AND c.practice_id = $1`,
      [
        user.practiceId,
        invoice.case_id,
        invoice.payer_id,
        request.reason,
        id,
        user.id,
        credits.map((credit) => credit.line.id),
        credits.map((credit) => credit.amount),
      ],
    );
    await this.issuing.stamp(user, id);

    const [{ outstanding }]: { outstanding: number }[] = await this.scope.manager.query(
      `SELECT outstanding FROM invoice_amounts WHERE practice_id = $1 AND invoice_id = $2`,
      [user.practiceId, invoiceId],
    );
    if (outstanding < 0) await this.payments.takeBackFromInvoice(user.practiceId, invoiceId, -outstanding);
    await this.audit.record(user.practiceId, { action: 'invoice.credit-note', recordType: 'invoice', recordId: id, caseId: invoice.case_id });
    return this.invoices.described(user, id);
  }

  private creditableLines(practiceId: string, invoiceId: string): Promise<CreditableLine[]> {
    return this.scope.manager.query(
      `SELECT c.id, c.session_id, c.service_id, c.cpt_code, c.description, to_char(c.service_date, 'YYYY-MM-DD') AS service_date, c.amount,
              (c.amount + coalesce((
                SELECT sum(k.amount) FROM billing_charges k JOIN invoices n ON n.id = k.invoice_id AND n.practice_id = k.practice_id
                WHERE k.practice_id = c.practice_id AND k.credits_charge_id = c.id AND n.status = 'issued'), 0))::int AS remaining
       FROM billing_charges c WHERE c.practice_id = $1 AND c.invoice_id = $2 ORDER BY c.service_date, c.created_at, c.id`,
      [practiceId, invoiceId],
    );
  }
}

/** Each chosen line once, a line of this invoice, and no more than it has left to credit. */
function chosenCredits(lines: CreditableLine[], chosen: { chargeId: string; amount: number }[], currency: string): { line: CreditableLine; amount: number }[] {
  const money = (amount: number) => formatMoney(amount, currency, 'en-US');
  const byId = new Map(lines.map((line) => [line.id, line]));
  const seen = new Set<string>();
  const problems: string[] = [];
  const credits = chosen.flatMap((choice) => {
    const line = byId.get(choice.chargeId);
    if (!line) problems.push(`lines.chargeId: ${choice.chargeId} is not a line of this invoice.`);
    else if (seen.has(line.id)) problems.push(`lines.chargeId: "${line.description}" is listed twice.`);
    else if (choice.amount > line.remaining) {
      problems.push(`lines.amount: "${line.description}" on ${line.service_date} has ${money(Math.max(line.remaining, 0))} left to credit, less than ${money(choice.amount)}.`);
    } else {
      seen.add(line.id);
      return [{ line, amount: choice.amount }];
    }
    return [];
  });
  if (problems.length > 0) throw new InvalidBilling(problems);
  return credits;
}
