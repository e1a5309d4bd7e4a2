/**
 * What the signed-in person may see, asked of the one policy the server enforces (core/domain/access-policy.ts),
 * for pages that have no answer of the server at hand. A programme's page has the server's own in `can`.
 */
import type { User } from '../../../core/contracts/auth.js';
import { personMayReadAudit, type AccessPerson } from '../../../core/domain/access-policy.js';

/** The session's user as the policy reads a person. */
export const accessPerson = (user: User): AccessPerson => ({
  role: user.role,
  memberships: user.memberships.map((m) => ({
    programmeId: m.programme.id,
    role: m.role,
    organisationId: m.organisation?.id ?? null,
  })),
});

/**
 * Reads a programme's history (the field-level audit trail): its writers, not its readers
 * (docs/decisions/0016), the secretariat, administrators.
 */
export function canReadProgramme(user: User | null | undefined, slug: string): boolean {
  if (!user) return false;
  // a programme the person is no member of matches no membership: only a global role can grant it
  const id = user.memberships.find((m) => m.programme.slug === slug)?.programme.id ?? `slug:${slug}`;
  return personMayReadAudit(accessPerson(user), id);
}
