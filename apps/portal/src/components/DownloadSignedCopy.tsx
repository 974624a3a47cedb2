import { agreementPath } from '../lib/agreements';
import { usePortalDownload } from '../lib/use-portal-download';
import { ProblemLine } from './ProblemLine';

interface DownloadSignedCopyProps {
  agreementId: string;
  title: string;
}

/** The person's own signed copy as a PDF, fetched with the link in the header and saved on the device. */
export function DownloadSignedCopy({ agreementId, title }: DownloadSignedCopyProps) {
  // "copy" names it in the problem line; the status line says "signed copy" once it is saved.
  const { state, downloading, problem, download } = usePortalDownload();

  return (
    <div className="download">
      <button
        type="button"
        className="button"
        disabled={downloading}
        onClick={() => void download(`${agreementPath(agreementId)}/pdf`, `${title} (signed).pdf`, 'copy')}
      >
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
