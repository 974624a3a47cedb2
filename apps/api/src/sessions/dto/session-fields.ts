import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SESSION_MODALITIES, SESSION_STATUSES } from '@trustwork/contracts';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';

// Constraints run in the order listed here (applyDecorators), and only the first failure
// per field is reported: "is required" first. A field left out of an update keeps its
// value; an explicit null is refused rather than silently ignored.

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_MESSAGE = 'startsAt must be a date and time with its time zone, such as 2026-03-14T15:00:00Z';
const DURATION_MESSAGE = 'durationMinutes must be a whole number from 5 to 600';
const MODALITY_MESSAGE = `modality must be one of: ${SESSION_MODALITIES.join(', ')}`;
const ATTENDEES_MESSAGE = 'attendeeIds must list one or both of the case’s participants by id';

/** Required on scheduling; optional (but never null) on an update. */
const Presence = (field: string, required: boolean) =>
  required ? IsNotEmpty({ message: `${field} is required` }) : ValidateIf((_object, value) => value !== undefined);

export const StartsAtField = (required: boolean) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({ example: '2026-03-14T15:00:00Z', format: 'date-time' }),
    Presence('startsAt', required),
    IsString({ message: DATE_TIME_MESSAGE }),
    Matches(DATE_TIME, { message: DATE_TIME_MESSAGE }),
    IsISO8601({ strict: true }, { message: DATE_TIME_MESSAGE }),
  );

export const DurationField = (required: boolean) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({ minimum: 5, maximum: 600, example: 50 }),
    Presence('durationMinutes', required),
    IsInt({ message: DURATION_MESSAGE }),
    Min(5, { message: DURATION_MESSAGE }),
    Max(600, { message: DURATION_MESSAGE }),
  );

export const ModalityField = (required: boolean) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({ enum: SESSION_MODALITIES }),
    Presence('modality', required),
    IsIn(SESSION_MODALITIES, { message: MODALITY_MESSAGE }),
  );

export const SessionStatusField = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: SESSION_STATUSES }),
    Presence('status', false),
    IsIn(SESSION_STATUSES, { message: `status must be one of: ${SESSION_STATUSES.join(', ')}` }),
  );

export const AttendeeIdsField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], description: 'participant ids; both by default' }),
    Presence('attendeeIds', false),
    IsArray({ message: ATTENDEES_MESSAGE }),
    ArrayMinSize(1, { message: ATTENDEES_MESSAGE }),
    ArrayMaxSize(2, { message: ATTENDEES_MESSAGE }),
    ArrayUnique({ message: 'attendeeIds must not list the same person twice' }),
    IsUUID('loose', { each: true, message: ATTENDEES_MESSAGE }),
  );
