/**
 * Who may do what, where. One table of permissions per role; every route names the permission it needs and
 * the programme it acts on (server/plugins/access.ts), and the services that split work by agency check the
 * agency themselves (`canActForAgency`).
 */
import type { GlobalRole, MembershipRole } from '../../../core/contracts/auth.js';

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: GlobalRole;
  /** set by an administrator's reset or creation: until changed, the person may only change it or sign out */
  mustChangePassword?: boolean;
  memberships: { programmeId: string; role: MembershipRole; organisationId: string | null }[];
}

export const permissions = [
  /** read a programme's data (drafts, audit trail): every member of it, the secretariat, admins */
  'programme.read',
  /** change the programme's header, framework, indicators, budget, work plan */
  'programme.write',
  /** record activities and values, write report parts: coordinators and agency focal points */
  'data.write',
  /** create, consolidate and submit reports */
  'report.submit',
  /** accept or send back a submitted report */
  'report.review',
  /** manage accounts and memberships, read every audit trail */
  'admin',
] as const;
export type Permission = (typeof permissions)[number];

const byMembership: Record<MembershipRole, Permission[]> = {
  coordinator: ['programme.read', 'programme.write', 'data.write', 'report.submit'],
  focal_point: ['programme.read', 'data.write'],
  viewer: ['programme.read'],
};

/** Whether `actor` holds `permission` on `programmeId` (or anywhere, when no programme is concerned). */
export function can(actor: Actor | null, permission: Permission, programmeId?: string): boolean {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  if (actor.role === 'secretariat' && (permission === 'programme.read' || permission === 'report.review'))
    return true;
  if (permission === 'admin') return false;
  const memberships =
    programmeId === undefined
      ? actor.memberships
      : actor.memberships.filter((m) => m.programmeId === programmeId);
  return memberships.some((m) => byMembership[m.role].includes(permission));
}

/** A focal point acts for their own agency only; coordinators and admins for every agency of the programme. */
export function canActForAgency(actor: Actor | null, programmeId: string, organisationId: string): boolean {
  if (!actor) return false;
  if (can(actor, 'programme.write', programmeId)) return true;
  return actor.memberships.some(
    (m) => m.programmeId === programmeId && m.role === 'focal_point' && m.organisationId === organisationId,
  );
}
