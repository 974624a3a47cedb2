import { DateField } from './billing-fields';

/** A period of whole days in the practice's time zone, both ends included; the service checks their order and span. */
export class BillingPeriodQueryDto {
  @DateField('from')
  from: string;

  @DateField('to')
  to: string;
}
