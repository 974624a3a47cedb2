import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { LinkThrottlerGuard } from '../common/guards/link-throttler.guard';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const fileOf = (request: FastifyRequest) => String((request.params as Record<string, unknown> | undefined)?.file ?? '');

/** Limits feed requests per address and per client address with the portal's limits (calendar apps poll every few minutes at most). */
@Injectable()
export class CalendarFeedThrottlerGuard extends LinkThrottlerGuard {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectThrottlerStorage() storage: ThrottlerStorage, reflector: Reflector) {
    super({ linkName: 'calendar-feed', addressName: 'calendar-feed-address', secretOf: fileOf }, config, storage, reflector);
  }
}
