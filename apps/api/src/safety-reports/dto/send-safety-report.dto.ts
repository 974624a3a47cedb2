import { ApiProperty } from '@nestjs/swagger';
import { SAFETY_REPORT_MESSAGE_MAX_LENGTH, SAFETY_REPORT_URGENCIES, type SafetyReportRequest, type SafetyReportUrgency } from '@trustwork/contracts';
import { textLength } from '@trustwork/trust-program';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, ValidateBy } from 'class-validator';

const URGENCY_MESSAGE = `urgency must be one of: ${SAFETY_REPORT_URGENCIES.join(', ')}`;

export class SendSafetyReportDto implements SafetyReportRequest {
  @ApiProperty({ maxLength: SAFETY_REPORT_MESSAGE_MAX_LENGTH, description: 'what the participant wants the therapist to know' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  // Stacked constraints run bottom first; length is counted as a person counts characters.
  @ValidateBy(
    { name: 'messageLength', validator: { validate: (value: string) => textLength(value) <= SAFETY_REPORT_MESSAGE_MAX_LENGTH } },
    { message: `message must be at most ${SAFETY_REPORT_MESSAGE_MAX_LENGTH} characters` },
  )
  @IsString({ message: 'message must be text' })
  @IsNotEmpty({ message: 'message is required: write a few words for your therapist' })
  message: string;

  @ApiProperty({ enum: SAFETY_REPORT_URGENCIES })
  @IsIn(SAFETY_REPORT_URGENCIES, { message: URGENCY_MESSAGE })
  @IsNotEmpty({ message: 'urgency is required' })
  urgency: SafetyReportUrgency;
}
