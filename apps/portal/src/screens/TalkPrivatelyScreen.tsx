import type { PortalWelcome } from '@trustwork/contracts';
import { Screen } from '../components/Screen';

interface TalkPrivatelyScreenProps {
  welcome: PortalWelcome;
  onBack: () => void;
}

/** The private line to the therapist (safety reports); sending arrives with its API. */
export function TalkPrivatelyScreen({ welcome, onBack }: TalkPrivatelyScreenProps) {
  const therapist = welcome.therapist?.name ?? 'your therapist';

  return (
    <Screen title="Talk to your therapist privately">
      <p className="lead">
        What you send from here goes to {therapist} only. {welcome.otherParticipant.firstName} will never see it.
      </p>
      <section className="card" aria-labelledby="private-soon-heading">
        <h2 id="private-soon-heading">Private messages</h2>
        <p>
          Sending a private message from this page is coming soon. Until then, please contact{' '}
          {welcome.practice.name} directly.
        </p>
        <p className="tag">Coming soon</p>
      </section>
      <p className="callout">
        <strong>If you or someone else is in danger right now, call your local emergency number.</strong>
      </p>
      <button type="button" className="button button-quiet" onClick={onBack}>
        Back to your space
      </button>
    </Screen>
  );
}
