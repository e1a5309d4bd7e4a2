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

export const createUser = (body: UserCreateInput) => apiSend<User>('POST', '/api/v1/users', body);
export const updateUser = (id: string, body: UserPatchInput) =>
  apiSend<User>('PATCH', `/api/v1/users/${enc(id)}`, body);
export const resetPassword = (id: string, password: string) =>
  apiSend<User>('POST', `/api/v1/users/${enc(id)}/reset-password`, { password });
export const addMembership = (id: string, body: MembershipInput) =>
  apiSend<User>('POST', `/api/v1/users/${enc(id)}/memberships`, body);
export const removeMembership = (id: string, slug: string, role: MembershipRole) =>
  apiSend<User>('DELETE', `/api/v1/users/${enc(id)}/memberships/${enc(slug)}/${enc(role)}`);
export const changeMyPassword = (current: string, next: string) =>
  apiSend<null>('POST', '/api/v1/me/password', { current, next });

/** After a write on an account: the list shows the answer at once (and the session, if it was oneself). */
export function useAccountWrite<A>(write: (args: A) => Promise<User>) {
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
