/** The signed-in person: who it is, signing in and out, and the CSRF token the API's writes carry. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Session } from '../../core/contracts/auth.js';
import { ApiError, apiGet } from './client.js';

export const sessionKey = ['session'] as const;

export function sessionQuery() {
  return queryOptions({
    queryKey: sessionKey,
    queryFn: ({ signal }) => apiGet<Session>('/api/v1/session', signal),
    staleTime: 5 * 60_000,
  });
}

export function useSession() {
  return useQuery(sessionQuery());
}

async function send(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(path, {
      method,
      headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
}

/** Signs in; on success the whole app reloads its data, now as this person. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; password: string }): Promise<Session> => {
      const response = await send('POST', '/api/v1/session', input);
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        const error = (
          body as {
            error?: { code?: string; message?: string; issues?: { path: string; message: string }[] };
          }
        )?.error;
        throw new ApiError(
          response.status,
          (error?.code ?? 'unexpected_response') as never,
          error?.message ?? `HTTP ${response.status}`,
          error?.issues ?? [],
        );
      }
      return body as Session;
    },
    onSuccess: async (session) => {
      queryClient.setQueryData(sessionKey, session);
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await send('DELETE', '/api/v1/session');
    },
    onSuccess: () => {
      queryClient.setQueryData<Session>(sessionKey, { user: null, csrfToken: null });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    },
  });
}
