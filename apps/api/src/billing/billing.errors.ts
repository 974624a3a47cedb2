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

/** Amounts already issued are in the old currency: switching would misstate them. */
export class CurrencyLocked extends ConflictError {
  constructor() {
    super('The currency cannot be changed once an invoice has been issued: issued amounts are in the current currency.');
  }
}

export class ClinicianNotFound extends NotFoundError {
  constructor() {
    super('No clinician with that id in this practice.');
  }
}

export class BillingParticipantNotFound extends NotFoundError {
  constructor() {
    super('No person with that id in your caseload.');
  }
}

/** E-mailing, crediting or paying a draft: it has no number and asks nothing of anyone yet. */
export class InvoiceNotIssued extends ConflictError {
  constructor() {
    super('This invoice is still a draft. Issue it first.');
  }
}
