import type { Occurrence, PortalAssignment, PortalSubmission } from '@trustwork/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { BackButton } from '../components/BackButton';
import { Choices } from '../components/fields';
import { LoadState } from '../components/LoadState';
import { PromptField } from '../components/PromptField';
import { Screen } from '../components/Screen';
import { SendStatus } from '../components/SendStatus';
import { answerProblems, answersToSend, type Answers } from '../lib/answers';
import { formatCalendarDate } from '../lib/dates';
import { useDraft } from '../lib/drafts';
import { formErrors, subjectOf } from '../lib/field-errors';
import { occurrenceToAnswer, statusWords } from '../lib/homework';
import { usePortal } from '../lib/portal-context';
import { privateReadersSentence } from '../lib/private-readers';
import { usePortalLoad } from '../lib/use-portal-load';
import { usePortalSend } from '../lib/use-portal-send';

interface HomeworkScreenProps {
  assignmentId: string;
  onBack: () => void;
}

/** One exercise, by the id in its address: read afresh, so a reload or Forward never shows a stale sheet. */
export function HomeworkScreen({ assignmentId, onBack }: HomeworkScreenProps) {
  const { loaded, reload } = usePortalLoad<PortalAssignment[]>('assignments');
  const back = <BackButton onBack={onBack} label="Back to your homework" />;

  if (loaded.state === 'ready') {
    const assignment = loaded.data.find((candidate) => candidate.id === assignmentId);
    if (assignment) return <Exercise assignment={assignment} back={back} />;
    return (
      <Screen title="This exercise is not in your homework" footer={back}>
        <p className="lead">Your therapist may have paused or finished it. Everything you still have to do is in your homework.</p>
      </Screen>
    );
  }
  return (
    <Screen title="Your homework" busy={loaded.state === 'loading'} footer={back}>
      <LoadState loaded={loaded} onRetry={reload} what="this exercise">
        {() => null}
      </LoadState>
    </Screen>
  );
}

function Exercise({ assignment, back }: { assignment: PortalAssignment; back: ReactNode }) {
  const { welcome } = usePortal();
  const [sent, setSent] = useState<PortalSubmission | null>(null);
  const occurrence = occurrenceToAnswer(assignment);
  const status = statusWords(assignment);

  if (sent) {
    return (
      <Screen title="Thank you" footer={back}>
        <p className="lead" role="status">
          {sent.shared
            ? `Your answers have gone to your therapist, and ${welcome.otherParticipant.firstName} can read them too.`
            : `Your answers have gone to your therapist. ${privateReadersSentence(welcome)}`}
        </p>
      </Screen>
    );
  }

  return (
    <Screen title={assignment.title} footer={back}>
      <p className={`tag tag-${status.tone}`}>{status.text}</p>
      {assignment.note && (
        <section className="therapist-note" aria-labelledby="therapist-note-heading">
          <h2 id="therapist-note-heading">From your therapist</h2>
          <p>{assignment.note}</p>
        </section>
      )}
      <p className="instructions">{assignment.instructions}</p>
      {assignment.together && (
        <p className="note">This one is for you and {welcome.otherParticipant.firstName} to do together.</p>
      )}
      {occurrence ? (
        <HomeworkForm key={occurrence.on} assignment={assignment} occurrence={occurrence} onSent={setSent} />
      ) : (
        <p className="card">
          {assignment.occurrences.length === 0
            ? 'This exercise starts later. You can answer it here once it begins.'
            : 'You have sent your answers for every date so far. Thank you.'}
        </p>
      )}
    </Screen>
  );
}

interface HomeworkFormProps {
  assignment: PortalAssignment;
  occurrence: Occurrence;
  onSent: (submission: PortalSubmission) => void;
}

interface HomeworkDraft {
  answers: Answers;
  shared: boolean;
}

const EMPTY: HomeworkDraft = { answers: {}, shared: false };

function HomeworkForm({ assignment, occurrence, onSent }: HomeworkFormProps) {
  const { welcome } = usePortal();
  const other = welcome.otherParticipant.firstName;
  const draft = useDraft<HomeworkDraft>(`homework.${assignment.id}.${occurrence.on}`, EMPTY);
  const { send, post, setSend } = usePortalSend<PortalSubmission>(`assignments/${assignment.id}/submissions`);
  const [problems, setProblems] = useState<Record<string, string>>({});

  // Before sending, the form's own checks; after, the API's, placed by the question they name.
  const fieldPrefixes = Object.fromEntries([
    ...assignment.prompts.map((prompt) => [prompt.key, [subjectOf(prompt.label), prompt.key]]),
    ['shared', ['shared']],
  ]);
  const { errors, summary } = formErrors(send, problems, fieldPrefixes);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const found = answerProblems(assignment.prompts, draft.values.answers);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setSend({ state: 'idle' });
      return;
    }
    const body = {
      occurrenceOn: occurrence.on,
      answers: answersToSend(assignment.prompts, draft.values.answers),
      shared: draft.values.shared,
    };
    const submission = await post(body, draft.keyForSend());
    if (submission) {
      draft.clear();
      onSent(submission);
    }
  };

  const answer = (key: string, value: unknown) => {
    draft.update((values) => ({ ...values, answers: { ...values.answers, [key]: value } }));
    setProblems(({ [key]: _answered, ...rest }) => rest);
  };

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="answers-heading">
      <h2 id="answers-heading">
        Your answers for {formatCalendarDate(occurrence.on, { weekday: 'long', day: 'numeric', month: 'long' })}
      </h2>
      {draft.restored && <p className="note">We kept what you wrote last time on this phone.</p>}
      {assignment.prompts.map((prompt) => (
        <PromptField
          key={prompt.key}
          prompt={prompt}
          value={draft.values.answers[prompt.key]}
          onChange={(value) => answer(prompt.key, value)}
          error={errors[prompt.key]}
        />
      ))}
      <Choices
        label="Who can read these answers?"
        options={[
          { value: 'private', label: `Keep this private (${other} will not see it)`, hint: privateReadersSentence(welcome) },
          { value: 'shared', label: `Share with ${other}` },
        ]}
        value={[draft.values.shared ? 'shared' : 'private']}
        onChange={([choice]) => draft.update((values) => ({ ...values, shared: choice === 'shared' }))}
        error={errors.shared}
      />
      <SendStatus send={send} general={summary} kept="Your answers are saved on this phone" onRetry={() => void submit()} />
      <button type="submit" className="button button-wide" disabled={send.state === 'sending'}>
        Send
      </button>
    </form>
  );
}
