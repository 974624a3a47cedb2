import { useRef, useState } from 'react';
import { PortalApiError, isRetryable, portalRequest } from '../portal-api';
import { usePortal } from './portal-context';

export type SendState =
  | { state: 'idle' }
  | { state: 'sending' }
  /** Worth trying again unchanged (offline, 5xx, rate limited): the draft is kept. */
  | { state: 'retry'; message: string }
  /** The API refused the answers (400, 409): `messages` say what to change. */
  | { state: 'refused'; messages: readonly string[] };

interface SendOptions {
  /** A 409 the screen answers itself (what was read has changed), instead of listing its message. */
  onConflict?: () => void;
}

/** Posts one form to the portal API, tracking where the send stands for the screen. */
export function usePortalSend<TResponse>(path: string, { onConflict }: SendOptions = {}) {
  const { token, onInvalidLink } = usePortal();
  const [send, setSend] = useState<SendState>({ state: 'idle' });
  // A double tap's second tap can arrive before the disabled button is drawn: it sends nothing.
  const sending = useRef(false);

  const post = async (body: unknown, idempotencyKey?: string): Promise<TResponse | null> => {
    if (sending.current) return null;
    sending.current = true;
    setSend({ state: 'sending' });
    try {
      const response = await portalRequest<TResponse>(path, token, { method: 'POST', body, idempotencyKey });
      setSend({ state: 'idle' });
      return response;
    } catch (error) {
      if (!(error instanceof PortalApiError)) throw error;
      if (error.kind === 'invalid-link') onInvalidLink(error.message);
      else if (isRetryable(error) || error.kind === 'rate-limited') setSend({ state: 'retry', message: error.message });
      else if (error.status === 409 && onConflict) {
        setSend({ state: 'idle' });
        onConflict();
      } else setSend({ state: 'refused', messages: error.messages });
      return null;
    } finally {
      sending.current = false;
    }
  };

  return { send, post, setSend };
}
