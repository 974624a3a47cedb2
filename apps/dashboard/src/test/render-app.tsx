import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type CurrentUser } from '@trustwork/contracts';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '../app/AppProviders';
import { AppRoutes } from '../app/AppRoutes';
import { createQueryClient } from '../lib/query-client';
import { session } from '../lib/session';
import { tokensFor } from './fixtures';

interface RenderAppOptions {
  route?: string;
  signedInAs?: CurrentUser;
}

/** Renders the whole dashboard at a route, as a signed-in therapist or nobody. */
export function renderApp({ route = '/', signedInAs }: RenderAppOptions = {}) {
  if (signedInAs) session.start(tokensFor(signedInAs));
  const queryClient = createQueryClient({ queries: { retry: false } });
  const user = userEvent.setup({ delay: null });
  const view = render(
    <AppProviders queryClient={queryClient} env="test">
      <MemoryRouter initialEntries={[route]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...view, user, queryClient };
}
