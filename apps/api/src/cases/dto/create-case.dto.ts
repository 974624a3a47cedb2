import { ApiProperty } from '@nestjs/swagger';
import { RELATIONSHIP_TYPES, type CaseStatus, type CreateCaseRequest, type RelationshipType } from '@trustwork/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import { AgreementIdField, AgreementIdsField } from '../../agreements/dto/agreement-fields';
import { ClinicianIdsField, PhaseField, PresentingConcernField, StatusField } from './case-fields';
import { ParticipantInputDto } from './participant.dto';

export class CreateCaseDto implements CreateCaseRequest {
  @ApiProperty({ enum: RELATIONSHIP_TYPES })
  @IsIn(RELATIONSHIP_TYPES, { message: `relationshipType must be one of: ${RELATIONSHIP_TYPES.join(', ')}` })
  relationshipType: RelationshipType;

  @PresentingConcernField()
  presentingConcern?: string | null;

  @PhaseField()
  phase?: number;

  @StatusField()
  status?: CaseStatus;

  @ClinicianIdsField()
  clinicianIds?: string[];

  @ApiProperty({ type: [ParticipantInputDto], minItems: 2, maxItems: 2 })
  @ValidateNested({ each: true })
  @Type(() => ParticipantInputDto)
  @ArrayMaxSize(2, { message: 'participants must list exactly two people' })
  @ArrayMinSize(2, { message: 'participants must list exactly two people' })
  @IsArray({ message: 'participants must list exactly two people' })
  participants: ParticipantInputDto[];

  /** The agreement stating the case's confidentiality policy; left out, the case has none yet. */
  @AgreementIdField('confidentialityPolicyId', { optional: true })
  confidentialityPolicyId?: string;

  /** The agreements both people sign besides the policy's; DEFAULT_CASE_AGREEMENT_IDS when left out. */
  @AgreementIdsField('agreementIds', { optional: true })
  agreementIds?: string[];
}
