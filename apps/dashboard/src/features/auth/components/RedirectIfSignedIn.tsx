import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../hooks/use-session';
import { readSignInState } from '../navigation';

/** Route guard for /sign-in and /register: once signed in, carry on to where the therapist was heading. */
export function RedirectIfSignedIn() {
  const state = useSession();
  const location = useLocation();

  if (state.status === 'signed-in') {
    return <Navigate to={readSignInState(location.state).from ?? '/'} replace />;
  }
  return <Outlet />;
}
