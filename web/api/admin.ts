/** Accounts and their roles (administrators), and one's own password. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MembershipRole, User } from '../../core/contracts/auth.js';
import { apiGet } from './client.js';
import { sessionKey } from './session.js';
import { apiSend } from './write.js';

const enc = encodeURIComponent;
export const adminKeys = {
  users: ['admin', 'users'] as const,
};

export function usersQuery() {
  return queryOptions({
    queryKey: adminKeys.users,
    queryFn: ({ signal }) => apiGet<{ items: User[] }>('/api/v1/users', signal),
  });
}
export const useUsers = () => useQuery(usersQuery());

export interface UserCreateInput {
  email: string;
  name: string;
  password: string;
  role: User['role'];
}
export interface UserPatchInput {
  version: number;
  name?: string;
  role?: User['role'];
  active?: boolean;
}
export interface MembershipInput {
  programme: string;
  role: MembershipRole;
  organisation?: string;
}

/** After a write on an account: the list shows the answer at once (and the session, if it was oneself). */
function useAccountWrite<A>(write: (args: A) => Promise<User>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (user) => {
      queryClient.setQueryData<{ items: User[] }>(adminKeys.users, (list) =>
        list
          ? {
              items: list.items.some((u) => u.id === user.id)
                ? list.items.map((u) => (u.id === user.id ? user : u))
                : [...list.items, user].sort((a, b) => a.email.localeCompare(b.email)),
            }
          : list,
      );
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

/** `POST /users`: a new account with a temporary password. */
export const useCreateUser = () =>
  useAccountWrite((body: UserCreateInput) => apiSend<User>('POST', '/api/v1/users', body));
/** `PATCH /users/:id`: name, global role, active. */
export const useUpdateUser = (id: string) =>
  useAccountWrite((body: UserPatchInput) => apiSend<User>('PATCH', `/api/v1/users/${enc(id)}`, body));
/** `POST /users/:id/reset-password`: a new temporary password, to change at the next sign-in. */
export const useResetPassword = (id: string) =>
  useAccountWrite((password: string) =>
    apiSend<User>('POST', `/api/v1/users/${enc(id)}/reset-password`, { password }),
  );
/** `POST /users/:id/memberships`: a role on a programme. */
export const useAddMembership = (id: string) =>
  useAccountWrite((body: MembershipInput) =>
    apiSend<User>('POST', `/api/v1/users/${enc(id)}/memberships`, body),
  );
/** `DELETE /users/:id/memberships/:slug/:role` */
export const useRemoveMembership = (id: string) =>
  useAccountWrite(({ slug, role }: { slug: string; role: MembershipRole }) =>
    apiSend<User>('DELETE', `/api/v1/users/${enc(id)}/memberships/${enc(slug)}/${enc(role)}`),
  );

/** `POST /me/password`: one's own password; the session then no longer asks for a change. */
export function useChangeMyPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current, next }: { current: string; next: string }) =>
      apiSend<null>('POST', '/api/v1/me/password', { current, next }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

/**
 * A password nobody chose: 16 letters and digits in four groups (about 80 bits), easy to read out on the phone.
 * Ambiguous characters (0/o, 1/l/i) are left out.
 */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
