/**
 * The parts of objects the audit trail records with them (migration 0014, `jalon_audit_parts()`): rows without
 * an id of their own, keyed by their natural key — an activity's participants (`category|sex|age group|area
 * code` → count), places (area code → order, note) and indicator links (code → true), a value's source (one
 * row), the projects co-funding a joint programme and the programmes a project co-funds (programme id →
 * note). No Zod here: the web app's history reads it.
 */
export const auditParts: Readonly<Record<string, readonly string[]>> = {
  activities: ['participants', 'places', 'indicators'],
  indicator_values: ['source'],
  programmes: ['cofunding_projects', 'cofunded_programmes'],
};
