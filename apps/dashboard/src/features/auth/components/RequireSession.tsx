import { lazy } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { IdleSignOut } from '../../idle-sign-out/components/IdleSignOut';
import { type SessionState } from '../../../lib/session';
import { useSession } from '../hooks/use-session';
import { signInStateFor, type SignInNotice } from '../navigation';

// Rarely needed (two-factor set-up brings a QR code library): not part of the first download.
const RequiredActionScreen = lazy(() => import('./RequiredActionScreen').then((module) => ({ default: module.RequiredActionScreen })));

function noticeFor(state: Exclude<SessionState, { status: 'signed-in' }>): SignInNotice | undefined {
  if (state.status !== 'signed-out') return undefined;
  if (state.reason === 'expired') return { kind: 'expired' };
  return state.reason === 'idle' ? { kind: 'idle', minutes: state.idleMinutes } : undefined;
}

/** Route guard for everything behind sign-in; while an action is required, only that action is open. */
export function RequireSession() {
  const state = useSession();
  const location = useLocation();

  if (state.status === 'signed-in') {
    return (
      <>
        <IdleSignOut idleMinutes={state.user.practice.idleTimeoutMinutes} />
        {state.user.requiredAction ? <RequiredActionScreen action={state.user.requiredAction} /> : <Outlet />}
      </>
    );
  }
  // After a deliberate sign-out there is nothing to return to.
  const navigationState =
    state.status === 'signed-out' && state.reason === 'signed-out' ? undefined : signInStateFor(location, noticeFor(state));
  return <Navigate to="/sign-in" replace state={navigationState} />;
}
