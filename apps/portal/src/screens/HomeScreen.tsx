import { ForgetDevice } from '../components/ForgetDevice';
import { ReminderSwitch } from '../components/ReminderSwitch';
import { Screen } from '../components/Screen';
import { formatMoment } from '../lib/dates';
import { usePortal } from '../lib/portal-context';

/** The parts of the participant's space the home screen leads to. */
export type Section = 'homework' | 'shared' | 'check-in' | 'talk-privately';

interface HomeScreenProps {
  onOpen: (section: Section) => void;
  onForget: () => void;
}

export function HomeScreen({ onOpen, onForget }: HomeScreenProps) {
  const { welcome } = usePortal();
  const other = welcome.otherParticipant.firstName;
  const therapist = welcome.therapist?.name;

  return (
    <Screen
      title={`Hi ${welcome.participant.firstName}`}
      footer={
        <>
          <ReminderSwitch />
          <p className="note">
            This page is just for you. Please keep your personal link to yourself. It works until{' '}
            {formatMoment(welcome.expiresAt, 'long')}.
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
        <p>The exercises your therapist gives you, some for you alone and some to do with {other}, with when each is due.</p>
        <button type="button" className="button" onClick={() => onOpen('homework')}>
          See your homework
        </button>
      </section>

      <section className="card" aria-labelledby="shared-heading">
        <h2 id="shared-heading">Shared with you</h2>
        <p>Answers {other} chose to let you read.</p>
        <button type="button" className="button button-quiet" onClick={() => onOpen('shared')}>
          Read what {other} shared
        </button>
      </section>

      <section className="card" aria-labelledby="check-in-heading">
        <h2 id="check-in-heading">Weekly check-in</h2>
        <p>
          Once a week, four quick questions about how things feel between you and {other}: trust, feeling safe,
          feeling heard and closeness.
        </p>
        <button type="button" className="button button-quiet" onClick={() => onOpen('check-in')}>
          Do your check-in
        </button>
      </section>

      <button type="button" className="link-button" onClick={() => onOpen('talk-privately')}>
        Talk to your therapist privately
      </button>
    </Screen>
  );
}
