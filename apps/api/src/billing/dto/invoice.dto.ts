import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_BILLING_REASON, type CreateCreditNoteRequest, type CreateInvoiceRequest, type UpdateInvoiceRequest } from '@trustwork/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { AmountField, BillingTextField, Required } from './billing-fields';

/** Enough for years of weekly sessions with fees on one invoice, well short of straining one statement. */
export const MAX_INVOICE_LINES = 200;

const ChargeIdsField = ({ optional }: { optional: boolean }) => {
  const message = 'chargeIds must list ids of charges of this case';
  return applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ type: [String], description: optional ? 'left out: every charge to the payer not on an invoice yet' : undefined }),
    ...(optional ? [IsOptional()] : []),
    IsUUID('loose', { each: true, message }),
    ArrayMaxSize(MAX_INVOICE_LINES, { message: `chargeIds may list at most ${MAX_INVOICE_LINES} charges` }),
    ArrayMinSize(1, {
      message: optional ? 'chargeIds must list at least one charge; leave it out to invoice every charge not on an invoice yet' : 'chargeIds must list at least one charge; delete the draft instead',
    }),
    IsArray({ message }),
    ...(optional ? [] : [Required('chargeIds')]),
  );
};

export class CreateInvoiceDto implements CreateInvoiceRequest {
  @ApiProperty({ description: 'the payer of the case the invoice is addressed to' })
  @IsUUID('loose', { message: 'payerId must be one of the payers of this case' })
  @Required('payerId')
  payerId: string;

  @ChargeIdsField({ optional: true })
  chargeIds?: string[];
}

export class UpdateInvoiceDto implements UpdateInvoiceRequest {
  @ChargeIdsField({ optional: false })
  chargeIds: string[];
}

export class CreditNoteLineDto {
  @ApiProperty()
  @IsUUID('loose', { message: 'lines.chargeId must be a line of the invoice' })
  @Required('lines.chargeId')
  chargeId: string;

  @AmountField('lines.amount', { min: 1 })
  amount: number;
}

export class CreateCreditNoteDto implements CreateCreditNoteRequest {
  @BillingTextField('reason', MAX_BILLING_REASON)
  reason: string;

  @ApiPropertyOptional({ type: [CreditNoteLineDto], description: 'left out: every line is credited with what it has not been credited yet' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => CreditNoteLineDto)
  @ArrayMaxSize(MAX_INVOICE_LINES, { message: `lines may list at most ${MAX_INVOICE_LINES} lines` })
  @ArrayMinSize(1, { message: 'lines must list at least one line; leave it out to credit the whole invoice' })
  @IsArray({ message: 'lines must be a list of the lines to credit' })
  lines?: CreditNoteLineDto[];
}
