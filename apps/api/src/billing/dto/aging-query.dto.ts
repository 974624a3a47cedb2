import { DateField } from './billing-fields';

/** The day the aging report counts to; left out, today in the practice's time zone. */
export class AgingQueryDto {
  @DateField('asOf', { optional: true })
  asOf?: string;
}
