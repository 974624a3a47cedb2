import {
  SIGNATURE_NAME_MAX,
  type PortalAgreementDocument,
  type PortalSignature,
  type SignAgreementRequest,
} from '@trustwork/contracts';
import { useId, useState, type FormEvent } from 'react';
import { AgreementText } from '../components/AgreementText';
import { BackButton } from '../components/BackButton';
import { DownloadSignedCopy } from '../components/DownloadSignedCopy';
import { CheckboxField, TextField } from '../components/fields';
import { LoadState } from '../components/LoadState';
import { ProblemLine } from '../components/ProblemLine';
import { Screen } from '../components/Screen';
import { SendStatus } from '../components/SendStatus';
import { agreementPath, useReachedEnd } from '../lib/agreements';
import { formatMoment } from '../lib/dates';
import { formErrors, textLength } from '../lib/field-errors';
import { usePortal } from '../lib/portal-context';
import { usePortalLoad } from '../lib/use-portal-load';
import { usePortalSend } from '../lib/use-portal-send';

interface AgreementScreenProps {
  agreementId: string;
  onBack: () => void;
}

/** One agreement, by the id in its address: read to the end and signed, or its signed copy. */
export function AgreementScreen({ agreementId, onBack }: AgreementScreenProps) {
  const { refreshWelcome } = usePortal();
  const { loaded, reload } = usePortalLoad<PortalAgreementDocument>(agreementPath(agreementId));
  const [signature, setSignature] = useState<PortalSignature | null>(null);
  const [changed, setChanged] = useState(false);
  // Kept here, above the form, so a document that changed while open keeps the typed name.
  const [typedName, setTypedName] = useState('');
  const back = <BackButton onBack={onBack} label="Back to your agreements" />;

  if (loaded.state === 'ready') {
    const agreement = loaded.data;
    if (signature) {
      return (
        <Screen title="Thank you for signing" footer={back}>
          <p className="lead" role="status">
            You signed “{agreement.title}” on {formatMoment(signature.signedAt, 'long')}, as {signature.typedName}.
          </p>
          <DownloadSignedCopy agreementId={agreement.agreementId} title={agreement.title} />
        </Screen>
      );
    }
    if (agreement.state === 'signed') {
      return (
        <Screen title={agreement.title} footer={back}>
          <p className="callout callout-info">
            {agreement.signedAt ? `You signed this on ${formatMoment(agreement.signedAt, 'long')}.` : 'You have signed this.'}
          </p>
          <DownloadSignedCopy agreementId={agreement.agreementId} title={agreement.title} />
          <AgreementText text={agreement.text} />
        </Screen>
      );
    }
    return (
      <Screen title={agreement.title} footer={back}>
        <ProblemLine problem={changed ? 'This agreement was changed after you opened it. Please read the new version to the end before you sign.' : null} />
        <SigningForm
          agreement={agreement}
          typedName={typedName}
          onTypedName={setTypedName}
          onSigned={(signed) => {
            setSignature(signed);
            refreshWelcome();
          }}
          onChanged={() => {
            setChanged(true);
            reload();
          }}
        />
      </Screen>
    );
  }

  if (loaded.state === 'problem' && loaded.problem.status === 404) {
    return (
      <Screen title="This agreement is not in your list" footer={back}>
        <p className="lead">Your therapist may have taken it off your case. Everything you have to sign is in your agreements.</p>
      </Screen>
    );
  }
  return (
    <Screen title="Your agreement" busy={loaded.state === 'loading'} footer={back}>
      <LoadState loaded={loaded} onRetry={reload} what="this agreement">
        {() => null}
      </LoadState>
    </Screen>
  );
}

interface SigningFormProps {
  agreement: PortalAgreementDocument;
  typedName: string;
  onTypedName: (name: string) => void;
  onSigned: (signature: PortalSignature) => void;
  /** The text changed since it was loaded (409): it must be read again. */
  onChanged: () => void;
}

/** How the API's 400 messages about each field begin. */
const SIGNATURE_FIELDS = { typedName: ['typedName', 'Your full name'], intendToSign: ['intendToSign'] };

function SigningForm({ agreement, typedName, onTypedName, onSigned, onChanged }: SigningFormProps) {
  const { end, reached } = useReachedEnd<HTMLDivElement>();
  const [intendToSign, setIntendToSign] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { send, post, setSend } = usePortalSend<PortalSignature>(`${agreementPath(agreement.agreementId)}/signature`, {
    onConflict: onChanged,
  });
  const readToEndId = useId();
  // Reaching the end settles "read to the end" without another tap.
  const { read: _read, ...whenRead } = problems;
  const { errors, summary } = formErrors(send, reached ? whenRead : problems, SIGNATURE_FIELDS);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const found: Record<string, string> = {};
    if (!reached) found.read = 'Please read the agreement to the end before you sign';
    if (!typedName.trim()) found.typedName = 'Please type your full name';
    else if (textLength(typedName.trim()) > SIGNATURE_NAME_MAX) {
      found.typedName = `Please keep your name to ${SIGNATURE_NAME_MAX} characters or fewer`;
    }
    if (!intendToSign) found.intendToSign = 'Please tick the box to confirm that you mean to sign';
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setSend({ state: 'idle' });
      return;
    }
    const body: SignAgreementRequest = {
      version: agreement.version,
      documentHash: agreement.documentHash,
      typedName: typedName.trim(),
      intendToSign,
    };
    const signature = await post(body);
    if (signature) onSigned(signature);
  };

  const fixed = (field: string) => setProblems(({ [field]: _fixed, ...rest }) => rest);

  return (
    <>
      <AgreementText text={agreement.text} endRef={end} />
      <form className="form" noValidate onSubmit={submit} aria-label={`Sign ${agreement.title}`}>
        <TextField
          label="Your full name"
          help="Type your name as your signature."
          autoComplete="name"
          counter={false}
          multiline={false}
          maxLength={SIGNATURE_NAME_MAX}
          value={typedName}
          onChange={(name) => {
            onTypedName(name);
            fixed('typedName');
          }}
          error={errors.typedName}
        />
        <CheckboxField
          label={agreement.statement}
          checked={intendToSign}
          onChange={(checked) => {
            setIntendToSign(checked);
            fixed('intendToSign');
          }}
          error={errors.intendToSign}
        />
        <SendStatus send={send} general={summary} kept="What you typed is still here" onRetry={() => void submit()} />
        {!reached && (
          <p id={readToEndId} className="note">
            Read to the end to sign.
          </p>
        )}
        <button type="submit" className="button button-wide" disabled={send.state === 'sending'} aria-describedby={reached ? undefined : readToEndId}>
          Sign
        </button>
      </form>
    </>
  );
}
