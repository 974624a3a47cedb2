import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';

/**
 * Limits sign-in attempts per e-mail address and per client address (throttlers
 * configured in AuthModule), answering 429 with a plain Retry-After header.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    const reply = context.switchToHttp().getResponse();
    reply.header('Retry-After', String(seconds));
    throw new ThrottlerException(`Too many sign-in attempts. Please wait ${seconds} seconds and try again.`);
  }
}
