import type { SessionModality, SessionStatus, UpdateSessionRequest } from '@trustwork/contracts';
import { AttendeeIdsField, DurationField, ModalityField, SessionStatusField, StartsAtField } from './session-fields';

export class UpdateSessionDto implements UpdateSessionRequest {
  @StartsAtField(false)
  startsAt?: string;

  @DurationField(false)
  durationMinutes?: number;

  @ModalityField(false)
  modality?: SessionModality;

  @SessionStatusField()
  status?: SessionStatus;

  @AttendeeIdsField()
  attendeeIds?: string[];
}
