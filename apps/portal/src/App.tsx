import type { PortalWelcome } from '@trustwork/contracts';
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { forgetAllDrafts } from './lib/drafts';
import { dropHeadStart, takeHeadStart } from './lib/head-start';
import { goBackTo, goTo, HOME, replaceWith, usePlace, type Section } from './lib/navigation';
import { useIdleClose } from './lib/use-idle-close';
import { PortalContext, type PortalSession } from './lib/portal-context';
import { forgetParticipantToken, rememberParticipantToken, takeParticipantToken } from './participant-token';
import { PortalApiError, portalRequest } from './portal-api';
import { AgreementScreen } from './screens/AgreementScreen';
import { AgreementsScreen } from './screens/AgreementsScreen';
import { BillingScreen } from './screens/BillingScreen';
import { CheckInScreen } from './screens/CheckInScreen';
import { HomeScreen } from './screens/HomeScreen';
import { HomeworkListScreen } from './screens/HomeworkListScreen';
import { HomeworkScreen } from './screens/HomeworkScreen';
import { InvalidLinkScreen } from './screens/InvalidLinkScreen';
import { LoadingScreen } from './screens/LoadingScreen';
import { NoLinkScreen } from './screens/NoLinkScreen';
import { ProblemScreen } from './screens/ProblemScreen';
import { SessionScreen } from './screens/SessionScreen';
import { SessionsScreen } from './screens/SessionsScreen';
import { SharedScreen } from './screens/SharedScreen';
import { TalkPrivatelyScreen } from './screens/TalkPrivatelyScreen';

interface AppProps {
  /** From the opened link, or the one this device remembers (see openParticipantToken). */
  initialToken: string | null;
}

type Welcome =
  | { state: 'loading' }
  | { state: 'ready'; welcome: PortalWelcome }
  | { state: 'problem'; problem: PortalApiError };

export function App({ initialToken }: AppProps) {
  const [token, setToken] = useState(initialToken);
  const [invalidLinkMessage, setInvalidLinkMessage] = useState<string | null>(null);
  const [welcome, setWelcome] = useState<Welcome>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  /** Counts the times the page closed itself: a new count unmounts every screen, answers and all. */
  const [closings, setClosings] = useState(0);
  const [closedNotice, setClosedNotice] = useState(false);
  const place = usePlace();

  useEffect(() => {
    // A link pasted into an already-open tab only changes the fragment.
    const onHashChange = () => {
      const next = takeParticipantToken();
      if (!next) return;
      rememberParticipantToken(next);
      setInvalidLinkMessage(null);
      setWelcome({ state: 'loading' });
      replaceWith(HOME);
      setToken(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const onInvalidLink = useCallback((message: string) => {
    // A dead link is of no use on this device any more.
    forgetParticipantToken();
    setToken(null);
    setInvalidLinkMessage(message);
  }, []);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    setWelcome({ state: 'loading' });
    const answer = takeHeadStart<PortalWelcome>('me', token) ?? portalRequest<PortalWelcome>('me', token, { signal: controller.signal });
    answer.then(
      (loaded) => setWelcome({ state: 'ready', welcome: loaded }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        dropHeadStart();
        if (!(error instanceof PortalApiError)) throw error;
        if (error.kind === 'invalid-link') onInvalidLink(error.message);
        else setWelcome({ state: 'problem', problem: error });
      },
    );
    return () => controller.abort();
  }, [token, attempt, onInvalidLink]);

  const refreshWelcome = useCallback(() => {
    if (!token) return;
    // Quietly, over what is shown: if it fails, the old counts stay until the next visit.
    portalRequest<PortalWelcome>('me', token).then(
      (loaded) => setWelcome({ state: 'ready', welcome: loaded }),
      (error: unknown) => {
        if (error instanceof PortalApiError && error.kind === 'invalid-link') onInvalidLink(error.message);
      },
    );
  }, [token, onInvalidLink]);

  const session = useMemo<PortalSession | null>(
    () => (token && welcome.state === 'ready' ? { token, welcome: welcome.welcome, onInvalidLink, refreshWelcome } : null),
    [token, welcome, onInvalidLink, refreshWelcome],
  );

  // Left untouched, the page closes itself: the next person to pick up the phone finds the first
  // screen, not someone's answers. Half-written ones go too; the link stays, so a tap continues.
  useIdleClose(welcome.state === 'ready', () => {
    forgetAllDrafts();
    replaceWith(HOME);
    setClosings((count) => count + 1);
    setClosedNotice(true);
  });

  const forgetDevice = () => {
    // Unsent answers go too: the next person to hold this phone should find nothing.
    forgetAllDrafts();
    forgetParticipantToken();
    setToken(null);
    setWelcome({ state: 'loading' });
    replaceWith(HOME);
  };

  if (invalidLinkMessage) return <InvalidLinkScreen message={invalidLinkMessage} />;
  if (!token) return <NoLinkScreen />;
  if (welcome.state === 'loading') return <LoadingScreen />;
  if (welcome.state === 'problem') {
    return <ProblemScreen problem={welcome.problem} onRetry={() => setAttempt((count) => count + 1)} />;
  }

  const home = () => goBackTo(HOME);
  const open = (screen: Section) => {
    // The notice has done its job once the person carries on.
    setClosedNotice(false);
    goTo({ screen });
  };
  return (
    <PortalContext.Provider value={session}>
      <Fragment key={closings}>{renderPlace()}</Fragment>
    </PortalContext.Provider>
  );

  function renderPlace() {
    switch (place.screen) {
      case 'homework':
        return <HomeworkListScreen onOpen={(assignment) => goTo({ screen: 'exercise', assignmentId: assignment.id })} onBack={home} />;
      case 'exercise':
        return <HomeworkScreen assignmentId={place.assignmentId} onBack={() => goBackTo({ screen: 'homework' })} />;
      case 'shared':
        return <SharedScreen onBack={home} />;
      case 'check-in':
        return <CheckInScreen onBack={home} />;
      case 'talk-privately':
        return <TalkPrivatelyScreen onBack={home} />;
      case 'agreements':
        return <AgreementsScreen onOpen={(agreementId) => goTo({ screen: 'agreement', agreementId })} onBack={home} />;
      case 'agreement':
        return <AgreementScreen agreementId={place.agreementId} onBack={() => goBackTo({ screen: 'agreements' })} />;
      case 'sessions':
        return <SessionsScreen onOpen={(sessionId) => goTo({ screen: 'session', sessionId })} onBack={home} />;
      case 'session':
        return <SessionScreen sessionId={place.sessionId} onBack={() => goBackTo({ screen: 'sessions' })} />;
      case 'billing':
        return <BillingScreen onBack={home} />;
      default:
        return <HomeScreen onOpen={open} onForget={forgetDevice} closedForPrivacy={closedNotice} />;
    }
  }
}
