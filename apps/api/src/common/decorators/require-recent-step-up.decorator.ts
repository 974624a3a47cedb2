import { UseGuards } from '@nestjs/common';
import { RecentStepUpGuard } from '../guards/recent-step-up.guard';

/**
 * The most sensitive actions (an export, two-factor changes) need a code or the password from
 * the last STEP_UP_WINDOW_MINUTES on this device; otherwise 403 with code 'step-up-required'.
 */
export const RequireRecentStepUp = () => UseGuards(RecentStepUpGuard);
