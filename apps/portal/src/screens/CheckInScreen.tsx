import type { CheckIn, CheckInRequest } from '@trustwork/contracts';
import { useState, type FormEvent } from 'react';
import { BackButton } from '../components/BackButton';
import { ScaleField, TextField } from '../components/fields';
import { LoadState } from '../components/LoadState';
import { Screen } from '../components/Screen';
import { SendStatus } from '../components/SendStatus';
import { formatMoment } from '../lib/dates';
import { useDraft } from '../lib/drafts';
import { formErrors, textLength } from '../lib/field-errors';
import { usePortal } from '../lib/portal-context';
import { usePortalLoad } from '../lib/use-portal-load';
import { usePortalSend } from '../lib/use-portal-send';

type Rating = 'trust' | 'safety' | 'heard' | 'closeness';
type CheckInDraft = Record<Rating, number | null> & { note: string };

const EMPTY: CheckInDraft = { trust: null, safety: null, heard: null, closeness: null, note: '' };
const NOTE_MAX_LENGTH = 1000;
const RECENT_SHOWN = 5;
/** The API names the field its messages are about: "trust must be a whole number…". */
const CHECK_IN_FIELDS = { trust: ['trust'], safety: ['safety'], heard: ['heard'], closeness: ['closeness'], note: ['note'] };

/** The four questions, asked about the other person by name; in the portal's own words. */
function ratingQuestions(other: string): { key: Rating; label: string; short: string; minLabel: string; maxLabel: string }[] {
  return [
    { key: 'trust', short: 'Trust', label: `How much do you feel you can trust ${other} right now?`, minLabel: 'Not at all', maxLabel: 'Completely' },
    { key: 'safety', short: 'Safe', label: `How safe have you felt with ${other} this week?`, minLabel: 'Not safe at all', maxLabel: 'Completely safe' },
    { key: 'heard', short: 'Heard', label: `How much have you felt heard by ${other} this week?`, minLabel: 'Not heard at all', maxLabel: 'Fully heard' },
    { key: 'closeness', short: 'Close', label: `How close have you felt to ${other} this week?`, minLabel: 'Very far apart', maxLabel: 'Very close' },
  ];
}

export function CheckInScreen({ onBack }: { onBack: () => void }) {
  const { welcome } = usePortal();
  const questions = ratingQuestions(welcome.otherParticipant.firstName);
  const recent = usePortalLoad<CheckIn[]>('check-ins');
  const draft = useDraft<CheckInDraft>('check-in', EMPTY);
  const { send, post, setSend } = usePortalSend<CheckIn>('check-ins');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [thanks, setThanks] = useState(false);

  const { errors, summary } = formErrors(send, problems, CHECK_IN_FIELDS);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setThanks(false);
    const found: Record<string, string> = {};
    for (const question of questions) {
      if (draft.values[question.key] === null) found[question.key] = `Please choose a number for: ${question.label}`;
    }
    if (textLength(draft.values.note) > NOTE_MAX_LENGTH) found.note = `Please keep your note to ${NOTE_MAX_LENGTH} characters or fewer`;
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setSend({ state: 'idle' });
      return;
    }
    const { trust, safety, heard, closeness, note } = draft.values;
    const body: CheckInRequest = { trust: trust!, safety: safety!, heard: heard!, closeness: closeness!, note: note.trim() || null };
    if (await post(body, draft.keyForSend())) {
      draft.clear();
      setThanks(true);
      recent.reload();
    }
  };

  const change = (key: keyof CheckInDraft, value: number | string) => {
    draft.update((values) => ({ ...values, [key]: value }));
    setProblems(({ [key]: _fixed, ...rest }) => rest);
  };

  return (
    <Screen title="Weekly check-in" footer={<BackButton onBack={onBack} />}>
      <p className="lead">
        Four quick questions about the past week. Answer for how things have really been; there are no right
        answers. Your therapist sees these, {welcome.otherParticipant.firstName} does not.
      </p>
      <p className="note" role="status">
        {thanks ? 'Thank you. Your check-in has gone to your therapist.' : ''}
      </p>
      <form className="form" noValidate onSubmit={submit} aria-label="This week's check-in">
        {draft.restored && <p className="note">We kept what you chose last time on this phone.</p>}
        {questions.map((question) => (
          <ScaleField
            key={question.key}
            label={question.label}
            minLabel={question.minLabel}
            maxLabel={question.maxLabel}
            value={draft.values[question.key]}
            onChange={(value) => change(question.key, value)}
            error={errors[question.key]}
          />
        ))}
        <TextField
          label="Anything you would like your therapist to know?"
          help="If you are worried about your safety, use “Talk to your therapist privately” instead, so it reaches them straight away."
          required={false}
          multiline
          maxLength={NOTE_MAX_LENGTH}
          value={draft.values.note}
          onChange={(value) => change('note', value)}
          error={errors.note}
        />
        <SendStatus send={send} general={summary} kept="Your answers are saved on this phone" onRetry={() => void submit()} />
        <button type="submit" className="button button-wide" disabled={send.state === 'sending'}>
          Send check-in
        </button>
      </form>

      <section aria-labelledby="recent-heading" className="recent">
        <h2 id="recent-heading">Your recent check-ins</h2>
        <LoadState loaded={recent.loaded} onRetry={recent.reload} what="your check-ins">
          {(checkIns) =>
            checkIns.length === 0 ? (
              <p className="note">Your first check-in will show here once you send it.</p>
            ) : (
              <table className="numbers">
                <thead>
                  <tr>
                    <th scope="col">Sent</th>
                    {questions.map((question) => (
                      <th key={question.key} scope="col">
                        {question.short}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {checkIns.slice(0, RECENT_SHOWN).map((checkIn) => (
                    <tr key={checkIn.id}>
                      <th scope="row">{formatMoment(checkIn.submittedAt)}</th>
                      {questions.map((question) => (
                        <td key={question.key}>{checkIn[question.key]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </LoadState>
      </section>
    </Screen>
  );
}
