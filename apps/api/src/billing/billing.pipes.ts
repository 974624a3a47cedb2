import { recordIdPipe } from '../common/record-id-pipe';
import { BillingParticipantNotFound, BillingServiceNotFound, ChargeNotFound, InvoiceNotFound, PayerNotFound, PaymentNotFound } from './billing.errors';

/** Ids that are not even UUIDs cannot exist: 404 like any unknown record. */
export const BillingServiceIdPipe = recordIdPipe(() => new BillingServiceNotFound());
export const PayerIdPipe = recordIdPipe(() => new PayerNotFound());
export const ChargeIdPipe = recordIdPipe(() => new ChargeNotFound());
export const InvoiceIdPipe = recordIdPipe(() => new InvoiceNotFound());
export const PaymentIdPipe = recordIdPipe(() => new PaymentNotFound());
export const BillingParticipantIdPipe = recordIdPipe(() => new BillingParticipantNotFound());
