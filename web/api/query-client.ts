import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.js';

/**
 * Tuned for slow, expensive connections: what was fetched stays fresh for a while and in memory for the
 * session, nothing refetches on window focus, and only failures that may pass (network, 5xx) are retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        gcTime: 60 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
    },
  });
}
