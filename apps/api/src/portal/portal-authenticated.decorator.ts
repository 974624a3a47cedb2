import { applyDecorators, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { Public } from '../common/decorators/public.decorator';
import { PortalAuthGuard } from './portal-auth.guard';
import { PortalThrottlerGuard } from './portal-throttler.guard';
import { PortalTransactionInterceptor } from './portal-transaction.interceptor';

/**
 * A participant's portal route: no dashboard sign-in, the link token instead
 * (`Authorization: Bearer <token>`), rate limited before the token is even looked up.
 * Read the participant with @PortalParticipant().
 */
export const PortalAuthenticated = () =>
  applyDecorators(
    Public(),
    UseGuards(PortalThrottlerGuard, PortalAuthGuard),
    UseInterceptors(PortalTransactionInterceptor),
    ApiBearerAuth(),
  );
