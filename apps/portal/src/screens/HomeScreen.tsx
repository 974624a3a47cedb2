import type { PortalWelcome } from '@trustwork/contracts';
import { ForgetDevice } from '../components/ForgetDevice';
import { Screen } from '../components/Screen';

interface HomeScreenProps {
  welcome: PortalWelcome;
  onTalkPrivately: () => void;
  onForget: () => void;
}

export function HomeScreen({ welcome, onTalkPrivately, onForget }: HomeScreenProps) {
  const other = welcome.otherParticipant.firstName;
  const therapist = welcome.therapist?.name;

  return (
    <Screen
      title={`Hi ${welcome.participant.firstName}`}
      footer={
        <>
          <p className="note">
            This page is just for you. Please keep your personal link to yourself. It works until{' '}
            {formatDate(welcome.expiresAt)}.
          </p>
          <ForgetDevice onForget={onForget} />
        </>
      }
    >
      <p className="lead">
        {therapist
          ? `Your space for the work you are doing with ${therapist} at ${welcome.practice.name}.`
          : `Your space for the work you are doing at ${welcome.practice.name}.`}
      </p>

      <section className="card" aria-labelledby="homework-heading">
        <h2 id="homework-heading">Your homework</h2>
        <p>
          The exercises your therapist gives you, some for you alone and some to do with {other}, will be listed
          here with when each is due.
        </p>
        <p className="tag">Coming soon</p>
      </section>

      <section className="card" aria-labelledby="check-in-heading">
        <h2 id="check-in-heading">Weekly check-in</h2>
        <p>
          Once a week, four quick questions about how things feel between you and {other}: trust, feeling safe,
          feeling heard and closeness.
        </p>
        <p className="tag">Coming soon</p>
      </section>

      <button type="button" className="link-button" onClick={onTalkPrivately}>
        Talk to your therapist privately
      </button>
    </Screen>
  );
}

/** The participant's own calendar date, in their device's language and time zone. */
function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date(iso));
}
