import { SetMetadata } from '@nestjs/common';

export const ALLOWED_DURING_REQUIRED_ACTION = 'trustwork:allowed-during-required-action';

/**
 * The route stays open while the person has a required step (choose a password, set up
 * two-factor): the step itself, and what it needs (who am I, sign out, confirm it's me).
 */
export const AllowDuringRequiredAction = () => SetMetadata(ALLOWED_DURING_REQUIRED_ACTION, true);
