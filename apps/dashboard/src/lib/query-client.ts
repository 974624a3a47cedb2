import { QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { isApiRequestError } from './api-client';

const MAX_RETRIES = 2;

export function createQueryClient(overrides: DefaultOptions = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will answer the same way again; only retry network blips and server errors.
        retry: (failureCount, error) =>
          failureCount < MAX_RETRIES && !(isApiRequestError(error) && error.status >= 400 && error.status < 500),
        ...overrides.queries,
      },
      mutations: { retry: false, ...overrides.mutations },
    },
  });
}
