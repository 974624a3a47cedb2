import type { ExercisePrompt, SharedAnswer } from '@trustwork/contracts';
import { BackButton } from '../components/BackButton';
import { LoadState } from '../components/LoadState';
import { Screen } from '../components/Screen';
import { formatCalendarDate } from '../lib/dates';
import { usePortal } from '../lib/portal-context';
import { does, pronounsOf } from '../lib/pronouns';
import { usePortalLoad } from '../lib/use-portal-load';

export function SharedScreen({ onBack }: { onBack: () => void }) {
  const { welcome } = usePortal();
  const other = welcome.otherParticipant.firstName;
  const pronouns = pronounsOf(other, welcome.otherParticipant.pronouns);
  const { loaded, reload } = usePortalLoad<SharedAnswer[]>('shared');

  return (
    <Screen title="Shared with you" busy={loaded.state === 'loading'} footer={<BackButton onBack={onBack} />}>
      <LoadState loaded={loaded} onRetry={reload} what="what was shared with you">
        {(answers) =>
          answers.length === 0 ? (
            <p className="lead">
              {other} has not shared any answers with you yet. When {does(pronouns)}, you can read them here.
            </p>
          ) : (
            <>
              <p className="lead">Answers {other} chose to let you read.</p>
              <ul className="plain-list">
                {answers.map((shared) => (
                  <li key={shared.id} className="card">
                    <article aria-labelledby={`shared-${shared.id}`}>
                      <h2 id={`shared-${shared.id}`}>{shared.title}</h2>
                      <p className="note">
                        From {shared.from.firstName}, for {formatCalendarDate(shared.occurrenceOn, { dateStyle: 'long' })}
                      </p>
                      <dl className="answers">
                        {shared.prompts.map((prompt) => (
                          <div key={prompt.key}>
                            <dt>{prompt.label}</dt>
                            <dd>{answerText(prompt, shared.answers[prompt.key])}</dd>
                          </div>
                        ))}
                      </dl>
                    </article>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </LoadState>
    </Screen>
  );
}

/** An answer as words: the option's label, not its key; a scale with what its ends mean. */
function answerText(prompt: ExercisePrompt, value: unknown): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return 'Not answered';
  }
  switch (prompt.type) {
    case 'scale':
      return `${String(value)} out of 10 (0 = ${prompt.minLabel}, 10 = ${prompt.maxLabel})`;
    case 'yes-no':
      return value === true ? 'Yes' : 'No';
    case 'choice': {
      const keys = Array.isArray(value) ? value : [value];
      return keys.map((key) => prompt.options.find((option) => option.key === key)?.label ?? String(key)).join(', ');
    }
    case 'date':
      return formatCalendarDate(String(value), { dateStyle: 'long' });
    default:
      return String(value);
  }
}
