import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsOptional, IsString } from 'class-validator';

// Constraints run in the order listed (applyDecorators) and only the first failure per
// field is reported. These check only the envelope (is it there, is it text); lengths,
// ranges and the prompts themselves are the library's rules (templateProblems).

const trimmed = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Free text the template author writes; trimmed, so blank counts as missing. */
export const TemplateTextField = (field: string, description: string) =>
  applyDecorators(ApiProperty({ description }), trimmed, IsNotEmpty({ message: `${field} is required` }), IsString({ message: `${field} must be text` }));

/** Free text the author may leave out or blank (stored as ""); trimmed like the required ones. */
export const OptionalTemplateTextField = (field: string, description: string) =>
  applyDecorators(ApiPropertyOptional({ description }), trimmed, IsOptional(), IsString({ message: `${field} must be text` }));

export const Required = (field: string) => IsDefined({ message: `${field} is required` });
