import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../hooks/use-session';
import { signInStateFor } from '../navigation';

/** Route guard for everything behind sign-in. */
export function RequireSession() {
  const state = useSession();
  const location = useLocation();

  if (state.status === 'signed-in') return <Outlet />;
  // After a deliberate sign-out there is nothing to return to.
  const navigationState =
    state.status === 'signed-out' && state.reason === 'signed-out'
      ? undefined
      : signInStateFor(location, state.status === 'signed-out' && state.reason === 'expired');
  return <Navigate to="/sign-in" replace state={navigationState} />;
}
