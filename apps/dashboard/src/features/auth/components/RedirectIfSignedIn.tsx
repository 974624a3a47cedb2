import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../hooks/use-session';
import { readSignInState } from '../navigation';

/**
 * Route guard for /sign-in and /register: once signed in, carry on to where the therapist was heading.
 * The form shows at once, while the session is still being restored: a cookie that turns out to be
 * valid leads on from there, without making everyone else wait for the answer.
 */
export function RedirectIfSignedIn() {
  const state = useSession();
  const location = useLocation();

  if (state.status === 'signed-in') {
    return <Navigate to={readSignInState(location.state).from ?? '/'} replace />;
  }
  return <Outlet />;
}
