import { useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

/** Copies text to the clipboard, remembering how it went so the screen can say so. */
export function useCopyText() {
  const [state, setState] = useState<CopyState>('idle');
  const copy = async (text: string): Promise<boolean> => {
    try {
      // Missing outside a secure context (plain http), and refused without permission.
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
      return true;
    } catch {
      setState('failed');
      return false;
    }
  };
  return { state, copy };
}
