import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CheckInRequest } from '@trustwork/contracts';
import { CHECK_IN_NOTE_PROMPT, CHECK_IN_RATING_PROMPTS, textLength, type CheckInRatingKey } from '@trustwork/trust-program';
import { Transform } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, IsString, Max, Min, ValidateBy } from 'class-validator';

const NOTE_MAX_LENGTH = CHECK_IN_NOTE_PROMPT.maxLength;

/** One 0-10 rating, its range taken from the check-in's own question so the two never differ. */
const RatingField = (key: CheckInRatingKey) => {
  const prompt = CHECK_IN_RATING_PROMPTS.find((candidate) => candidate.key === key);
  if (!prompt) throw new Error(`The check-in has no rating "${key}"`);
  const message = `${key} must be a whole number from ${prompt.min} to ${prompt.max}`;
  // Constraints run in the order listed, and only the first failure per field is reported.
  return applyDecorators(
    ApiProperty({ minimum: prompt.min, maximum: prompt.max, description: prompt.label, example: 6 }),
    IsDefined({ message: `${key} is required` }),
    IsInt({ message }),
    Min(prompt.min, { message }),
    Max(prompt.max, { message }),
  );
};

export class SubmitCheckInDto implements CheckInRequest {
  @RatingField('trust')
  trust: number;

  @RatingField('safety')
  safety: number;

  @RatingField('heard')
  heard: number;

  @RatingField('closeness')
  closeness: number;

  @ApiPropertyOptional({ maxLength: NOTE_MAX_LENGTH, nullable: true, description: CHECK_IN_NOTE_PROMPT.label })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  // Stacked constraints run bottom first. Length is counted as a person counts characters
  // (an emoji is one), as the portal counts them.
  @ValidateBy(
    { name: 'noteLength', validator: { validate: (value: string) => textLength(value) <= NOTE_MAX_LENGTH } },
    { message: `note must be at most ${NOTE_MAX_LENGTH} characters` },
  )
  @IsString({ message: 'note must be text' })
  @IsOptional()
  note?: string | null;
}
