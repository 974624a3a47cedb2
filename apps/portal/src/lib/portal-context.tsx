import type { PortalWelcome } from '@trustwork/contracts';
import { createContext, useContext } from 'react';

export interface PortalSession {
  token: string;
  welcome: PortalWelcome;
  /** The link stopped working mid-visit: App shows the invalid-link screen. */
  onInvalidLink: (message: string) => void;
  /** Reads the welcome again after something it counts changed (an agreement signed). */
  refreshWelcome: () => void;
}

export const PortalContext = createContext<PortalSession | null>(null);

export function usePortal(): PortalSession {
  const session = useContext(PortalContext);
  if (!session) throw new Error('usePortal needs a PortalContext provider.');
  return session;
}
