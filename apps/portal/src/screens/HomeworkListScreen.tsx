import type { PortalAssignment } from '@trustwork/contracts';
import { BackButton } from '../components/BackButton';
import { LoadState } from '../components/LoadState';
import { Screen } from '../components/Screen';
import { statusWords } from '../lib/homework';
import { usePortal } from '../lib/portal-context';
import { usePortalLoad } from '../lib/use-portal-load';

interface HomeworkListScreenProps {
  onOpen: (assignment: PortalAssignment) => void;
  onBack: () => void;
}

export function HomeworkListScreen({ onOpen, onBack }: HomeworkListScreenProps) {
  const { welcome } = usePortal();
  const { loaded, reload } = usePortalLoad<PortalAssignment[]>('assignments');

  return (
    <Screen title="Your homework" busy={loaded.state === 'loading'} footer={<BackButton onBack={onBack} />}>
      <LoadState loaded={loaded} onRetry={reload} what="your homework">
        {(assignments) =>
          assignments.length === 0 ? (
            <p className="lead">
              Nothing to do just now. When your therapist gives you an exercise, it will be here with when it is due.
            </p>
          ) : (
            <ul className="plain-list">
              {assignments.map((assignment) => {
                const status = statusWords(assignment);
                const action = status.tone === 'done' ? 'Look again' : 'Open';
                return (
                  <li key={assignment.id} className="card">
                    <h2>{assignment.title}</h2>
                    <p className={`tag tag-${status.tone}`}>{status.text}</p>
                    {assignment.together && <p className="note">To do together with {welcome.otherParticipant.firstName}.</p>}
                    {assignment.note && (
                      <p className="therapist-note">
                        <span className="visually-hidden">Your therapist's note: </span>
                        {assignment.note}
                      </p>
                    )}
                    {/* The visible word starts the spoken name, which adds which exercise it opens. */}
                    <button
                      type="button"
                      className="button"
                      aria-label={`${action} ${assignment.title}`}
                      onClick={() => onOpen(assignment)}
                    >
                      {action}
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
