import { DateField } from './billing-fields';

/**
 * A period of whole days in the practice's time zone, both ends included; left out, from the
 * first of January to today. The service checks their order and span.
 */
export class BillingPeriodQueryDto {
  @DateField('from', { optional: true })
  from?: string;

  @DateField('to', { optional: true })
  to?: string;
}
