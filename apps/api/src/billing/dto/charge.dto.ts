import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MANUAL_CHARGE_KINDS, MAX_AMOUNT_MINOR, MAX_BILLING_TEXT, MAX_BILLING_REASON, type ChargeKind, type CreateChargeRequest, type UpdateChargeRequest } from '@trustwork/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { QueryFlagField } from '../../common/dto-fields';
import { AmountField, BillingTextField, ClearableTextField, DateField, Required, UnlessLeftOut } from './billing-fields';

/** The sign rule (only an adjustment may be negative) is the service's, which knows the kind. */
const SIGNED = { min: -MAX_AMOUNT_MINOR };

const OptionalId = (field: string, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description }),
    IsOptional(),
    IsUUID('loose', { message: `${field} must be an id, or null for none` }),
  );

export class CreateChargeDto implements CreateChargeRequest {
  @ApiProperty({ enum: MANUAL_CHARGE_KINDS })
  @IsIn(MANUAL_CHARGE_KINDS, { message: `kind must be one of: ${MANUAL_CHARGE_KINDS.join(', ')}` })
  @Required('kind')
  kind: ChargeKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('loose', { message: 'payerId must be the id of one of the case’s payers' })
  @Required('payerId')
  payerId: string;

  @BillingTextField('description', MAX_BILLING_TEXT)
  description: string;

  @DateField('serviceDate')
  serviceDate: string;

  @AmountField('amount', SIGNED)
  amount: number;

  @ClearableTextField('reason', MAX_BILLING_REASON)
  reason?: string | null;

  @OptionalId('sessionId', 'a session of this case')
  sessionId?: string | null;

  @OptionalId('serviceId', 'the service charged for; fills the CPT code')
  serviceId?: string | null;
}

export class UpdateChargeDto implements UpdateChargeRequest {
  @BillingTextField('description', MAX_BILLING_TEXT, { optional: true })
  description?: string;

  @DateField('serviceDate', { optional: true })
  serviceDate?: string;

  @AmountField('amount', { ...SIGNED, optional: true })
  amount?: number;

  @OptionalId('serviceId', 'the service charged for; fills the CPT code')
  serviceId?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @UnlessLeftOut()
  @IsUUID('loose', { message: 'payerId must be the id of one of the case’s payers' })
  payerId?: string;

  @ClearableTextField('reason', MAX_BILLING_REASON)
  reason?: string | null;
}

export class ChargesQueryDto {
  @QueryFlagField('uninvoiced', 'only charges not yet on an issued invoice')
  uninvoiced?: boolean;
}
