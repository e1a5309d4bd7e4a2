/** People and their roles: shared by the server (policy), the web (what to show) and the CLI. */
import { z } from 'zod';
import { personNameMax } from './limits.js';
import { globalRoles, membershipRoles, type GlobalRole, type MembershipRole } from './roles.js';

export { globalRoles, membershipRoles, type GlobalRole, type MembershipRole };

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'not an e-mail address' }));
/** Long enough to resist guessing; no composition rules (they make passwords worse, NIST SP 800-63B). */
export const password = z.string().min(10, 'at least 10 characters').max(200);

export const signIn = z.object({ email, password: z.string().min(1).max(200) }).strict();
export const passwordChange = z.object({ current: z.string().min(1).max(200), next: password }).strict();

export const membership = z.object({
  programme: z.object({ id: z.uuid(), slug: z.string(), code: z.string() }),
  role: z.enum(membershipRoles),
  organisation: z.object({ id: z.uuid(), code: z.string() }).nullable(),
});
export type Membership = z.infer<typeof membership>;

export const user = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(globalRoles),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  /** ISO date-times: the last successful sign-in (null: never), the end of a lock after failed sign-ins */
  lastSignInAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  memberships: z.array(membership),
  version: z.number().int(),
});
export type User = z.infer<typeof user>;

export const session = z.object({ user: user.nullable(), csrfToken: z.string().nullable() });
export type Session = z.infer<typeof session>;

export const userCreate = z
  .object({
    email,
    name: z.string().trim().min(1).max(personNameMax),
    password,
    role: z.enum(globalRoles).default('member'),
  })
  .strict();
export const userPatch = z
  .object({
    version: z.number().int().positive(),
    name: z.string().trim().min(1).max(personNameMax).optional(),
    role: z.enum(globalRoles).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export const passwordReset = z.object({ password }).strict();
export const membershipCreate = z
  .object({
    programme: z.string().min(1),
    role: z.enum(membershipRoles),
    /** the agency, by organisation code, for a focal point */
    organisation: z.string().min(1).optional(),
  })
  .strict();
