import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Inside applyDecorators constraints run in the order listed (stacked on a property, bottom
// first), and only the first failure per field is reported.

/** A calendar date, YYYY-MM-DD, that exists. */
export const CalendarDate = (field: string) => {
  const message = `${field} must be a real date written as YYYY-MM-DD`;
  return applyDecorators(IsString({ message }), Matches(CALENDAR_DATE, { message }), IsISO8601({ strict: true }, { message }));
};

export const INSTRUCTIONS_MAX_LENGTH = 2000;

/** The clinician's note: trimmed, blank means none. */
export const InstructionsField = () =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, maxLength: INSTRUCTIONS_MAX_LENGTH, description: 'a note from the clinician, shown with the exercise' }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value)),
    IsOptional(),
    IsString({ message: 'instructions must be text' }),
    MaxLength(INSTRUCTIONS_MAX_LENGTH, { message: `instructions must be at most ${INSTRUCTIONS_MAX_LENGTH} characters` }),
  );
