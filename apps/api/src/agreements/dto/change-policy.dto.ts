import { ApiPropertyOptional } from '@nestjs/swagger';
import { POLICY_CHANGE_REASON_MAX, type ChangeConfidentialityPolicyRequest } from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AgreementIdField } from './agreement-fields';

export class ChangePolicyDto implements ChangeConfidentialityPolicyRequest {
  @AgreementIdField('agreementId')
  agreementId: string;

  @ApiPropertyOptional({ maxLength: POLICY_CHANGE_REASON_MAX, description: 'required once the case has a policy' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @MaxLength(POLICY_CHANGE_REASON_MAX, { message: `reason must be at most ${POLICY_CHANGE_REASON_MAX} characters` })
  @IsString({ message: 'reason must be text' })
  reason?: string;
}
