import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, TOTP_DIGITS } from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

// Constraints run in the order listed here, and only the first failure per field is
// reported: "is required" before "must be text" before length rules.

/** A person's or a practice's name: required, trimmed, at most 200 characters. */
export const NameField = (label: string) =>
  applyDecorators(
    ApiProperty({ example: label === 'practiceName' ? 'Harbour Lane Counselling' : 'Dr Ana Ruiz', maxLength: 200 }),
    trim,
    IsNotEmpty({ message: `${label} is required` }),
    IsString({ message: `${label} must be text` }),
    MaxLength(200, { message: `${label} must be at most 200 characters` }),
  );

/** E-mails compare case-insensitively, so they are stored lower-cased. */
export const EmailField = (label = 'email') =>
  applyDecorators(
    ApiProperty({ example: 'ana@example.com', maxLength: 254 }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsNotEmpty({ message: `${label} is required` }),
    IsString({ message: `${label} must be text` }),
    IsEmail({}, { message: `${label} must be a valid e-mail address` }),
    MaxLength(254, { message: `${label} must be at most 254 characters` }),
  );

export const NewPasswordField = (label = 'password') =>
  applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
    IsNotEmpty({ message: `${label} is required` }),
    IsString({ message: `${label} must be text` }),
    MinLength(PASSWORD_MIN_LENGTH, { message: `${label} must be at least ${PASSWORD_MIN_LENGTH} characters` }),
    MaxLength(PASSWORD_MAX_LENGTH, { message: `${label} must be at most ${PASSWORD_MAX_LENGTH} characters` }),
  );

/** A password being checked, not set: no rule beyond a cap (it is compared, not judged). */
export const CurrentPasswordField = (label = 'currentPassword') =>
  applyDecorators(
    ApiProperty(),
    IsNotEmpty({ message: `${label} is required` }),
    IsString({ message: `${label} must be text` }),
    MaxLength(PASSWORD_MAX_LENGTH, { message: `${label} must be at most ${PASSWORD_MAX_LENGTH} characters` }),
  );

/** A code from an authenticator app: its digits, spaces (as some apps show them) removed. */
export const TwoFactorCodeField = (label = 'code') =>
  applyDecorators(
    ApiProperty({ example: '123456', description: `The ${TOTP_DIGITS} digits the authenticator app shows` }),
    Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s/g, '') : value)),
    IsNotEmpty({ message: `${label} is required` }),
    IsString({ message: `${label} must be text` }),
    Matches(new RegExp(`^\\d{${TOTP_DIGITS}}$`), { message: `${label} must be the ${TOTP_DIGITS} digits your authenticator app shows` }),
  );

/** One of the recovery codes shown when two-factor was turned on (`k7pd-m2xq-9frt`); spaces, dashes and case do not matter. */
export const RecoveryCodeField = (label = 'recoveryCode') =>
  applyDecorators(
    ApiProperty({ example: 'k7pd-m2xq-9frt', maxLength: 40 }),
    IsNotEmpty({ message: `${label} is required` }),
    IsString({ message: `${label} must be text` }),
    MaxLength(40, { message: `${label} must be at most 40 characters` }),
  );

/** An optional true/false in a query string, where everything arrives as text. */
export const QueryFlagField = (label: string, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ default: false, description }),
    IsOptional(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: `${label} must be true or false` }),
  );
