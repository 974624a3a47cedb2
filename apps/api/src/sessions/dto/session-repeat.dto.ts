import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_SERIES_SESSIONS, SERIES_FREQUENCIES, type SeriesFrequency, type SessionRepeat } from '@trustwork/contracts';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const COUNT_MESSAGE = `repeat.count must be a whole number of sessions from 2 to ${MAX_SERIES_SESSIONS}`;
const UNTIL_MESSAGE = 'repeat.until must be a date such as 2027-06-30';

/** Whether exactly one of count and until was given is checked with the first session's date, in the service. */
export class SessionRepeatDto implements SessionRepeat {
  @ApiProperty({ enum: SERIES_FREQUENCIES })
  @IsIn(SERIES_FREQUENCIES, { message: `repeat.frequency must be one of: ${SERIES_FREQUENCIES.join(', ')}` })
  frequency: SeriesFrequency;

  @ApiPropertyOptional({ minimum: 2, maximum: MAX_SERIES_SESSIONS, description: 'sessions in all, the first included; or send until' })
  @Max(MAX_SERIES_SESSIONS, { message: COUNT_MESSAGE })
  @Min(2, { message: COUNT_MESSAGE })
  @IsInt({ message: COUNT_MESSAGE })
  @IsOptional()
  count?: number;

  @ApiPropertyOptional({ example: '2027-06-30', description: 'the last date a session may fall on, in the practice’s time zone; or send count' })
  @IsISO8601({ strict: true }, { message: UNTIL_MESSAGE })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: UNTIL_MESSAGE })
  @IsString({ message: UNTIL_MESSAGE })
  @IsOptional()
  until?: string;
}
