import { billingPaths, portalRequest } from '../portal-api';
import { placeOf } from './navigation';

/** The welcome and what the home screen reads with it (NextAppointment's sessions included). */
const HOME_READS = ['me', 'assignments', 'sessions', billingPaths.summary];

let started: { token: string; answers: Map<string, Promise<unknown>>; controller: AbortController } | null = null;

/**
 * On opening at the home screen, sends its reads before the page has even drawn: on a slow phone
 * each would otherwise wait for the first render, and the home screen's for the welcome too.
 * Each answer is for the first screen that reads it (see takeHeadStart); later reads ask again.
 */
export function startHomeReads(token: string | null): void {
  if (!token || placeOf(window.location.pathname).screen !== 'home') return;
  const controller = new AbortController();
  const answers = new Map<string, Promise<unknown>>();
  for (const path of HOME_READS) {
    const answer = portalRequest(path, token, { signal: controller.signal });
    // Judged by the screen that takes it; one nobody takes must not count as unhandled.
    answer.catch(() => undefined);
    answers.set(path, answer);
  }
  started = { token, answers, controller };
}

/** The answer sent ahead for `path` with this token, if any is left: each is taken only once. */
export function takeHeadStart<T>(path: string, token: string): Promise<T> | undefined {
  if (!started) return undefined;
  if (started.token !== token) {
    // Another link was opened over the first: its answers are of no use.
    dropHeadStart();
    return undefined;
  }
  const answer = started.answers.get(path);
  started.answers.delete(path);
  return answer as Promise<T> | undefined;
}

/** The welcome failed, so the home screen is not next: what is still on its way is not wanted. */
export function dropHeadStart(): void {
  started?.controller.abort();
  started = null;
}
