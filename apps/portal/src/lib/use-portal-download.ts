import { useRef, useState } from 'react';
import { PortalApiError, portalFile } from '../portal-api';
import { usePortal } from './portal-context';
import { saveFile } from './save-file';

export type DownloadState = 'idle' | 'downloading' | 'saved';

/**
 * Fetches one PDF at a time with the link in the header and saves it on the device; `what`
 * names it in the status line ("invoice INV-0007", "statement").
 */
export function usePortalDownload() {
  const { token, onInvalidLink } = usePortal();
  const [state, setState] = useState<DownloadState>('idle');
  const [what, setWhat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // A double tap's second tap can arrive before the disabled button is drawn: one download.
  const downloading = useRef(false);

  const download = async (path: string, fileName: string, named: string) => {
    if (downloading.current) return;
    downloading.current = true;
    setWhat(named);
    setState('downloading');
    setProblem(null);
    try {
      const file = await portalFile(path, token, 'application/pdf');
      saveFile(file.blob, file.fileName ?? fileName);
      setState('saved');
    } catch (error) {
      setState('idle');
      if (!(error instanceof PortalApiError)) throw error;
      if (error.kind === 'invalid-link') onInvalidLink(error.message);
      else setProblem(`${error.message} Your ${named} was not downloaded.`);
    } finally {
      downloading.current = false;
    }
  };

  const status = state === 'downloading' ? `Preparing your ${what}…` : state === 'saved' ? `Your ${what} was downloaded.` : '';
  return { state, downloading: state === 'downloading', status, problem, download };
}
