import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { minutes, ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { sha256 } from '../crypto/tokens';

/** The throttlers' names (the first part of their keys) and where a request carries its link's secret. */
export interface LinkThrottling {
  linkName: string;
  addressName: string;
  /** The secret the request presents; null when it presents none, so it counts against its address only. */
  secretOf: (request: FastifyRequest) => string | null;
}

/**
 * Limits requests that carry a secret link (the portal's, a calendar feed's) per link and per
 * client address with the portal's limits, answering 429 with a plain Retry-After header.
 * Keys hold a hash of the secret, never the secret itself.
 */
export abstract class LinkThrottlerGuard extends ThrottlerGuard {
  protected constructor({ linkName, addressName, secretOf }: LinkThrottling, config: AppConfig, storage: ThrottlerStorage, reflector: Reflector) {
    super(
      {
        throttlers: [
          {
            name: linkName,
            ttl: minutes(1),
            limit: config.portal.limitPerLink,
            skipIf: (context) => secretOf(context.switchToHttp().getRequest<FastifyRequest>()) === null,
            getTracker: (request) => sha256(secretOf(request as FastifyRequest) ?? ''),
          },
          { name: addressName, ttl: minutes(1), limit: config.portal.limitPerAddress },
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
