import { CANCEL_REASON_MAX_LENGTH, VIDEO_LINK_SHOWN_MINUTES_BEFORE, type PortalCancelSessionRequest, type PortalSession } from '@trustwork/contracts';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { BackButton } from '../components/BackButton';
import { TextField } from '../components/fields';
import { LoadState } from '../components/LoadState';
import { ProblemLine } from '../components/ProblemLine';
import { Screen } from '../components/Screen';
import { SendStatus } from '../components/SendStatus';
import { formErrors, textLength } from '../lib/field-errors';
import { usePortal } from '../lib/portal-context';
import { appointmentKind, appointmentTime, canAnswer, hasStarted, replyChoice, type ReplyChoice } from '../lib/sessions';
import { usePortalLoad } from '../lib/use-portal-load';
import { usePortalSend } from '../lib/use-portal-send';

interface SessionScreenProps {
  sessionId: string;
  onBack: () => void;
}

/** Reloading for the video link is worth it only when it is due soon; later, the person comes back. */
const LINK_WAIT_MAX_MS = 60 * 60 * 1000;

/** One appointment, by the id in its address: when and where, and the person's answer to it. */
export function SessionScreen({ sessionId, onBack }: SessionScreenProps) {
  const { loaded, reload } = usePortalLoad<PortalSession[]>('sessions');
  const [answered, setAnswered] = useState<PortalSession | null>(null);
  // Read once: a reminder's link only readies a choice, and only on arrival.
  const [reply, setReply] = useState(() => replyChoice(window.location.search));
  const refresh = useCallback(() => {
    setAnswered(null);
    reload();
  }, [reload]);
  const replyReady = useCallback(() => setReply(null), []);

  const session = answered ?? (loaded.state === 'ready' ? (loaded.data.find((candidate) => candidate.id === sessionId) ?? null) : null);
  return (
    <Screen title="Your appointment" busy={loaded.state === 'loading'} footer={<BackButton onBack={onBack} label="Back to your appointments" />}>
      {loaded.state !== 'ready' ? (
        <LoadState loaded={loaded} onRetry={reload} what="this appointment">
          {() => null}
        </LoadState>
      ) : session ? (
        <Appointment session={session} reply={reply} onReplyReady={replyReady} onAnswered={setAnswered} onStale={refresh} />
      ) : (
        <p className="lead">This appointment is not in your list. It may have taken place already, or your therapist may have changed it. Your coming appointments are all in your list.</p>
      )}
    </Screen>
  );
}

interface AppointmentProps {
  session: PortalSession;
  reply: ReplyChoice | null;
  onReplyReady: () => void;
  onAnswered: (session: PortalSession) => void;
  /** What is shown is out of date (it changed elsewhere, or the video link is due): read it again. */
  onStale: () => void;
}

/** How the API's 400 messages about the reason begin. */
const CANCEL_FIELDS = { reason: ['reason'] };

function Appointment({ session, reply, onReplyReady, onAnswered, onStale }: AppointmentProps) {
  const { welcome } = usePortal();
  const path = `sessions/${encodeURIComponent(session.id)}`;
  const confirming = usePortalSend<PortalSession>(`${path}/confirm`, { onConflict: onStale });
  const cancelling = usePortalSend<PortalSession>(`${path}/cancel`, { onConflict: onStale });
  const [cancelOpen, setCancelOpen] = useState(reply === 'cancel');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const confirmButton = useRef<HTMLButtonElement>(null);
  const answerState = useRef<HTMLDivElement>(null);
  const cancelForm = useRef<HTMLFormElement>(null);
  const open = canAnswer(session);
  const busy = confirming.send.state === 'sending' || cancelling.send.state === 'sending';
  const { errors, summary } = formErrors(cancelling.send, problems, CANCEL_FIELDS);

  useEffect(() => {
    if (!reply) return;
    if (open && reply === 'confirm') confirmButton.current?.focus();
    if (open && reply === 'cancel') cancelForm.current?.querySelector('textarea')?.focus();
    onReplyReady();
  }, [reply, open, onReplyReady]);

  const waitForLink = session.videoLinkFrom && !session.videoUrl && session.status === 'scheduled' ? Date.parse(session.videoLinkFrom) - Date.now() : null;
  useEffect(() => {
    if (waitForLink === null || waitForLink <= 0 || waitForLink > LINK_WAIT_MAX_MS) return;
    const timer = window.setTimeout(onStale, waitForLink);
    return () => window.clearTimeout(timer);
  }, [waitForLink, onStale]);

  // The button tapped goes away with the answer: focus moves to what the answer now is.
  const answered = (updated: PortalSession) => {
    onAnswered(updated);
    answerState.current?.focus();
  };

  const confirm = async () => {
    const confirmed = await confirming.post(undefined);
    if (confirmed) answered(confirmed);
  };

  const cancel = async (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = reason.trim();
    if (textLength(trimmed) > CANCEL_REASON_MAX_LENGTH) {
      setProblems({ reason: `Please keep it to ${CANCEL_REASON_MAX_LENGTH} characters or fewer` });
      return;
    }
    setProblems({});
    const body: PortalCancelSessionRequest = trimmed ? { reason: trimmed } : {};
    const cancelled = await cancelling.post(body);
    if (cancelled) answered(cancelled);
  };

  return (
    <>
      <div ref={answerState} tabIndex={-1}>
        <AnswerState session={session} />
      </div>
      <dl className="answers">
        <dt>When</dt>
        <dd>{appointmentTime(session.startsAt)}</dd>
        <dt>How long</dt>
        <dd>{session.durationMinutes} minutes</dd>
        <dt>Who</dt>
        <dd>{session.therapistName ? `${appointmentKind(session)}, with ${session.therapistName}` : appointmentKind(session)}</dd>
        <dt>Where</dt>
        <dd>
          <Place session={session} />
        </dd>
      </dl>
      {session.videoUrl && (
        <a className="button button-wide" href={session.videoUrl} target="_blank" rel="noopener noreferrer">
          Join video
        </a>
      )}

      {open && (
        <>
          <SendStatus send={confirming.send} general={[]} kept="Nothing has changed yet" onRetry={() => void confirm()} />
          <ProblemLine problem={confirming.send.state === 'refused' ? confirming.send.messages.join(' ') : null} />
          <div className="button-row">
            {session.response !== 'confirmed' && (
              <button ref={confirmButton} type="button" className="button" disabled={busy} onClick={() => void confirm()}>
                I'll be there
              </button>
            )}
            {!cancelOpen && (
              <button type="button" className="button button-quiet" disabled={busy} onClick={() => setCancelOpen(true)}>
                I can't come
              </button>
            )}
          </div>
        </>
      )}

      {open && cancelOpen && (
        <form ref={cancelForm} className="form confirm" noValidate onSubmit={cancel} aria-label="Cancel this appointment">
          {session.cancellingIsLate && (
            <p className="callout">
              This is inside the practice's notice period for cancelling, so it may be counted as a late cancellation.
            </p>
          )}
          <TextField
            label="Tell your therapist why (optional)"
            help={`For your therapist. ${welcome.otherParticipant.firstName} does not see it.`}
            multiline
            maxLength={CANCEL_REASON_MAX_LENGTH}
            value={reason}
            onChange={(value) => {
              setReason(value);
              setProblems({});
            }}
            error={errors.reason}
          />
          <SendStatus send={cancelling.send} general={summary} kept="What you wrote is still here" onRetry={() => void cancel()} />
          <div className="button-row">
            <button type="submit" className="button button-danger" disabled={busy}>
              Cancel this session
            </button>
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => setCancelOpen(false)}>
              Keep this appointment
            </button>
          </div>
        </form>
      )}
    </>
  );
}

/** Where the person stands, announced when it changes after a tap. */
function AnswerState({ session }: { session: PortalSession }) {
  if (session.status === 'cancelled') {
    return (
      <div className="callout callout-info" role="status">
        <p>
          <strong>Cancelled</strong>
        </p>
        <p>This appointment will not take place. To meet after all, contact your therapist.</p>
      </div>
    );
  }
  if (session.status === 'scheduled' && hasStarted(session)) {
    return (
      <p className="callout callout-info" role="status">
        This appointment has started.
      </p>
    );
  }
  return (
    <p className="callout callout-info" role="status">
      {session.response === 'confirmed' ? "You said you'll be there" : 'Please let your therapist know if you can come.'}
    </p>
  );
}

function Place({ session }: { session: PortalSession }) {
  if (session.modality === 'phone') return <>Phone</>;
  if (session.modality === 'video') {
    return session.videoUrl || session.status !== 'scheduled' ? <>Video</> : <>Video: the link appears here {VIDEO_LINK_SHOWN_MINUTES_BEFORE} minutes before the start</>;
  }
  return <>{session.address ?? 'In person'}</>;
}
