import type { SendState } from '../lib/use-portal-send';

interface SendStatusProps {
  send: SendState;
  /** Problems not tied to one field: the API's, or the form's own before sending. */
  general: readonly string[];
  /** What is kept while a send is pending, e.g. "Your answers are saved on this phone". */
  kept: string;
  onRetry: () => void;
}

/** Where a send stands, announced politely; failures are alerts with the way forward. */
export function SendStatus({ send, general, kept, onRetry }: SendStatusProps) {
  return (
    <>
      <p className="note" role="status">
        {send.state === 'sending' ? 'Sending…' : ''}
      </p>
      {send.state === 'retry' && (
        <div className="problem" role="alert">
          <p>
            {send.message} {kept}, so nothing is lost.
          </p>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
      {general.length > 0 && (
        <div className="problem" role="alert">
          <p>Please check this before sending:</p>
          <ul>
            {general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
