import { ApiPropertyOptional } from '@nestjs/swagger';
import { ASSIGNMENT_STATUSES, type AssignmentStatus, type UpdateAssignmentRequest } from '@trustwork/contracts';
import { IsIn, ValidateIf } from 'class-validator';
import { InstructionsField } from './assignment-fields';

export class UpdateAssignmentDto implements UpdateAssignmentRequest {
  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES, description: 'paused to pause, active to resume, cancelled to cancel for good' })
  @IsIn(ASSIGNMENT_STATUSES, { message: `status must be one of: ${ASSIGNMENT_STATUSES.join(', ')}` })
  @ValidateIf((_object, value) => value !== undefined)
  status?: AssignmentStatus;

  @InstructionsField()
  instructions?: string | null;
}
