/** What the signed-in person may see, mirrored from the server's policy only to hide what would be refused. */
import type { User } from '../../../core/contracts/auth.js';

/**
 * Reads a programme's drafts and history: its writers (not its readers: docs/decisions/0016), the secretariat,
 * administrators. A programme's page has the server's own answer in `can.readAudit`.
 */
export function canReadProgramme(user: User | null | undefined, slug: string): boolean {
  if (!user) return false;
  if (user.role === 'admin' || user.role === 'secretariat') return true;
  return user.memberships.some((m) => m.programme.slug === slug && m.role !== 'viewer');
}

/** Follows reports: coordinators, the secretariat, administrators (focal points and readers see theirs too). */
export function followsReports(user: User | null | undefined): boolean {
  if (!user) return false;
  return user.role !== 'member' || user.memberships.length > 0;
}
