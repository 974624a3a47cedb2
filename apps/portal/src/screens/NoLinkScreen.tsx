import { Screen } from '../components/Screen';

export function NoLinkScreen() {
  return (
    <Screen title="Your homework space">
      <p className="lead">Open the personal link your therapist sent you to see your homework.</p>
      <p className="note">
        It is in the message or e-mail they sent and looks like a web address. If you cannot find it, ask your
        therapist to send you a new one.
      </p>
    </Screen>
  );
}
