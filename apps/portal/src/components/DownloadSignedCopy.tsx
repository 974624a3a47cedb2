import { useRef, useState } from 'react';
import { agreementPath } from '../lib/agreements';
import { usePortal } from '../lib/portal-context';
import { saveFile } from '../lib/save-file';
import { PortalApiError, portalFile } from '../portal-api';
import { ProblemLine } from './ProblemLine';

interface DownloadSignedCopyProps {
  agreementId: string;
  title: string;
}

/** The person's own signed copy as a PDF, fetched with the link in the header and saved on the device. */
export function DownloadSignedCopy({ agreementId, title }: DownloadSignedCopyProps) {
  const { token, onInvalidLink } = usePortal();
  const [state, setState] = useState<'idle' | 'downloading' | 'saved'>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  // A double tap's second tap can arrive before the disabled button is drawn: one download.
  const downloading = useRef(false);

  const download = async () => {
    if (downloading.current) return;
    downloading.current = true;
    setState('downloading');
    setProblem(null);
    try {
      const file = await portalFile(`${agreementPath(agreementId)}/pdf`, token, 'application/pdf');
      saveFile(file.blob, file.fileName ?? `${title} (signed).pdf`);
      setState('saved');
    } catch (error) {
      setState('idle');
      if (!(error instanceof PortalApiError)) throw error;
      if (error.kind === 'invalid-link') onInvalidLink(error.message);
      else setProblem(`${error.message} Your copy was not downloaded.`);
    } finally {
      downloading.current = false;
    }
  };

  return (
    <div className="download">
      <button type="button" className="button" disabled={state === 'downloading'} onClick={() => void download()}>
        Download your signed copy (PDF)
      </button>
      <p className="note">It is saved on this device. If other people use it, delete the copy once you have kept it somewhere safe.</p>
      <p className="note" role="status">
        {state === 'downloading' ? 'Preparing your copy…' : state === 'saved' ? 'Your signed copy was downloaded.' : ''}
      </p>
      <ProblemLine problem={problem} />
    </div>
  );
}
