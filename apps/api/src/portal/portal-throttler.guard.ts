import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerStorage,
  minutes,
  ThrottlerException,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { sha256 } from '../common/crypto/tokens';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { PortalRequest } from '../common/authenticated-participant';
import { presentedPortalToken } from './portal-token';

/**
 * Limits portal requests per link and per client address, across all portal routes
 * (the sign-in limits are per route), answering 429 with a plain Retry-After header.
 * Requests with no token at all count against their address only. The counts live in the
 * sign-in throttler's storage (ThrottlerModule in AuthModule is global), under their own keys.
 */
@Injectable()
export class PortalThrottlerGuard extends ThrottlerGuard {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectThrottlerStorage() storage: ThrottlerStorage, reflector: Reflector) {
    super(
      {
        throttlers: [
          {
            name: 'portal-link',
            ttl: minutes(1),
            limit: config.portal.limitPerLink,
            skipIf: (context) => presentedPortalToken(context.switchToHttp().getRequest<PortalRequest>()) === null,
            // Throttler keys are kept in memory (or Redis): a hash, never the token itself.
            getTracker: (request) => sha256(presentedPortalToken(request as PortalRequest) ?? ''),
          },
          { name: 'portal-address', ttl: minutes(1), limit: config.portal.limitPerAddress },
        ],
        generateKey: (_context, tracker, name) => `${name}:${tracker}`,
      },
      storage,
      reflector,
    );
  }

  protected async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse().header('Retry-After', String(seconds));
    throw new ThrottlerException(`Too many requests. Please wait ${seconds} seconds and try again.`);
  }
}
