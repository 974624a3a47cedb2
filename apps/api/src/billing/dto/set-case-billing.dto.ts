import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_BILLING_TEXT, PAYER_ARRANGEMENTS, type PayerArrangement, type PayerShare, type SetCaseBillingRequest, type ThirdPartyPayerDetails } from '@trustwork/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { BillingTextField, ClearableTextField, Required, UnlessLeftOut } from './billing-fields';

const PERCENT_RANGE = 'percent must be a whole number from 1 to 99';

export class PayerShareDto implements PayerShare {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('loose', { message: 'participantId must be the id of one of the case’s people' })
  @Required('participantId')
  participantId: string;

  @ApiProperty({ minimum: 1, maximum: 99, example: 50 })
  @IsInt({ message: PERCENT_RANGE })
  @Required('percent')
  percent: number;
}

export class ThirdPartyPayerDto implements ThirdPartyPayerDetails {
  @BillingTextField('name', MAX_BILLING_TEXT)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 254 })
  @IsOptional()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @IsEmail({}, { message: 'email must be a valid e-mail address, or null for none' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() || null : value))
  email: string | null;

  @ClearableTextField('address', MAX_BILLING_TEXT)
  address: string | null;
}

export class SetCaseBillingDto implements SetCaseBillingRequest {
  @ApiProperty({ enum: PAYER_ARRANGEMENTS })
  @IsIn(PAYER_ARRANGEMENTS, { message: `arrangement must be one of: ${PAYER_ARRANGEMENTS.join(', ')}` })
  @Required('arrangement')
  arrangement: PayerArrangement;

  @ApiPropertyOptional({ format: 'uuid', description: 'one-person: who pays' })
  @UnlessLeftOut()
  @IsUUID('loose', { message: 'payerParticipantId must be the id of one of the case’s people' })
  payerParticipantId?: string;

  @ApiPropertyOptional({ type: [PayerShareDto], description: 'shared: one share per person of the case' })
  @UnlessLeftOut()
  @ValidateNested({ each: true })
  @Type(() => PayerShareDto)
  @ArrayMaxSize(2, { message: 'shares must list one share per person of the case' })
  @IsArray({ message: 'shares must be a list of { participantId, percent }' })
  shares?: PayerShareDto[];

  @ApiPropertyOptional({ type: ThirdPartyPayerDto, description: 'third-party: who pays' })
  @UnlessLeftOut()
  @ValidateNested()
  @Type(() => ThirdPartyPayerDto)
  thirdParty?: ThirdPartyPayerDto;

  @ApiPropertyOptional({ default: true })
  @UnlessLeftOut()
  @IsBoolean({ message: 'individualSessionsToOwnPerson must be true or false' })
  individualSessionsToOwnPerson?: boolean;
}
