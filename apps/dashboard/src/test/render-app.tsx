import { useEffect } from 'react';
import { act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type CurrentUser } from '@trustwork/contracts';
import { MemoryRouter, type NavigateFunction, useNavigate } from 'react-router';
import { AppProviders } from '../app/AppProviders';
import { AppRoutes } from '../app/AppRoutes';
import { createQueryClient } from '../lib/query-client';
import { session } from '../lib/session';
import { tokensFor } from './fixtures';

interface RenderAppOptions {
  route?: string;
  signedInAs?: CurrentUser;
}

/** Hands out the router's navigate, for the browser's own Back and Forward buttons. */
function BrowserButtons({ onReady }: { onReady: (navigate: NavigateFunction) => void }) {
  const navigate = useNavigate();
  useEffect(() => {
    onReady(navigate);
  }, [navigate, onReady]);
  return null;
}

/** Renders the whole dashboard at a route, as a signed-in therapist or nobody. */
export function renderApp({ route = '/', signedInAs }: RenderAppOptions = {}) {
  let navigate: NavigateFunction | undefined;
  if (signedInAs) session.start(tokensFor(signedInAs));
  const queryClient = createQueryClient({ queries: { retry: false } });
  const user = userEvent.setup({ delay: null });
  const view = render(
    <AppProviders queryClient={queryClient} env="test">
      <MemoryRouter initialEntries={[route]}>
        <AppRoutes />
        <BrowserButtons onReady={(ready) => (navigate = ready)} />
      </MemoryRouter>
    </AppProviders>,
  );
  /** The browser's Back (-1) or Forward (1) button. */
  const goInHistory = (delta: -1 | 1) =>
    act(async () => {
      await navigate?.(delta);
    });
  return { ...view, user, queryClient, goInHistory };
}
