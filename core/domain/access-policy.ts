/**
 * Who may do what, as pure rules shared by the server and the web app: the role → permission table and `can`
 * for a person. The server's `can` (server/modules/auth/policy.ts) adds the operator of the console and is
 * what the access gate and the services call; the web asks the same question of the signed-in person to hide
 * what would be refused (a page without the server's own answer at hand). One table, never a copy.
 */
import type { GlobalRole, MembershipRole } from '../contracts/roles.js';

export const permissions = [
  /** read a programme's reports once submitted or accepted, and its data: every member of it, the secretariat, admins */
  'programme.read',
  /**
   * read the drafting (docs/decisions/0016): draft reports, their comments and history of edits, the field-level
   * audit trail — the people who write and review, not a programme's readers (donors, government)
   */
  'programme.drafts',
  /** change the programme's header, framework, indicators, budget, work plan */
  'programme.write',
  /** record activities and values, write report parts: coordinators and agency focal points */
  'data.write',
  /** create, consolidate and submit reports */
  'report.submit',
  /** change a programme's reporting calendar (its deadlines and reminders): its coordinator, the secretariat */
  'programme.calendar',
  /** accept or send back a submitted report */
  'report.review',
  /** manage accounts and memberships, read every audit trail */
  'admin',
] as const;
export type Permission = (typeof permissions)[number];

export const byMembership: Record<MembershipRole, readonly Permission[]> = {
  coordinator: [
    'programme.read',
    'programme.drafts',
    'programme.write',
    'data.write',
    'report.submit',
    'programme.calendar',
  ],
  focal_point: ['programme.read', 'programme.drafts', 'data.write'],
  viewer: ['programme.read'],
};

/** What the rules need of a person: their global role and their roles on programmes (by programme id). */
export interface AccessPerson {
  role: GlobalRole;
  memberships: readonly { programmeId: string; role: MembershipRole; organisationId?: string | null }[];
}

/**
 * Whether `person` holds `permission` on `programmeId` (or on some programme, when none is named); an
 * anonymous person (null) none.
 */
export function personCan(
  person: AccessPerson | null,
  permission: Permission,
  programmeId?: string,
): boolean {
  if (person === null) return false;
  if (person.role === 'admin') return true;
  if (
    person.role === 'secretariat' &&
    (permission === 'programme.read' ||
      permission === 'programme.drafts' ||
      permission === 'report.review' ||
      permission === 'programme.calendar')
  )
    return true;
  if (permission === 'admin') return false;
  const memberships =
    programmeId === undefined
      ? person.memberships
      : person.memberships.filter((m) => m.programmeId === programmeId);
  return memberships.some((m) => byMembership[m.role].includes(permission));
}

/**
 * Who reads the audit trail: those who read a programme's drafting its part (not its readers: the trail is
 * field by field, drafts included), administrators the whole (no programme).
 */
export function personMayReadAudit(person: AccessPerson | null, programmeId: string | undefined): boolean {
  return programmeId === undefined
    ? personCan(person, 'admin')
    : personCan(person, 'programme.drafts', programmeId);
}
