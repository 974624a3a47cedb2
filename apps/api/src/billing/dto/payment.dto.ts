import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_BILLING_REASON, MAX_BILLING_TEXT, PAYMENT_METHODS, type PaymentMethod, type RecordPaymentRequest, type RefundPaymentRequest } from '@trustwork/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { AmountField, BillingTextField, ClearableTextField, DateField, Required } from './billing-fields';
import { MAX_INVOICE_LINES } from './invoice.dto';

export class PaymentAllocationDto {
  @ApiProperty()
  @IsUUID('loose', { message: 'allocations.invoiceId must be an issued invoice to this payer' })
  @Required('allocations.invoiceId')
  invoiceId: string;

  @AmountField('allocations.amount', { min: 1 })
  amount: number;
}

export class RecordPaymentDto implements RecordPaymentRequest {
  @ApiProperty()
  @IsUUID('loose', { message: 'payerId must be one of the payers of this case' })
  @Required('payerId')
  payerId: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS, { message: `method must be one of: ${PAYMENT_METHODS.join(', ')}` })
  @Required('method')
  method: PaymentMethod;

  @AmountField('amount', { min: 1 })
  amount: number;

  @DateField('receivedOn')
  receivedOn: string;

  @ClearableTextField('reference', MAX_BILLING_TEXT)
  reference?: string | null;

  @ApiPropertyOptional({ type: [PaymentAllocationDto], description: 'left out: the payer’s oldest outstanding invoices are paid first' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => PaymentAllocationDto)
  @ArrayMaxSize(MAX_INVOICE_LINES, { message: `allocations may list at most ${MAX_INVOICE_LINES} invoices` })
  @ArrayMinSize(1, { message: 'allocations must list at least one invoice; leave it out to pay the oldest invoices first' })
  @IsArray({ message: 'allocations must be a list of invoices and amounts' })
  allocations?: PaymentAllocationDto[];
}

export class RefundPaymentDto implements RefundPaymentRequest {
  @AmountField('amount', { min: 1 })
  amount: number;

  @DateField('refundedOn')
  refundedOn: string;

  @BillingTextField('reason', MAX_BILLING_REASON)
  reason: string;
}
