import { and, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditEvent } from '../../../core/contracts/audit.js';
import * as t from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { notFound } from '../../errors.js';

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

/** The trail, newest first: of one object, of a programme and its objects, or of everything (administrators). */
export async function listAuditEvents(
  ctx: ServiceContext,
  query: {
    entity?: string | undefined;
    id?: string | undefined;
    programme?: string | undefined;
    action?: AuditEvent['action'] | undefined;
    actor?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    before?: number | undefined;
    limit: number;
    /** updates as their changed parts only (the JSON answer), or whole (the CSV export) */
    whole?: boolean;
  },
): Promise<AuditEvent[]> {
  const conditions: SQL[] = [];
  if (query.entity) conditions.push(eq(t.auditEvents.entity, query.entity));
  if (query.action) conditions.push(eq(t.auditEvents.action, query.action));
  if (query.actor) {
    const pattern = `%${query.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(ilike(t.auditEvents.actorLabel, pattern));
  }
  if (query.from) conditions.push(gte(t.auditEvents.at, new Date(`${query.from}T00:00:00Z`)));
  if (query.to)
    conditions.push(lt(t.auditEvents.at, new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)));
  if (query.id) conditions.push(eq(t.auditEvents.entityId, query.id));
  if (query.before) conditions.push(lt(t.auditEvents.id, query.before));
  if (query.programme) {
    const [p] = await ctx.db
      .select({ id: t.programmes.id })
      .from(t.programmes)
      .where(eq(t.programmes.slug, query.programme));
    if (!p) throw notFound('Programme', query.programme);
    conditions.push(ofProgramme(p.id));
  }
  const rows = await ctx.db
    .select()
    .from(t.auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(t.auditEvents.id))
    .limit(query.limit);
  return rows.map((r) => {
    let before = (r.before as AuditEvent['before']) ?? null;
    let after = (r.after as AuditEvent['after']) ?? null;
    if (!query.whole && r.action === 'update' && before && after)
      ({ before, after } = changedParts(before, after));
    return {
      id: r.id,
      at: r.at.toISOString(),
      actor: { id: r.actorId, label: r.actorLabel },
      action: r.action as AuditEvent['action'],
      entity: r.entity,
      entityId: r.entityId,
      before,
      after,
    };
  });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An update keeps, inside JSON columns too, only what changed: a report's autosave rewrites its whole
 * `content`, and two copies of it per event made a page of history weigh hundreds of kilobytes for one changed
 * sentence. Leaves that differ (and arrays, whole) are kept on both sides; the trail itself keeps everything
 * (the CSV export gives it whole).
 */
export function changedParts(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const x = before[key];
    const y = after[key];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (isObject(x) && isObject(y)) {
      const inner = changedParts(x, y);
      b[key] = inner.before;
      a[key] = inner.after;
    } else {
      if (key in before) b[key] = x;
      if (key in after) a[key] = y;
    }
  }
  return { before: b, after: a };
}

/** The same events as CSV, for a spreadsheet or an archive. */
export function auditCsv(events: AuditEvent[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const header = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after'];
  const lines = events.map((e) =>
    [e.id, e.at, e.actor.label, e.action, e.entity, e.entityId, e.before, e.after].map(cell).join(','),
  );
  return `${header.join(',')}\n${lines.join('\n')}\n`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Names for the ids the events hold — the objects themselves and the rows they point to (`user_id`,
 * `organisation_id`, `indicator_id`…) — so that a reader sees "Awa Diallo" and "FAO", not two uuids. Looked up
 * in the tables as they are now; an id whose row is gone has no name.
 */
export async function referenceLabels(
  ctx: ServiceContext,
  events: AuditEvent[],
): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.entityId && UUID.test(e.entityId)) ids.add(e.entityId);
    for (const row of [e.before, e.after]) {
      for (const [key, value] of Object.entries(row ?? {})) {
        if (key.endsWith('_id') && typeof value === 'string' && UUID.test(value)) ids.add(value);
      }
    }
  }
  if (ids.size === 0) return {};
  const list = [...ids];
  const labels: Record<string, string> = {};
  const en = ctx.locale === 'en';
  const put = (rows: { id: string; label: string | null }[]) => {
    for (const r of rows) if (r.label) labels[r.id] = r.label;
  };
  put(
    await ctx.db
      .select({ id: t.users.id, label: t.users.name })
      .from(t.users)
      .where(inArray(t.users.id, list)),
  );
  put(
    await ctx.db
      .select({ id: t.organisations.id, label: t.organisations.code })
      .from(t.organisations)
      .where(inArray(t.organisations.id, list)),
  );
  put(
    await ctx.db
      .select({ id: t.programmes.id, label: t.programmes.code })
      .from(t.programmes)
      .where(inArray(t.programmes.id, list)),
  );
  put(
    await ctx.db
      .select({
        id: t.indicators.id,
        label: sql<string>`${t.indicators.code} || ' — ' || ${en ? sql`coalesce(${t.indicators.titleEn}, ${t.indicators.titleFr})` : t.indicators.titleFr}`,
      })
      .from(t.indicators)
      .where(inArray(t.indicators.id, list)),
  );
  put(
    await ctx.db
      .select({
        id: t.outcomes.id,
        label: sql<string>`${t.outcomes.code} || ' — ' || ${en ? sql`coalesce(${t.outcomes.statementEn}, ${t.outcomes.statementFr})` : t.outcomes.statementFr}`,
      })
      .from(t.outcomes)
      .where(inArray(t.outcomes.id, list)),
  );
  put(
    await ctx.db
      .select({
        id: t.outputs.id,
        label: sql<string>`${t.outputs.code} || ' — ' || ${en ? sql`coalesce(${t.outputs.statementEn}, ${t.outputs.statementFr})` : t.outputs.statementFr}`,
      })
      .from(t.outputs)
      .where(inArray(t.outputs.id, list)),
  );
  put(
    await ctx.db
      .select({
        id: t.activities.id,
        label: en
          ? sql<string>`coalesce(${t.activities.titleEn}, ${t.activities.titleFr})`
          : t.activities.titleFr,
      })
      .from(t.activities)
      .where(inArray(t.activities.id, list)),
  );
  return labels;
}
