import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Longer than `builtin:` and any key, or a UUID; whether it names an agreement is the service's check. */
const AGREEMENT_ID_MAX = 80;
/** More than any case needs; keeps a hostile list short. */
const CASE_AGREEMENTS_MAX = 20;

const describeId = '`builtin:<key>` for a built-in agreement, else the practice agreement’s id';

export const AgreementIdField = (label: string, options: { optional?: boolean } = {}) =>
  applyDecorators(
    ...(options.optional ? [ApiPropertyOptional({ description: describeId }), IsOptional()] : [ApiProperty({ description: describeId })]),
    MaxLength(AGREEMENT_ID_MAX, { message: `${label} must be an agreement id` }),
    IsString({ message: `${label} must be an agreement id` }),
    IsNotEmpty({ message: `${label} is required` }),
  );

export const AgreementIdsField = (label: string, options: { optional?: boolean } = {}) =>
  applyDecorators(
    ...(options.optional ? [ApiPropertyOptional({ type: [String], description: describeId }), IsOptional()] : [ApiProperty({ type: [String], description: describeId })]),
    MaxLength(AGREEMENT_ID_MAX, { each: true, message: `${label} must be a list of agreement ids` }),
    IsString({ each: true, message: `${label} must be a list of agreement ids` }),
    ArrayMaxSize(CASE_AGREEMENTS_MAX, { message: `${label} can name at most ${CASE_AGREEMENTS_MAX} agreements` }),
    IsArray({ message: `${label} must be a list of agreement ids` }),
  );
