/**
 * The audit trail's SQL: the events a reader's filters select, a window of them at a time, and the names of the
 * rows the events point to. The rules (who reads what, merging, pages) are in audit.service.ts.
 */
import { and, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditEvent } from '../../../core/contracts/audit.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import { mergedActionIs, type AuditRow } from './audit-merge.js';

/** What a reader narrows the trail to; every field optional. */
export interface AuditFilters {
  entity?: string | undefined;
  /** one object, with `entity` */
  entityId?: string | undefined;
  /** the events of this programme and its objects (`ofProgramme`) */
  programmeId?: string | undefined;
  action?: AuditEvent['action'] | undefined;
  /** part of the actor's name, as typed: `%` and `_` are taken literally */
  actor?: string | undefined;
  /** first day, inclusive (YYYY-MM-DD, UTC) */
  from?: string | undefined;
  /** last day, inclusive (YYYY-MM-DD, UTC) */
  to?: string | undefined;
}

/**
 * Rows of the trail that belong to one programme: its own row, rows carrying its id, its framework's rows.
 * An update stores only the columns that changed, so it rarely carries `programme_id`: it belongs to the
 * programme when the creation of the same row did (found through the (entity, entity_id) index).
 */
function ofProgramme(programmeId: string): SQL {
  const belongs = (row: SQL) =>
    sql`(${row} ->> 'programme_id' = ${programmeId} or ${row} ->> 'framework_version_id' in (select id::text from framework_versions where programme_id = ${programmeId}))`;
  return or(
    and(eq(t.auditEvents.entity, 'programmes'), eq(t.auditEvents.entityId, programmeId)),
    belongs(sql`coalesce(${t.auditEvents.after}, ${t.auditEvents.before})`),
    sql`(${t.auditEvents.action} = 'update' and ${t.auditEvents.entityId} is not null and exists (
      select 1 from audit_events origin
       where origin.entity = ${t.auditEvents.entity} and origin.entity_id = ${t.auditEvents.entityId}
         and origin.action = 'insert' and ${belongs(sql`origin.after`)}))`,
  )!;
}

function filtered(filters: AuditFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.entity) conditions.push(eq(t.auditEvents.entity, filters.entity));
  if (filters.action) conditions.push(mergedActionIs(filters.action));
  if (filters.actor) {
    const pattern = `%${filters.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(ilike(t.auditEvents.actorLabel, pattern));
  }
  if (filters.from) conditions.push(gte(t.auditEvents.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to)
    conditions.push(lt(t.auditEvents.at, new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000)));
  if (filters.entityId) conditions.push(eq(t.auditEvents.entityId, filters.entityId));
  if (filters.programmeId) conditions.push(ofProgramme(filters.programmeId));
  return conditions;
}

const auditColumns = {
  id: t.auditEvents.id,
  at: t.auditEvents.at,
  actorId: t.auditEvents.actorId,
  actorLabel: t.auditEvents.actorLabel,
  action: t.auditEvents.action,
  entity: t.auditEvents.entity,
  entityId: t.auditEvents.entityId,
  before: t.auditEvents.before,
  after: t.auditEvents.after,
  tx: t.auditEvents.tx,
};

/** The id of the programme of a slug, or undefined. */
export function findProgrammeIdBySlug(db: DbOrTx, slug: string): Promise<string | undefined> {
  return db
    .select({ id: t.programmes.id })
    .from(t.programmes)
    .where(eq(t.programmes.slug, slug))
    .then((rows) => rows[0]?.id);
}

/** At most `limit` statements answering the filters, older than the event `below` if given, newest first. */
export function findAuditStatements(
  db: DbOrTx,
  filters: AuditFilters,
  below: number | undefined,
  limit: number,
): Promise<AuditRow[]> {
  return db
    .select(auditColumns)
    .from(t.auditEvents)
    .where(and(...filtered(filters), below === undefined ? undefined : lt(t.auditEvents.id, below)))
    .orderBy(desc(t.auditEvents.id))
    .limit(limit);
}

/** Every statement on these objects in these transactions (the caller sends a few hundred groups at most). */
export function findStatementsOfGroups(
  db: DbOrTx,
  groups: Pick<AuditRow, 'entity' | 'entityId' | 'tx'>[],
): Promise<AuditRow[]> {
  return db
    .select(auditColumns)
    .from(t.auditEvents)
    .where(
      or(
        ...groups.map((g) =>
          and(
            eq(t.auditEvents.entity, g.entity),
            eq(t.auditEvents.entityId, g.entityId!),
            eq(t.auditEvents.tx, g.tx!),
          ),
        ),
      ),
    );
}

export interface LabelRow {
  id: string;
  label: string | null;
}
/** A code and a bilingual text (the tables' French and English columns). */
export interface CodedRow {
  id: string;
  code: string;
  fr: string | null;
  en: string | null;
}

/** The names of the administrative areas of these codes. */
export function findAreaNames(db: DbOrTx, codes: string[]): Promise<LabelRow[]> {
  return db
    .select({ id: t.adminAreas.code, label: t.adminAreas.name })
    .from(t.adminAreas)
    .where(inArray(t.adminAreas.code, codes));
}

export function findUserNames(db: DbOrTx, ids: string[]): Promise<LabelRow[]> {
  return db.select({ id: t.users.id, label: t.users.name }).from(t.users).where(inArray(t.users.id, ids));
}

export function findOrganisationCodes(db: DbOrTx, ids: string[]): Promise<LabelRow[]> {
  return db
    .select({ id: t.organisations.id, label: t.organisations.code })
    .from(t.organisations)
    .where(inArray(t.organisations.id, ids));
}

export function findProgrammeCodes(db: DbOrTx, ids: string[]): Promise<LabelRow[]> {
  return db
    .select({ id: t.programmes.id, label: t.programmes.code })
    .from(t.programmes)
    .where(inArray(t.programmes.id, ids));
}

export function findIndicatorTitles(db: DbOrTx, ids: string[]): Promise<CodedRow[]> {
  return db
    .select({
      id: t.indicators.id,
      code: t.indicators.code,
      fr: t.indicators.titleFr,
      en: t.indicators.titleEn,
    })
    .from(t.indicators)
    .where(inArray(t.indicators.id, ids));
}

export function findOutcomeStatements(db: DbOrTx, ids: string[]): Promise<CodedRow[]> {
  return db
    .select({
      id: t.outcomes.id,
      code: t.outcomes.code,
      fr: t.outcomes.statementFr,
      en: t.outcomes.statementEn,
    })
    .from(t.outcomes)
    .where(inArray(t.outcomes.id, ids));
}

export function findOutputStatements(db: DbOrTx, ids: string[]): Promise<CodedRow[]> {
  return db
    .select({
      id: t.outputs.id,
      code: t.outputs.code,
      fr: t.outputs.statementFr,
      en: t.outputs.statementEn,
    })
    .from(t.outputs)
    .where(inArray(t.outputs.id, ids));
}

export function findActivityTitles(
  db: DbOrTx,
  ids: string[],
): Promise<{ id: string; fr: string | null; en: string | null }[]> {
  return db
    .select({ id: t.activities.id, fr: t.activities.titleFr, en: t.activities.titleEn })
    .from(t.activities)
    .where(inArray(t.activities.id, ids));
}

/**
 * When a programme's data last changed: its latest event in the trail (`ofProgramme`, the programme's own rows,
 * rows carrying its id and its framework's rows, and its indicators' values); null when the trail holds none.
 */
export async function lastChangeOfProgramme(db: DbOrTx, programmeId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`max(${t.auditEvents.at})` })
    .from(t.auditEvents)
    .where(
      or(
        ofProgramme(programmeId),
        // an indicator value carries its indicator only: the programme's through its framework versions
        and(
          eq(t.auditEvents.entity, 'indicator_values'),
          sql`coalesce(${t.auditEvents.after}, ${t.auditEvents.before}) ->> 'indicator_id' in (
            select i.id::text from indicators i join framework_versions v on v.id = i.framework_version_id
             where v.programme_id = ${programmeId})`,
        ),
      ),
    );
  return row?.at ? new Date(row.at) : null;
}
