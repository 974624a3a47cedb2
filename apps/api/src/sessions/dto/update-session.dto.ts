import type { SeriesScope, SessionModality, SessionStatus, UpdateSessionRequest } from '@trustwork/contracts';
import { AddressField, AllowClashesField, AttendeeIdsField, DurationField, ModalityField, SeriesScopeField, SessionStatusField, StartsAtField, VideoUrlField } from './session-fields';

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

  @AddressField()
  address?: string | null;

  @VideoUrlField()
  videoUrl?: string | null;

  @SeriesScopeField()
  scope?: SeriesScope;

  @AllowClashesField()
  allowClashes?: boolean;
}
