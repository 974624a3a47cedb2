import type { CheckIn, CheckInRequest } from '@trustwork/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BackButton } from '../components/BackButton';
import { ScaleField, TextField } from '../components/fields';
import { LoadState } from '../components/LoadState';
import { Screen } from '../components/Screen';
import { SendStatus } from '../components/SendStatus';
import { addDays, dateOfMoment, formatCalendarDate, formatMoment, today } from '../lib/dates';
import { useDraft } from '../lib/drafts';
import { formErrors, textLength } from '../lib/field-errors';
import { usePortal } from '../lib/portal-context';
import { usePortalLoad } from '../lib/use-portal-load';
import { usePortalSend } from '../lib/use-portal-send';

type Rating = 'trust' | 'safety' | 'heard' | 'closeness';
type CheckInDraft = Record<Rating, number | null> & { note: string };
type Question = { key: Rating; label: string; short: string; minLabel: string; maxLabel: string };

const EMPTY: CheckInDraft = { trust: null, safety: null, heard: null, closeness: null, note: '' };
const NOTE_MAX_LENGTH = 1000;
const RECENT_SHOWN = 5;
/**
 * A check-in counts for a week from the day it was sent. The API accepts more than one
 * (something may change mid-week), so the portal offers another without asking for it.
 */
const CHECK_IN_EVERY_DAYS = 7;
/** The API names the field its messages are about: "trust must be a whole number…". */
const CHECK_IN_FIELDS = { trust: ['trust'], safety: ['safety'], heard: ['heard'], closeness: ['closeness'], note: ['note'] };

/** The four questions, asked about the other person by name; in the portal's own words. */
function ratingQuestions(other: string): Question[] {
  return [
    { key: 'trust', short: 'Trust', label: `How much do you feel you can trust ${other} right now?`, minLabel: 'Not at all', maxLabel: 'Completely' },
    { key: 'safety', short: 'Safe', label: `How safe have you felt with ${other} this week?`, minLabel: 'Not safe at all', maxLabel: 'Completely safe' },
    { key: 'heard', short: 'Heard', label: `How much have you felt heard by ${other} this week?`, minLabel: 'Not heard at all', maxLabel: 'Fully heard' },
    { key: 'closeness', short: 'Close', label: `How close have you felt to ${other} this week?`, minLabel: 'Very far apart', maxLabel: 'Very close' },
  ];
}

/** The day a check-in was sent, on this phone, and the day the next one is due. */
function weekOf(checkIn: CheckIn): { sentOn: string; nextOn: string } {
  const sentOn = dateOfMoment(checkIn.submittedAt);
  return { sentOn, nextOn: addDays(sentOn, CHECK_IN_EVERY_DAYS) };
}

const longDay = (on: string) => formatCalendarDate(on, { weekday: 'long', day: 'numeric', month: 'long' });

export function CheckInScreen({ onBack }: { onBack: () => void }) {
  const { welcome } = usePortal();
  const questions = ratingQuestions(welcome.otherParticipant.firstName);
  const recent = usePortalLoad<CheckIn[]>('check-ins');
  const [sent, setSent] = useState<CheckIn | null>(null);
  const [another, setAnother] = useState(false);
  const thanks = useRef<HTMLParagraphElement>(null);

  // The thanks replace the form, where the thumb just pressed Send: focus, and the screen reader, go there too.
  useEffect(() => {
    if (sent) thanks.current?.focus();
  }, [sent]);

  const onSent = (checkIn: CheckIn) => {
    setSent(checkIn);
    setAnother(false);
    recent.reload();
  };

  const latest = recent.loaded.state === 'ready' && recent.loaded.data.length > 0 ? weekOf(recent.loaded.data[0]) : null;
  const thisWeek = latest && today() < latest.nextOn ? latest : null;

  const renderMain = () => {
    if (sent) {
      return (
        <div className="card">
          <p ref={thanks} tabIndex={-1} className="lead">
            Thank you. Your check-in has gone to your therapist.
          </p>
          <p>Next check-in from {longDay(weekOf(sent).nextOn)}.</p>
        </div>
      );
    }
    // Until the last check-in is known, a blank form could invite a second one by mistake.
    if (recent.loaded.state === 'loading') return null;
    if (thisWeek && !another) {
      const when = thisWeek.sentOn === today() ? 'today' : `on ${formatCalendarDate(thisWeek.sentOn, { weekday: 'long' })}`;
      return (
        <div className="card">
          <p className="lead">
            You checked in {when}. Next check-in from {longDay(thisWeek.nextOn)}.
          </p>
          <p>If something has changed since, you can send another.</p>
          <button type="button" className="button button-quiet" onClick={() => setAnother(true)}>
            Send another check-in
          </button>
        </div>
      );
    }
    return <CheckInForm questions={questions} focusOnShow={another} onSent={onSent} />;
  };

  return (
    <Screen title="Weekly check-in" footer={<BackButton onBack={onBack} />}>
      <p className="lead">
        Four quick questions about the past week. Answer for how things have really been; there are no right
        answers. Your therapist sees these, {welcome.otherParticipant.firstName} does not.
      </p>
      {renderMain()}

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

interface CheckInFormProps {
  questions: Question[];
  /** Opened on request ("Send another check-in"): focus moves into it. */
  focusOnShow: boolean;
  onSent: (checkIn: CheckIn) => void;
}

function CheckInForm({ questions, focusOnShow, onSent }: CheckInFormProps) {
  const draft = useDraft<CheckInDraft>('check-in', EMPTY);
  const { send, post, setSend } = usePortalSend<CheckIn>('check-ins');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusOnShow) form.current?.focus();
  }, [focusOnShow]);

  const { errors, summary } = formErrors(send, problems, CHECK_IN_FIELDS);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
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
    const checkIn = await post(body, draft.keyForSend());
    if (checkIn) {
      draft.clear();
      onSent(checkIn);
    }
  };

  const change = (key: keyof CheckInDraft, value: number | string) => {
    draft.update((values) => ({ ...values, [key]: value }));
    setProblems(({ [key]: _fixed, ...rest }) => rest);
  };

  return (
    <form ref={form} tabIndex={-1} className="form" noValidate onSubmit={submit} aria-label="This week's check-in">
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
  );
}
