import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_STATUSES,
  CASELOAD_SORTS,
  RELATIONSHIP_TYPES,
  type CaseloadQuery,
  type CaseloadSort,
  type CaseStatus,
  type RelationshipType,
} from '@trustwork/contracts';
import { LAST_PHASE } from '@trustwork/trust-program';
import { Transform, Type } from 'class-transformer';
import { QueryFlagField } from '../../common/dto-fields';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/dto-pagination';

export class CaseloadQueryDto extends PageQueryDto implements CaseloadQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `status must be one of: ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: LAST_PHASE })
  @IsOptional()
  @Type(() => Number)
  @Max(LAST_PHASE, { message: `phase must be a whole number from 1 to ${LAST_PHASE}` })
  @Min(1, { message: `phase must be a whole number from 1 to ${LAST_PHASE}` })
  @IsInt({ message: `phase must be a whole number from 1 to ${LAST_PHASE}` })
  phase?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('loose', { message: 'clinicianId must be a team member id' })
  clinicianId?: string;

  @ApiPropertyOptional({ enum: RELATIONSHIP_TYPES })
  @IsOptional()
  @IsIn(RELATIONSHIP_TYPES, { message: `relationshipType must be one of: ${RELATIONSHIP_TYPES.join(', ')}` })
  relationshipType?: RelationshipType;

  @ApiPropertyOptional({ description: 'part of either participant’s name' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(100, { message: 'search must be at most 100 characters' })
  @IsString({ message: 'search must be text' })
  search?: string;

  @ApiPropertyOptional({
    enum: CASELOAD_SORTS,
    default: 'updated',
    description: 'attention: open safety reports, then other open alerts, then most recently changed; a role that may not see alerts gets the updated order',
  })
  @IsOptional()
  @IsIn(CASELOAD_SORTS, { message: `sort must be one of: ${CASELOAD_SORTS.join(', ')}` })
  sort?: CaseloadSort;

  @QueryFlagField('attention', 'only cases with open alerts')
  attention?: boolean;
}
