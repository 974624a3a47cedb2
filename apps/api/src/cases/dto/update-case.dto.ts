import { ApiPropertyOptional } from '@nestjs/swagger';
import { RELATIONSHIP_TYPES, type CaseStatus, type RelationshipType, type UpdateCaseRequest } from '@trustwork/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { ClinicianIdsField, PhaseField, PresentingConcernField, StatusField } from './case-fields';
import { ParticipantUpdateDto } from './participant.dto';

export class UpdateCaseDto implements UpdateCaseRequest {
  @ApiPropertyOptional({ enum: RELATIONSHIP_TYPES })
  @IsOptional()
  @IsIn(RELATIONSHIP_TYPES, { message: `relationshipType must be one of: ${RELATIONSHIP_TYPES.join(', ')}` })
  relationshipType?: RelationshipType;

  @PresentingConcernField()
  presentingConcern?: string | null;

  @StatusField()
  status?: CaseStatus;

  @PhaseField()
  phase?: number;

  @ClinicianIdsField()
  clinicianIds?: string[];

  @ApiPropertyOptional({ type: [ParticipantUpdateDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ParticipantUpdateDto)
  @ArrayMaxSize(2, { message: 'participants can list at most the case’s two people' })
  @IsArray({ message: 'participants must be a list' })
  participants?: ParticipantUpdateDto[];
}
