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

/** The private line to the therapist: a safety report only the therapist can ever read. */
export function TalkPrivatelyScreen({ onBack }: TalkPrivatelyScreenProps) {
  const { welcome } = usePortal();
  const therapist = welcome.therapist?.name ?? 'your therapist';
  const draft = useDraft<ReportDraft>('safety-report', EMPTY, { persist: false });
  const { send, post, setSend } = usePortalSend<SafetyReportReceived>('safety-reports');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [received, setReceived] = useState<SafetyReportReceived | null>(null);

  const emergency = (
    <p className="callout">
      <strong>If you or someone else is in danger right now, call your local emergency number.</strong>
    </p>
  );

  if (received) {
    return (
      <Screen title="Your message was sent" footer={<BackButton onBack={onBack} />}>
        <p className="lead" role="status">
          {received.message}
        </p>
        <p>{welcome.otherParticipant.firstName} cannot see that you sent it, or what it says.</p>
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
    const answer = await post(body, draft.keyForSend());
    if (answer) {
      draft.clear();
      setReceived(answer);
    }
  };

  const change = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => {
    draft.update((values) => ({ ...values, [key]: value }));
    setProblems(({ [key]: _fixed, ...rest }) => rest);
  };

  return (
    <Screen title="Talk to your therapist privately" footer={<BackButton onBack={onBack} />}>
      <p className="lead">
        What you send from here goes to {therapist} only. {welcome.otherParticipant.firstName} will never see it, and
        it is never shared.
      </p>
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
