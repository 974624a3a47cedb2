import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERIES_SCOPES, SESSION_MODALITIES, SESSION_STATUSES } from '@trustwork/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

// Constraints run in the order listed here (applyDecorators), and only the first failure
// per field is reported: "is required" first. A field left out of an update keeps its
// value; an explicit null is refused rather than silently ignored.

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_MESSAGE = 'startsAt must be a date and time with its time zone, such as 2026-03-14T15:00:00Z';
const DURATION_MESSAGE = 'durationMinutes must be a whole number from 5 to 600';
const MODALITY_MESSAGE = `modality must be one of: ${SESSION_MODALITIES.join(', ')}`;
const ATTENDEES_MESSAGE = 'attendeeIds must list one or both of the case’s participants by id';
const ADDRESS_MESSAGE = 'address must be text of at most 300 characters, or null for none';
const VIDEO_URL_MESSAGE = 'videoUrl must be an https:// link from your video service, such as https://zoom.us/j/123456789';
const SCOPE_MESSAGE = `scope must be one of: ${SERIES_SCOPES.join(', ')}`;

/** Blank text means "none", as null does. */
const trimToNull = Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));

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

/** The office of an in-person session; null clears it. Kept only for in-person sessions. */
export const AddressField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: 300, example: '12 Harbour Street, Bristol BS1 4XX' }),
    trimToNull,
    IsOptional(),
    IsString({ message: ADDRESS_MESSAGE }),
    MaxLength(300, { message: ADDRESS_MESSAGE }),
  );

/** The practice's own video link (its video service's), never an unencrypted http:// one. */
export const VideoUrlField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, example: 'https://zoom.us/j/123456789' }),
    trimToNull,
    IsOptional(),
    IsString({ message: VIDEO_URL_MESSAGE }),
    MaxLength(2000, { message: VIDEO_URL_MESSAGE }),
    IsUrl({ protocols: ['https'], require_protocol: true, require_valid_protocol: true }, { message: VIDEO_URL_MESSAGE }),
  );

export const SeriesScopeField = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: SERIES_SCOPES, description: 'this session (the default), this and the following ones of its series, or all of them' }),
    Presence('scope', false),
    IsIn(SERIES_SCOPES, { message: SCOPE_MESSAGE }),
  );

export const AllowClashesField = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'save even when the clinician or a person already has a session then' }),
    Presence('allowClashes', false),
    IsBoolean({ message: 'allowClashes must be true or false' }),
  );
