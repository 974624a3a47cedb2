import type { ScheduleSessionRequest, SessionModality } from '@trustwork/contracts';
import { AttendeeIdsField, DurationField, ModalityField, StartsAtField } from './session-fields';

export class ScheduleSessionDto implements ScheduleSessionRequest {
  @StartsAtField(true)
  startsAt: string;

  @DurationField(true)
  durationMinutes: number;

  @ModalityField(true)
  modality: SessionModality;

  @AttendeeIdsField()
  attendeeIds?: string[];
}
