import type { PortalWelcome } from '@trustwork/contracts';
import { useEffect, useState } from 'react';
import { forgetParticipantToken, rememberParticipantToken, takeParticipantToken } from './participant-token';
import { PortalApiError, portalRequest } from './portal-api';
import { HomeScreen } from './screens/HomeScreen';
import { InvalidLinkScreen } from './screens/InvalidLinkScreen';
import { LoadingScreen } from './screens/LoadingScreen';
import { NoLinkScreen } from './screens/NoLinkScreen';
import { ProblemScreen } from './screens/ProblemScreen';
import { TalkPrivatelyScreen } from './screens/TalkPrivatelyScreen';

interface AppProps {
  /** From the opened link, or the one this device remembers (see openParticipantToken). */
  initialToken: string | null;
}

type Welcome =
  | { state: 'loading' }
  | { state: 'ready'; welcome: PortalWelcome }
  | { state: 'problem'; problem: PortalApiError };

/** Screens within the participant's space; state, not routes, as the fragment holds the token. */
type View = 'home' | 'talk-privately';

export function App({ initialToken }: AppProps) {
  const [token, setToken] = useState(initialToken);
  const [invalidLinkMessage, setInvalidLinkMessage] = useState<string | null>(null);
  const [welcome, setWelcome] = useState<Welcome>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [view, setView] = useState<View>('home');

  useEffect(() => {
    // A link pasted into an already-open tab only changes the fragment.
    const onHashChange = () => {
      const next = takeParticipantToken();
      if (!next) return;
      rememberParticipantToken(next);
      setInvalidLinkMessage(null);
      setWelcome({ state: 'loading' });
      setView('home');
      setToken(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    setWelcome({ state: 'loading' });
    portalRequest<PortalWelcome>('me', token, { signal: controller.signal }).then(
      (loaded) => setWelcome({ state: 'ready', welcome: loaded }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (!(error instanceof PortalApiError)) throw error;
        if (error.kind === 'invalid-link') {
          // A dead link is of no use on this device any more.
          forgetParticipantToken();
          setToken(null);
          setInvalidLinkMessage(error.message);
        } else {
          setWelcome({ state: 'problem', problem: error });
        }
      },
    );
    return () => controller.abort();
  }, [token, attempt]);

  const forgetDevice = () => {
    forgetParticipantToken();
    setToken(null);
    setWelcome({ state: 'loading' });
    setView('home');
  };

  if (invalidLinkMessage) return <InvalidLinkScreen message={invalidLinkMessage} />;
  if (!token) return <NoLinkScreen />;
  if (welcome.state === 'loading') return <LoadingScreen />;
  if (welcome.state === 'problem') {
    return <ProblemScreen problem={welcome.problem} onRetry={() => setAttempt((count) => count + 1)} />;
  }
  if (view === 'talk-privately') {
    return <TalkPrivatelyScreen welcome={welcome.welcome} onBack={() => setView('home')} />;
  }
  return (
    <HomeScreen welcome={welcome.welcome} onTalkPrivately={() => setView('talk-privately')} onForget={forgetDevice} />
  );
}
