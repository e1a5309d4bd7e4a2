import { and, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditParts, type AuditEvent } from '../../../core/contracts/audit.js';
import { localize } from '../../../core/i18n/locale.js';
import * as t from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { csvCell } from '../../documents/csv-cell.js';
import { AppError, notFound } from '../../errors.js';
import { tIn } from '../../../core/i18n/t.js';
import { mayReadAudit } from '../auth/policy.js';
import { programmeOf } from '../auth/programme-scope.js';
import { groupKey, mergedActionIs, mergeTransactions, type AuditRow } from './audit-merge.js';

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

/** Refuses (403, in the reader's language) a reader who may not read the trail asked for (auth/policy.ts). */
export async function assertMayReadAudit(
  ctx: ServiceContext,
  programmeSlug: string | undefined,
): Promise<void> {
  const actor = ctx.actor ?? null;
  if (programmeSlug === undefined) {
    if (!mayReadAudit(actor, undefined))
      throw new AppError('forbidden', 'Only administrators read the whole trail: name a programme', {
        issues: [
          { path: 'querystring.programme', message: tIn(ctx.locale)('accountRules.audit.programmeRequired') },
        ],
        detail: tIn(ctx.locale)('accountRules.audit.wholeTrailForAdministrators'),
      });
    return;
  }
  const id = await programmeOf.slug()(ctx.db, { slug: programmeSlug });
  if (id && !mayReadAudit(actor, id))
    throw new AppError('forbidden', 'Not a member of this programme', {
      detail: tIn(ctx.locale)('accountRules.audit.notAMember'),
    });
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
  if (query.action) conditions.push(mergedActionIs(query.action));
  if (query.actor) {
    const pattern = `%${query.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(ilike(t.auditEvents.actorLabel, pattern));
  }
  if (query.from) conditions.push(gte(t.auditEvents.at, new Date(`${query.from}T00:00:00Z`)));
  if (query.to)
    conditions.push(lt(t.auditEvents.at, new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)));
  if (query.id) conditions.push(eq(t.auditEvents.entityId, query.id));
  if (query.programme) {
    const [p] = await ctx.db
      .select({ id: t.programmes.id })
      .from(t.programmes)
      .where(eq(t.programmes.slug, query.programme));
    if (!p) throw notFound('Programme', query.programme);
    conditions.push(ofProgramme(p.id));
  }
  const events = await auditPage(ctx, conditions, query.before, query.limit);
  if (query.whole) return events;
  return events.map((e) => {
    if (e.action !== 'update' || !e.before || !e.after) return e;
    const { before, after } = changedParts(e.before, e.after);
    // an object's parts (participants, places…) are answered whole: the reader sums and compares them
    for (const part of auditParts[e.entity] ?? []) {
      if (part in e.before) before[part] = e.before[part];
      if (part in e.after) after[part] = e.after[part];
    }
    return { ...e, before, after };
  });
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

/**
 * `limit` changes older than the event `before`, each one object's statements in one transaction merged
 * (audit-merge.ts). The statements are read newest first, a window at a time; each change found is completed
 * with its other statements, wherever they are. A change is dated by its newest statement: the changes newer
 * than the window's oldest statement are then all known, and those already shown on an earlier page (newer
 * than `before`) are left out — every event of a change answers the filters alike, so none is split.
 */
async function auditPage(
  ctx: ServiceContext,
  conditions: SQL[],
  before: number | undefined,
  limit: number,
): Promise<AuditEvent[]> {
  const rows = new Map<number, AuditRow>();
  const completed = new Set<string>();
  let floor = before;
  for (;;) {
    const window = await ctx.db
      .select(auditColumns)
      .from(t.auditEvents)
      .where(and(...conditions, floor === undefined ? undefined : lt(t.auditEvents.id, floor)))
      .orderBy(desc(t.auditEvents.id))
      .limit(limit);
    for (const r of window) rows.set(r.id, r);
    const exhausted = window.length < limit;
    if (window.length) floor = window[window.length - 1]!.id;
    const open = new Map<string, AuditRow>();
    for (const r of window) {
      const key = groupKey(r);
      if (key !== null && !completed.has(key)) open.set(key, r);
    }
    const groups = [...open.values()];
    for (let i = 0; i < groups.length; i += 200) {
      const rest = await ctx.db
        .select(auditColumns)
        .from(t.auditEvents)
        .where(
          or(
            ...groups
              .slice(i, i + 200)
              .map((g) =>
                and(
                  eq(t.auditEvents.entity, g.entity),
                  eq(t.auditEvents.entityId, g.entityId!),
                  eq(t.auditEvents.tx, g.tx!),
                ),
              ),
          ),
        );
      for (const r of rest) rows.set(r.id, r);
    }
    for (const key of open.keys()) completed.add(key);
    const events = mergeTransactions([...rows.values()]).filter((e) => before === undefined || e.id < before);
    if (exhausted || events.length >= limit) return events.slice(0, limit);
  }
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
  const header = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after'];
  // csvCell: a text that would start a formula in a spreadsheet is written as text
  const lines = events.map((e) =>
    [e.id, e.at, e.actor.label, e.action, e.entity, e.entityId, e.before, e.after].map(csvCell).join(','),
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
  const areas = new Set<string>();
  for (const e of events) {
    if (e.entityId && UUID.test(e.entityId)) ids.add(e.entityId);
    for (const row of [e.before, e.after]) {
      for (const [key, value] of Object.entries(row ?? {})) {
        if (key.endsWith('_id') && typeof value === 'string' && UUID.test(value)) ids.add(value);
        if (key === 'area_code' && typeof value === 'string') areas.add(value);
      }
      // the parts name their rows by natural key: programmes by id, places by area code
      for (const part of auditParts[e.entity] ?? []) {
        const value = row?.[part];
        if (typeof value !== 'object' || value === null) continue;
        for (const [key, inner] of Object.entries(value)) {
          if (UUID.test(key)) ids.add(key);
          if (part === 'places') areas.add(key);
          if (part === 'participants') areas.add(key.split('|')[3] ?? '');
          if (Array.isArray(inner))
            for (const v of inner) if (typeof v === 'string' && UUID.test(v)) ids.add(v);
        }
      }
    }
  }
  areas.delete('');
  if (ids.size === 0 && areas.size === 0) return {};
  const list = [...ids];
  const labels: Record<string, string> = {};
  const put = (rows: { id: string; label: string | null }[]) => {
    for (const r of rows) if (r.label) labels[r.id] = r.label;
  };
  // a code and a bilingual text (the database's `fr` and `en` columns) in the reader's language
  const coded = (rows: { id: string; code: string; fr: string | null; en: string | null }[]) =>
    rows.map((r) => ({
      id: r.id,
      label:
        r.fr === null ? null : `${r.code} — ${localize({ fr: r.fr, en: r.en ?? undefined }, ctx.locale)}`,
    }));
  if (areas.size)
    put(
      await ctx.db
        .select({ id: t.adminAreas.code, label: t.adminAreas.name })
        .from(t.adminAreas)
        .where(inArray(t.adminAreas.code, [...areas])),
    );
  if (list.length === 0) return labels;
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
    coded(
      await ctx.db
        .select({
          id: t.indicators.id,
          code: t.indicators.code,
          fr: t.indicators.titleFr,
          en: t.indicators.titleEn,
        })
        .from(t.indicators)
        .where(inArray(t.indicators.id, list)),
    ),
  );
  put(
    coded(
      await ctx.db
        .select({
          id: t.outcomes.id,
          code: t.outcomes.code,
          fr: t.outcomes.statementFr,
          en: t.outcomes.statementEn,
        })
        .from(t.outcomes)
        .where(inArray(t.outcomes.id, list)),
    ),
  );
  put(
    coded(
      await ctx.db
        .select({
          id: t.outputs.id,
          code: t.outputs.code,
          fr: t.outputs.statementFr,
          en: t.outputs.statementEn,
        })
        .from(t.outputs)
        .where(inArray(t.outputs.id, list)),
    ),
  );
  put(
    (
      await ctx.db
        .select({ id: t.activities.id, fr: t.activities.titleFr, en: t.activities.titleEn })
        .from(t.activities)
        .where(inArray(t.activities.id, list))
    ).map((r) => ({
      id: r.id,
      label: r.fr === null ? null : localize({ fr: r.fr, en: r.en ?? undefined }, ctx.locale),
    })),
  );
  return labels;
}
