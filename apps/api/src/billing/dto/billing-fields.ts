import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_AMOUNT_MINOR } from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import { IsDefined, IsISO8601, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const blankToNull = Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));

// Decorators run bottom-up, so "is required" is listed last to be checked first.

/** Left out means unchanged; null is refused (IsOptional would let it through to a NOT NULL column). */
export const UnlessLeftOut = () => ValidateIf((_object, value) => value !== undefined);

export const Required = (field: string) => IsDefined({ message: `${field} is required` });

/** Whole minor units (cents); `min` is 0 for fees and -MAX for adjustments. */
export const AmountField = (field: string, { min = 0, optional = false } = {}) => {
  const message = `${field} must be a whole number of cents (minor units) from ${min} to ${MAX_AMOUNT_MINOR}`;
  return applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ type: 'integer', minimum: min, maximum: MAX_AMOUNT_MINOR, example: 15000 }),
    ...(optional ? [UnlessLeftOut()] : []),
    Max(MAX_AMOUNT_MINOR, { message }),
    Min(min, { message }),
    IsInt({ message }),
    ...(optional ? [] : [Required(field)]),
  );
};

/** Required text, trimmed, with a cap. */
export const BillingTextField = (field: string, max: number, { optional = false } = {}) =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ maxLength: max }),
    trim,
    ...(optional ? [UnlessLeftOut()] : []),
    MaxLength(max, { message: `${field} must be at most ${max} characters` }),
    IsNotEmpty({ message: `${field} must not be blank` }),
    IsString({ message: `${field} must be text` }),
    ...(optional ? [] : [Required(field)]),
  );

/** Optional text where blank or null clears it. */
export const ClearableTextField = (field: string, max: number) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: max }),
    IsOptional(),
    MaxLength(max, { message: `${field} must be at most ${max} characters, or null for none` }),
    IsString({ message: `${field} must be text, or null for none` }),
    blankToNull,
  );

/** Optional code matching `pattern` (a CPT code, an NPI); blank or null clears it. */
export const ClearableCodeField = (field: string, pattern: RegExp, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, pattern: pattern.source, description }),
    IsOptional(),
    Matches(pattern, { message: `${field} must be ${description}, or null for none` }),
    IsString({ message: `${field} must be ${description}, or null for none` }),
    blankToNull,
  );

/** A real calendar date written YYYY-MM-DD. */
export const DateField = (field: string, { optional = false } = {}) => {
  const message = `${field} must be a real date written as YYYY-MM-DD`;
  return applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ example: '2026-04-02', format: 'date' }),
    ...(optional ? [UnlessLeftOut()] : []),
    IsISO8601({ strict: true }, { message }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message }),
    IsString({ message }),
    ...(optional ? [] : [Required(field)]),
  );
};
