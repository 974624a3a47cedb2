import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES } from '@trustwork/contracts';
import { LAST_PHASE } from '@trustwork/trust-program';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export const PhaseField = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: LAST_PHASE }),
    IsOptional(),
    IsInt({ message: `phase must be a whole number from 1 to ${LAST_PHASE}` }),
    Min(1, { message: `phase must be a whole number from 1 to ${LAST_PHASE}` }),
    Max(LAST_PHASE, { message: `phase must be a whole number from 1 to ${LAST_PHASE}` }),
  );

export const StatusField = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: CASE_STATUSES }),
    IsOptional(),
    IsIn(CASE_STATUSES, { message: `status must be one of: ${CASE_STATUSES.join(', ')}` }),
  );

export const PresentingConcernField = () =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, maxLength: 4000 }),
    IsOptional(),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value)),
    IsString({ message: 'presentingConcern must be text' }),
    MaxLength(4000, { message: 'presentingConcern must be at most 4000 characters' }),
  );

export const ClinicianIdsField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String] }),
    IsOptional(),
    IsArray({ message: 'clinicianIds must be a list of team member ids' }),
    ArrayMaxSize(10, { message: 'clinicianIds can name at most 10 clinicians' }),
    IsUUID('loose', { each: true, message: 'clinicianIds must be a list of team member ids' }),
  );
