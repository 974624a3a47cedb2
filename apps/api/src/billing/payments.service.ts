import { Injectable } from '@nestjs/common';
import { formatMoney, invoiceNumberLabel, type Payment } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { CaseNotFound } from '../cases/cases.errors';
import { InvalidBilling, PaymentNotFound } from './billing.errors';
import { readBillingSettings } from './billing.queries';
import type { RecordPaymentDto, RefundPaymentDto } from './dto/payment.dto';
import { payerOfCase, practiceToday } from './invoices.queries';
import { PaymentProcessors } from './payment-processors';
import { casePayments, heldAllocations, lockPayerInvoices, readPayment, takeInOrder, type OutstandingInvoice } from './payments.queries';

interface Allocation {
  invoiceId: string;
  amount: number;
}

/**
 * Money received from a payer and put on their invoices (oldest first unless told which),
 * and refunds of it. What no invoice holds stays the payer's unallocated credit. Money is
 * taken back off invoices newest first: by a refund, or when a credit note leaves an invoice overpaid.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly cases: CaseAccess,
    private readonly audit: AuditService,
    private readonly processors: PaymentProcessors,
  ) {}

  async list(user: AuthenticatedUser, caseId: string): Promise<Payment[]> {
    await this.cases.open(user, caseId);
    const payments = await casePayments(this.scope.manager, user.practiceId, caseId);
    await this.audit.recordList(user.practiceId, { action: 'payment.list', recordType: 'payment', recordIds: payments.map((payment) => payment.id), caseIds: [caseId] });
    return payments;
  }

  async record(user: AuthenticatedUser, caseId: string, request: RecordPaymentDto): Promise<Payment> {
    await this.cases.open(user, caseId);
    if ((await payerOfCase(this.scope.manager, user.practiceId, caseId, request.payerId)) === null) {
      throw new InvalidBilling('payerId must be one of the payers of this case.');
    }
    await this.refuseFuture(user.practiceId, 'receivedOn', request.receivedOn);
    const invoices = await lockPayerInvoices(this.scope.manager, user.practiceId, request.payerId);
    const allocations = request.allocations
      ? checkAllocations(invoices, request.allocations, request.amount, await this.currency(user.practiceId))
      : oldestFirst(invoices, request.amount);

    const processor = this.processors.forMethod(request.method);
    const receipt = await processor.record({ practiceId: user.practiceId, payerId: request.payerId, method: request.method, amount: request.amount, reference: request.reference ?? null });
    const [{ id }]: { id: string }[] = await this.scope.manager.query(
      `INSERT INTO payments (practice_id, case_id, payer_id, kind, method, amount, received_on, reference, processor, processor_reference, created_by)
       VALUES ($1, $2, $3, 'payment', $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [user.practiceId, caseId, request.payerId, request.method, request.amount, request.receivedOn, request.reference ?? null, processor.key, receipt.reference, user.id],
    );
    await this.allocate(user.practiceId, id, allocations);
    await this.audit.record(user.practiceId, { action: 'payment.create', recordType: 'payment', recordId: id, caseId });
    return this.described(user, id);
  }

  /** Money given back: first what no invoice holds, then off its invoices, newest first. */
  async refund(user: AuthenticatedUser, paymentId: string, request: RefundPaymentDto): Promise<Payment> {
    const [payment]: {
      case_id: string;
      payer_id: string;
      kind: string;
      method: Payment['method'];
      received_on: string;
      processor: string;
      processor_reference: string | null;
    }[] = await this.scope.manager.query(
      `SELECT case_id, payer_id, kind, method, to_char(received_on, 'YYYY-MM-DD') AS received_on, processor, processor_reference
       FROM payments WHERE practice_id = $1 AND id = $2 FOR UPDATE`,
      [user.practiceId, paymentId],
    );
    if (!payment) throw new PaymentNotFound();
    await this.cases.open(user, payment.case_id).catch((error: unknown) => {
      throw error instanceof CaseNotFound ? new PaymentNotFound() : error;
    });
    if (payment.kind !== 'payment') throw new InvalidBilling('A refund gives back money of a payment; this is already a refund.');
    await this.refuseFuture(user.practiceId, 'refundedOn', request.refundedOn);
    if (request.refundedOn < payment.received_on) throw new InvalidBilling(`refundedOn cannot be before the payment was received, on ${payment.received_on}.`);
    const current = await this.described(user, paymentId);
    const refundable = current.amount - current.refunded;
    if (request.amount > refundable) {
      const money = moneyIn(await this.currency(user.practiceId));
      throw new InvalidBilling(
        `amount must be at most ${money(refundable)}: the payment was ${money(current.amount)} and ${money(current.refunded)} of it has already been refunded.`,
      );
    }

    const fromInvoices = request.amount - Math.min(current.unallocated, request.amount);
    const taken = takeInOrder(await heldAllocations(this.scope.manager, user.practiceId, { paymentId }), fromInvoices);
    const processor = this.processors.byKey(payment.processor);
    const receipt = await processor.refund({
      practiceId: user.practiceId,
      payerId: payment.payer_id,
      method: payment.method,
      amount: request.amount,
      reference: null,
      paymentReference: payment.processor_reference,
    });
    const [{ id }]: { id: string }[] = await this.scope.manager.query(
      `INSERT INTO payments (practice_id, case_id, payer_id, kind, method, amount, received_on, reason, refund_of_payment_id, processor, processor_reference, created_by)
       VALUES ($1, $2, $3, 'refund', $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [user.practiceId, payment.case_id, payment.payer_id, payment.method, request.amount, request.refundedOn, request.reason, paymentId, processor.key, receipt.reference, user.id],
    );
    await this.allocate(
      user.practiceId,
      id,
      taken.map((entry) => ({ invoiceId: entry.invoice_id, amount: -entry.take })),
    );
    await this.audit.record(user.practiceId, { action: 'payment.refund', recordType: 'payment', recordId: id, caseId: payment.case_id });
    return this.described(user, id);
  }

  /**
   * A credit note left `amount` more paid on the invoice than it now asks: that money goes back
   * to the payments (newest first) as their unallocated credit. The caller holds the invoice's lock.
   */
  async takeBackFromInvoice(practiceId: string, invoiceId: string, amount: number): Promise<void> {
    const taken = takeInOrder(await heldAllocations(this.scope.manager, practiceId, { invoiceId }), amount);
    for (const entry of taken) await this.allocate(practiceId, entry.payment_id, [{ invoiceId, amount: -entry.take }]);
  }

  private async described(user: AuthenticatedUser, paymentId: string): Promise<Payment> {
    const payment = await readPayment(this.scope.manager, user.practiceId, paymentId);
    if (!payment) throw new PaymentNotFound();
    return payment;
  }

  private async allocate(practiceId: string, paymentId: string, allocations: Allocation[]): Promise<void> {
    if (allocations.length === 0) return;
    await this.scope.manager.query(
      `INSERT INTO payment_allocations (practice_id, payment_id, invoice_id, amount)
       SELECT $1, $2, allocation.invoice_id, allocation.amount FROM unnest($3::uuid[], $4::int[]) AS allocation(invoice_id, amount)`,
      [practiceId, paymentId, allocations.map((allocation) => allocation.invoiceId), allocations.map((allocation) => allocation.amount)],
    );
  }

  private async currency(practiceId: string): Promise<string> {
    return (await readBillingSettings(this.scope.manager, practiceId)).currency;
  }

  private async refuseFuture(practiceId: string, field: string, date: string): Promise<void> {
    const today = await practiceToday(this.scope.manager, practiceId);
    if (date > today) throw new InvalidBilling(`${field} cannot be in the future: today is ${today} where the practice is.`);
  }
}

const moneyIn = (currency: string) => (amount: number) => formatMoney(amount, currency, 'en-US');

/** Pays the oldest invoices first; whatever is left stays unallocated. */
function oldestFirst(invoices: OutstandingInvoice[], amount: number): Allocation[] {
  return takeInOrder(
    invoices.map((invoice) => ({ invoiceId: invoice.id, amount: invoice.outstanding })),
    amount,
  ).map((entry) => ({ invoiceId: entry.invoiceId, amount: entry.take }));
}

/** Each to an issued invoice of this payer, at most what it still asks, and together at most the payment. */
function checkAllocations(invoices: OutstandingInvoice[], allocations: Allocation[], amount: number, currency: string): Allocation[] {
  const money = moneyIn(currency);
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const seen = new Set<string>();
  const problems = allocations.flatMap((allocation) => {
    const invoice = byId.get(allocation.invoiceId);
    if (!invoice) return [`allocations: ${allocation.invoiceId} is not an issued invoice to this payer.`];
    if (seen.has(allocation.invoiceId)) return [`allocations: invoice ${invoiceNumberLabel('invoice', invoice.number)} is listed twice.`];
    seen.add(allocation.invoiceId);
    if (allocation.amount > invoice.outstanding) {
      return [`allocations.amount: ${money(allocation.amount)} is more than the ${money(invoice.outstanding)} still due on ${invoiceNumberLabel('invoice', invoice.number)}.`];
    }
    return [];
  });
  const total = allocations.reduce((sum, allocation) => sum + allocation.amount, 0);
  if (total > amount) problems.push(`allocations: together they come to ${money(total)}, more than the payment of ${money(amount)}.`);
  if (problems.length > 0) throw new InvalidBilling(problems);
  return allocations.map((allocation) => ({ invoiceId: allocation.invoiceId, amount: allocation.amount }));
}
