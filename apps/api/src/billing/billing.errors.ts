import { ConflictError, InvalidRequest, NotFoundError } from '../common/errors/domain-error';

export class BillingServiceNotFound extends NotFoundError {
  constructor() {
    super('No service with that id in this practice.');
  }
}

export class PayerNotFound extends NotFoundError {
  constructor() {
    super('No payer with that id in your caseload.');
  }
}

export class ChargeNotFound extends NotFoundError {
  constructor() {
    super('No charge with that id in your caseload.');
  }
}

export class InvoiceNotFound extends NotFoundError {
  constructor() {
    super('No invoice with that id in your caseload.');
  }
}

export class PaymentNotFound extends NotFoundError {
  constructor() {
    super('No payment with that id in your caseload.');
  }
}

/** A billing request that names a wrong amount, date, code or payer; one message per field. */
export class InvalidBilling extends InvalidRequest {}

/** An issued invoice (or a charge on one) is never changed: a credit note corrects it. */
export class InvoiceAlreadyIssued extends ConflictError {
  constructor(number: string) {
    super(`Invoice ${number} has been issued, so it can no longer be changed. Issue a credit note to correct it.`);
  }
}
