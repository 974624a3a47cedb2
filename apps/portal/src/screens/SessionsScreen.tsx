import type { PortalSession } from '@trustwork/contracts';
import { BackButton } from '../components/BackButton';
import { LoadState } from '../components/LoadState';
import { Screen } from '../components/Screen';
import { appointmentAnswer, appointmentKind, appointmentPlace, appointmentTime } from '../lib/sessions';
import { usePortalLoad } from '../lib/use-portal-load';

interface SessionsScreenProps {
  onOpen: (sessionId: string) => void;
  onBack: () => void;
}

/** This person's coming appointments: the ones together and their own, never the other person's. */
export function SessionsScreen({ onOpen, onBack }: SessionsScreenProps) {
  const { loaded, reload } = usePortalLoad<PortalSession[]>('sessions');

  return (
    <Screen title="Your appointments" busy={loaded.state === 'loading'} footer={<BackButton onBack={onBack} />}>
      <LoadState loaded={loaded} onRetry={reload} what="your appointments">
        {(sessions) =>
          sessions.length === 0 ? (
            <p className="lead">No appointments coming up. When your therapist books one, it will be here.</p>
          ) : (
            <ul className="plain-list">
              {sessions.map((session) => {
                const when = appointmentTime(session.startsAt);
                const answer = appointmentAnswer(session);
                return (
                  <li key={session.id} className="card">
                    <h2>{when}</h2>
                    <p>
                      {appointmentKind(session)}, {session.durationMinutes} minutes. {appointmentPlace(session)}
                    </p>
                    <p className={answer === 'Not answered yet' ? 'tag tag-due' : 'tag'}>{answer}</p>
                    {/* The visible words start the spoken name, which adds which appointment it opens. */}
                    <button type="button" className="button" aria-label={`Open the appointment on ${when}`} onClick={() => onOpen(session.id)}>
                      Open
                    </button>
                  </li>
                );
              })}
            </ul>
          )
        }
      </LoadState>
    </Screen>
  );
}
