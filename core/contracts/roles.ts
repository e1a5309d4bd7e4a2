/**
 * The roles, as plain data: auth.ts builds its Zod schemas from them, and the web reads them without pulling
 * Zod into the browser.
 */

/** Roles that apply everywhere: administrators, the fund secretariat; everyone else is a member of programmes. */
export const globalRoles = ['admin', 'secretariat', 'member'] as const;
export type GlobalRole = (typeof globalRoles)[number];
/** Roles on one programme: its coordinator, an agency's focal point, a reader (donors, government). */
export const membershipRoles = ['coordinator', 'focal_point', 'viewer'] as const;
export type MembershipRole = (typeof membershipRoles)[number];
