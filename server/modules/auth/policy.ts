/**
 * Who may do what, where. One table of permissions per role; every route names the permission it needs and
 * the programme it acts on (server/modules/auth/access.plugin.ts). The rules that depend on what is written — the agency of
 * an activity, expense or import row, the fields of a change, who recorded something — are the functions below,
 * called by the services, so the API, the imports and the CLI follow the same rule.
 *
 * In a service, `ctx.actor` is the signed-in person, or `OPERATOR` for the operator at the console (the CLI, the
 * seed: `operatorContext`), who holds every right. Anonymous requests carry `null`: the access gate refuses their writes
 * before any service runs, and the rules below refuse them too. Pass `ctx.actor` as it is: the rules tell the
 * three apart (`isOperator`), so no caller turns one into another (`ctx.actor ?? null`, `actor ? … : true`).
 */
import type { ProgrammeAbilities } from '../../../core/contracts/programme-api.js';
import { personCan, personMayReadAudit, type Permission } from '../../../core/domain/access-policy.js';
import { isOperator, type ServiceContext } from '../../context.js';

export type { Actor } from '../../context.js';

export { permissions, type Permission } from '../../../core/domain/access-policy.js';

/**
 * Whether `actor` holds `permission` on `programmeId` (or anywhere, when no programme is concerned): the
 * operator every one, an anonymous request none, a person what the one table says (core/domain/access-policy.ts).
 */
export function can(actor: Acting, permission: Permission, programmeId?: string): boolean {
  return isOperator(actor) || personCan(actor, permission, programmeId);
}

/**
 * Who reads the audit trail: those who read a programme's drafting its part (not its readers: the trail is
 * field by field, drafts included), administrators the whole (no programme).
 */
export function mayReadAudit(actor: Acting, programmeId: string | undefined): boolean {
  return isOperator(actor) || personMayReadAudit(actor, programmeId);
}

/**
 * Who reads a report in this status: a draft only those who read the drafting; a submitted or accepted report
 * every reader of the programme. The operator reads everything.
 */
export function mayReadReportIn(actor: Acting, programmeId: string, status: string): boolean {
  return can(actor, status === 'draft' ? 'programme.drafts' : 'programme.read', programmeId);
}

/**
 * What the person may do on one programme, for the screens to offer only that: computed by `can` and
 * `canActForAgency`, the rules the access gate and the services enforce. `agencies` are the recipient
 * agencies the person records for, their own first: the default of a form.
 */
export function abilitiesOn(
  actor: Acting,
  programmeId: string,
  recipients: readonly { id: string; code: string }[],
): ProgrammeAbilities {
  const own = !isOperator(actor)
    ? actor?.memberships.find((m) => m.programmeId === programmeId && m.role === 'focal_point')
        ?.organisationId
    : undefined;
  const agencies = can(actor, 'data.write', programmeId)
    ? recipients.filter((r) => canActForAgency(actor, programmeId, r.id))
    : [];
  agencies.sort((a, b) => Number(b.id === own) - Number(a.id === own));
  return {
    write: can(actor, 'programme.write', programmeId),
    recordData: can(actor, 'data.write', programmeId),
    createReports: can(actor, 'report.submit', programmeId),
    review: can(actor, 'report.review', programmeId),
    readReports: can(actor, 'programme.read', programmeId),
    readDrafts: can(actor, 'programme.drafts', programmeId),
    readAudit: mayReadAudit(actor, programmeId),
    editCalendar: can(actor, 'programme.calendar', programmeId),
    agencies: agencies.map((a) => a.code),
  };
}

/** A signed-in person, `null` for an anonymous request, `OPERATOR` for the operator (the CLI, the seed). */
export type Acting = ServiceContext['actor'];

/**
 * A focal point acts for their own agency only (its activities, its budget lines' expenses, its part of a
 * report, the rows of its imports); coordinators, admins and the operator for every agency of the programme.
 */
export function canActForAgency(actor: Acting, programmeId: string, organisationId: string): boolean {
  if (isOperator(actor)) return true;
  if (actor === null) return false;
  if (can(actor, 'programme.write', programmeId)) return true;
  return actor.memberships.some(
    (m) => m.programmeId === programmeId && m.role === 'focal_point' && m.organisationId === organisationId,
  );
}

/**
 * What `data.write` changes of a work-plan activity and of a committee's decision or recommendation: their
 * follow-up. The rest (code, place in the framework, title, text…) is the plan itself, changed with
 * `programme.write`.
 */
export const followUpFields = {
  workPlanActivity: ['status', 'progress', 'statusSetByHand', 'statusNote', 'plannedStart', 'plannedEnd'],
  governanceItem: ['status', 'statusDate', 'followUp', 'owner', 'ownerOrganisation'],
} as const satisfies Record<string, readonly string[]>;

/**
 * The fields of a change that `actor` may not make: none for those who write the programme (and the
 * operator), the fields outside the follow-up for the others.
 */
export function fieldsBeyondFollowUp(
  actor: Acting,
  programmeId: string,
  kind: keyof typeof followUpFields,
  change: Record<string, unknown>,
): string[] {
  if (can(actor, 'programme.write', programmeId)) return [];
  const allowed: readonly string[] = followUpFields[kind];
  return Object.keys(change).filter((field) => change[field] !== undefined && !allowed.includes(field));
}

/**
 * Who recorded something: the signed-in person, whatever the request says; only the operator (the CLI, the
 * seed) names someone. A change keeps whoever recorded it first (`before`).
 */
export function recorderOf(
  actor: Acting,
  given: string | null | undefined,
  before?: { recordedBy: string | null },
): string | null {
  if (isOperator(actor)) return given !== undefined ? given : (before?.recordedBy ?? null);
  if (before) return before.recordedBy;
  return actor === null ? null : actor.name;
}
