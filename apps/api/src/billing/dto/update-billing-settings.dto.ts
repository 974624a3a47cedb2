import { ApiPropertyOptional } from '@nestjs/swagger';
import { NPI_PATTERN, PAYMENT_TERMS_DAYS, type UpdateBillingSettingsRequest } from '@trustwork/contracts';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { AmountField, ClearableCodeField, ClearableTextField, UnlessLeftOut } from './billing-fields';

const TERMS_RANGE = `paymentTermsDays must be a whole number of days from ${PAYMENT_TERMS_DAYS.min} to ${PAYMENT_TERMS_DAYS.max}`;
const CURRENCY_MESSAGE = 'currency must be a three-letter ISO 4217 code such as USD, EUR or GBP';

export class UpdateBillingSettingsDto implements UpdateBillingSettingsRequest {
  /** Checked against the runtime's currencies in the service (one message for an unknown code). */
  @ApiPropertyOptional({ example: 'USD', pattern: '^[A-Z]{3}$' })
  @UnlessLeftOut()
  @Matches(/^[A-Z]{3}$/, { message: CURRENCY_MESSAGE })
  @IsString({ message: CURRENCY_MESSAGE })
  currency?: string;

  @ClearableTextField('taxId', 40)
  taxId?: string | null;

  @ClearableCodeField('npi', NPI_PATTERN, 'ten digits')
  npi?: string | null;

  /** null: no fee. */
  @IsOptional()
  @AmountField('lateCancellationFee', { optional: true })
  lateCancellationFee?: number | null;

  @IsOptional()
  @AmountField('noShowFee', { optional: true })
  noShowFee?: number | null;

  @ApiPropertyOptional({ minimum: PAYMENT_TERMS_DAYS.min, maximum: PAYMENT_TERMS_DAYS.max, example: PAYMENT_TERMS_DAYS.default })
  @UnlessLeftOut()
  @Max(PAYMENT_TERMS_DAYS.max, { message: TERMS_RANGE })
  @Min(PAYMENT_TERMS_DAYS.min, { message: TERMS_RANGE })
  @IsInt({ message: TERMS_RANGE })
  paymentTermsDays?: number;

  @ClearableTextField('paymentInstructions', 500)
  paymentInstructions?: string | null;
}
