import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import { LinkThrottlerGuard } from '../common/guards/link-throttler.guard';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { presentedPortalToken } from './portal-token';

/**
 * Limits portal requests per link and per client address, across all portal routes
 * (the sign-in limits are per route). Requests with no token at all count against their
 * address only. The counts live in the sign-in throttler's storage (ThrottlerModule in
 * AuthModule is global), under their own keys.
 */
@Injectable()
export class PortalThrottlerGuard extends LinkThrottlerGuard {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectThrottlerStorage() storage: ThrottlerStorage, reflector: Reflector) {
    super({ linkName: 'portal-link', addressName: 'portal-address', secretOf: presentedPortalToken }, config, storage, reflector);
  }
}
