import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerStorage, minutes, ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { sha256 } from '../common/crypto/tokens';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const fileOf = (request: FastifyRequest) => String((request.params as Record<string, unknown> | undefined)?.file ?? '');

/**
 * Limits feed requests per address and per client address with the portal's limits (calendar
 * apps poll every few minutes at most), answering 429 with a Retry-After header. Keys hold a
 * hash of the address, never the token itself.
 */
@Injectable()
export class CalendarFeedThrottlerGuard extends ThrottlerGuard {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectThrottlerStorage() storage: ThrottlerStorage, reflector: Reflector) {
    super(
      {
        throttlers: [
          { name: 'calendar-feed', ttl: minutes(1), limit: config.portal.limitPerLink, getTracker: (request) => sha256(fileOf(request as FastifyRequest)) },
          { name: 'calendar-feed-address', ttl: minutes(1), limit: config.portal.limitPerAddress },
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
