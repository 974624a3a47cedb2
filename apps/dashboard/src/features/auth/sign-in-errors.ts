import { isApiRequestError } from '../../lib/api-client';
import { describeWait } from '../../lib/format';

/** Why a sign-in step failed, throttling worded as how long to wait. */
export function describeSignInError(error: Error): string {
  if (isApiRequestError(error, 429)) {
    return error.retryAfterSeconds
      ? `Too many sign-in attempts. Please wait ${describeWait(error.retryAfterSeconds)} and try again.`
      : 'Too many sign-in attempts. Please wait a few minutes and try again.';
  }
  return error.message;
}
