import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import { mergeMap, type Observable } from 'rxjs';
import type { ReleasableThrottlerStorage } from './throttler-storage';

interface Reservation {
  key: string;
  throttlerName: string;
}

/** The slots each request holds, for giving them back once it succeeds. */
const reservations = new WeakMap<object, Reservation[]>();

/**
 * Limits sign-in attempts per e-mail address and per client address (throttlers
 * configured in AuthModule), answering 429 with a plain Retry-After header. Each attempt
 * takes its slot before the password is checked, so a burst of guesses is limited exactly;
 * a sign-in that succeeds gives its slot back (GiveBackOnSuccess), so only failures count.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const allowed = await super.handleRequest(request);
    const { context, getTracker, generateKey, throttler } = request;
    const { req } = this.getRequestResponse(context);
    const throttlerName = throttler.name ?? 'default';
    const key = generateKey(context, await getTracker(req, context), throttlerName);
    reservations.set(req, [...(reservations.get(req) ?? []), { key, throttlerName }]);
    return allowed;
  }

  async giveBack(req: object): Promise<void> {
    const held = reservations.get(req) ?? [];
    reservations.delete(req);
    const storage = this.storageService as ReleasableThrottlerStorage;
    await Promise.all(held.map(({ key, throttlerName }) => storage.release(key, throttlerName)));
  }

  protected async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    const reply = context.switchToHttp().getResponse();
    reply.header('Retry-After', String(seconds));
    throw new ThrottlerException(`Too many sign-in attempts. Please wait ${seconds} seconds and try again.`);
  }
}

/** After a successful sign-in, returns the attempt LoginThrottlerGuard counted. */
@Injectable()
export class GiveBackOnSuccess implements NestInterceptor {
  constructor(private readonly guard: LoginThrottlerGuard) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<object>();
    return next.handle().pipe(
      mergeMap(async (result) => {
        await this.guard.giveBack(req);
        return result;
      }),
    );
  }
}
