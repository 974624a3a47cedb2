import { useEffect, useId, useRef, useState } from 'react';

/**
 * Removes the remembered link from this device (a shared or lost phone). Asks first:
 * without the link from the therapist there is no way back in.
 */
export function ForgetDevice({ onForget }: { onForget: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const questionId = useId();
  const keep = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    // Keep keyboard focus on whichever control replaced the one just pressed.
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) start.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button ref={start} type="button" className="button button-quiet" onClick={() => setConfirming(true)}>
        Forget this device
      </button>
    );
  }

  return (
    <div className="confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId}>
        Remove your link from this device? To come back, you will need to open the link your therapist sent you
        again.
      </p>
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={onForget}>
          Yes, forget it
        </button>
        <button ref={keep} type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </div>
    </div>
  );
}
