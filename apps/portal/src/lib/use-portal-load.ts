import { useCallback, useEffect, useState } from 'react';
import { PortalApiError, portalRequest } from '../portal-api';
import { takeHeadStart } from './head-start';
import { usePortal } from './portal-context';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'problem'; problem: PortalApiError };

/** Reads one portal resource for the open screen; `reload` asks again (after a failure or a send). */
export function usePortalLoad<T>(path: string) {
  const { token, onInvalidLink } = usePortal();
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const answer = takeHeadStart<T>(path, token) ?? portalRequest<T>(path, token, { signal: controller.signal });
    answer.then(
      (data) => setLoaded({ state: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (!(error instanceof PortalApiError)) throw error;
        if (error.kind === 'invalid-link') onInvalidLink(error.message);
        else setLoaded({ state: 'problem', problem: error });
      },
    );
    return () => controller.abort();
  }, [path, token, onInvalidLink, attempt]);

  const reload = useCallback(() => {
    setLoaded({ state: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  return { loaded, reload };
}
