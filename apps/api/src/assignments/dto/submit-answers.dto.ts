import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SubmitAnswersRequest } from '@trustwork/contracts';
import { IsBoolean, IsDefined, IsObject, IsOptional } from 'class-validator';
import { CalendarDate } from './assignment-fields';

/** The answers themselves are checked against the assignment's prompts (answerProblems), not here. */
export class SubmitAnswersDto implements SubmitAnswersRequest {
  @ApiPropertyOptional({ example: '2026-03-14', description: 'today’s sheet, else the latest still open, else the next, by default' })
  @CalendarDate('occurrenceOn')
  @IsOptional()
  occurrenceOn?: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'answers keyed by prompt key', example: { feelings: 'calmer today', safe: 7 } })
  @IsObject({ message: 'answers must be an object of answers keyed by question' })
  @IsDefined({ message: 'answers is required' })
  answers: Record<string, unknown>;

  @ApiProperty({ description: 'true lets the other participant read these answers' })
  @IsBoolean({ message: 'shared must be true or false' })
  @IsDefined({ message: 'shared is required' })
  shared: boolean;
}
