import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CPT_CODE_PATTERN, MAX_BILLING_TEXT, type CreateBillingServiceRequest, type SessionKind, type UpdateBillingServiceRequest } from '@trustwork/contracts';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { QueryFlagField } from '../../common/dto-fields';
import { AmountField, BillingTextField, ClearableCodeField, Required, UnlessLeftOut } from './billing-fields';

const SESSION_KINDS: SessionKind[] = ['joint', 'individual'];
const DURATION_RANGE = 'defaultDurationMinutes must be a whole number of minutes from 5 to 480';

export class CreateBillingServiceDto implements CreateBillingServiceRequest {
  @BillingTextField('name', MAX_BILLING_TEXT)
  name: string;

  @ClearableCodeField('cptCode', CPT_CODE_PATTERN, 'a CPT code: five characters, such as 90847')
  cptCode?: string | null;

  @ApiProperty({ enum: SESSION_KINDS })
  @IsIn(SESSION_KINDS, { message: 'sessionKind must be "joint" or "individual"' })
  @Required('sessionKind')
  sessionKind: SessionKind;

  @ApiProperty({ minimum: 5, maximum: 480, example: 50 })
  @Max(480, { message: DURATION_RANGE })
  @Min(5, { message: DURATION_RANGE })
  @IsInt({ message: DURATION_RANGE })
  @Required('defaultDurationMinutes')
  defaultDurationMinutes: number;

  @AmountField('fee')
  fee: number;
}

export class UpdateBillingServiceDto extends PartialType(CreateBillingServiceDto) implements UpdateBillingServiceRequest {
  /** Archived services stay on past charges but no longer charge new sessions. */
  @ApiPropertyOptional()
  @UnlessLeftOut()
  @IsBoolean({ message: 'archived must be true or false' })
  archived?: boolean;
}

export class BillingServicesQueryDto {
  @QueryFlagField('includeArchived', 'also list archived services')
  includeArchived?: boolean;
}
