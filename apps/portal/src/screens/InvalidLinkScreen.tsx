import { Screen } from '../components/Screen';

/** The API gives one message for unknown, expired and revoked links; we add what to do next. */
export function InvalidLinkScreen({ message }: { message: string }) {
  return (
    <Screen title="This link no longer works">
      <p className="lead">{message}</p>
      <p className="note">
        Ask your therapist for a new link. When it arrives, open it on this device and your space will open again.
        Nothing you have already sent is lost.
      </p>
    </Screen>
  );
}
