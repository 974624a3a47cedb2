import {
  SAFETY_REPORT_MESSAGE_MAX_LENGTH,
  SAFETY_REPORT_URGENCIES,
  SAFETY_REPORT_URGENCY_CHOICES,
  type SafetyReportReceived,
  type SafetyReportRequest,
  type SafetyReportUrgency,
} from '@trustwork/contracts';
import { useState, type FormEvent } from 'react';
import { BackButton } from '../components/BackButton';
import { Choices, TextField } from '../components/fields';
import { Screen } from '../components/Screen';
import { SendStatus } from '../components/SendStatus';
import { useDraft } from '../lib/drafts';
import { formErrors, textLength } from '../lib/field-errors';
import { usePortal } from '../lib/portal-context';
import { privateReadersSentence } from '../lib/private-readers';
import { usePortalSend } from '../lib/use-portal-send';

interface TalkPrivatelyScreenProps {
  onBack: () => void;
}

interface ReportDraft {
  message: string;
  urgency: SafetyReportUrgency | null;
}

const EMPTY: ReportDraft = { message: '', urgency: null };
const REPORT_FIELDS = { message: ['message'], urgency: ['urgency'] };

/** What each choice means in practice, so nobody has to guess which to pick. */
const URGENCY_EXPLANATIONS: Record<SafetyReportUrgency, string> = {
  concern: 'Your therapist will read it and get back to you.',
  urgent: 'Your therapist is alerted straight away and will try to contact you as soon as they can. They may not be available at every hour.',
};

/** The private line to the therapist: a safety report the other participant can never read. */
export function TalkPrivatelyScreen({ onBack }: TalkPrivatelyScreenProps) {
  const { welcome } = usePortal();
  const other = welcome.otherParticipant.firstName;
  const policy = welcome.confidentialityPolicy;
  const readers = privateReadersSentence(welcome);
  // What the therapist may bring into a joint session is the policy's to say, stated below.
  const neverTold = `${other} will never see your message itself.`;
  const draft = useDraft<ReportDraft>('safety-report', EMPTY, { persist: false });
  const { send, post, setSend } = usePortalSend<SafetyReportReceived>('safety-reports');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sent, setSent] = useState(false);

  const emergency = (
    <p className="callout">
      <strong>If you or someone else is in danger right now, call your local emergency number.</strong>
    </p>
  );

  if (sent) {
    return (
      <Screen title="Your message was sent" footer={<BackButton onBack={onBack} />}>
        {/* Not the API's own words, which name the therapist alone: these name everyone who reads it. */}
        <p className="lead" role="status">
          Your message has gone to your therapist.
        </p>
        <p>
          {readers} {neverTold}
        </p>
        {emergency}
      </Screen>
    );
  }

  const { errors, summary } = formErrors(send, problems, REPORT_FIELDS);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const { message, urgency } = draft.values;
    const found: Record<string, string> = {};
    if (!message.trim()) found.message = 'Please write a few words for your therapist';
    else if (textLength(message) > SAFETY_REPORT_MESSAGE_MAX_LENGTH) {
      found.message = `Please keep your message to ${SAFETY_REPORT_MESSAGE_MAX_LENGTH} characters or fewer`;
    }
    if (!urgency) found.urgency = 'Please choose how soon you need your therapist';
    setProblems(found);
    if (Object.keys(found).length > 0 || !urgency) {
      setSend({ state: 'idle' });
      return;
    }
    const body: SafetyReportRequest = { message: message.trim(), urgency };
    if (await post(body, draft.keyForSend())) {
      draft.clear();
      setSent(true);
    }
  };

  const change = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => {
    draft.update((values) => ({ ...values, [key]: value }));
    setProblems(({ [key]: _fixed, ...rest }) => rest);
  };

  return (
    <Screen title="Talk to your therapist privately" footer={<BackButton onBack={onBack} />}>
      <p className="lead">
        What you send from here goes to your therapist. {readers} {neverTold}
      </p>
      <section className="callout callout-info" aria-labelledby="policy-heading">
        <h2 id="policy-heading">Can it come up in a joint session?</h2>
        <p>
          {policy
            ? policy.privateLineSentence
            : `Your therapist has not yet said whether what you tell them alone may be brought into a session with ${other}. If that matters to you, ask them before you write.`}
        </p>
      </section>
      {emergency}
      <form className="form" noValidate onSubmit={submit} aria-label="Private message to your therapist">
        <TextField
          label="What would you like your therapist to know?"
          help="Write it in your own words. A few sentences are enough."
          multiline
          maxLength={SAFETY_REPORT_MESSAGE_MAX_LENGTH}
          value={draft.values.message}
          onChange={(value) => change('message', value)}
          error={errors.message}
        />
        <Choices
          label="How soon do you need your therapist?"
          options={SAFETY_REPORT_URGENCIES.map((urgency) => ({
            value: urgency,
            label: SAFETY_REPORT_URGENCY_CHOICES[urgency],
            hint: URGENCY_EXPLANATIONS[urgency],
          }))}
          value={draft.values.urgency ? [draft.values.urgency] : []}
          onChange={([urgency]) => change('urgency', urgency as SafetyReportUrgency)}
          error={errors.urgency}
        />
        <SendStatus send={send} general={summary} kept="Your words stay on this screen until you leave it (never stored on the phone)" onRetry={() => void submit()} />
        <button type="submit" className="button button-wide" disabled={send.state === 'sending'}>
          Send privately
        </button>
      </form>
    </Screen>
  );
}
