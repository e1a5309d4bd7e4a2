import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
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
    before?: number | undefined;
    limit: number;
  },
): Promise<AuditEvent[]> {
  const conditions: SQL[] = [];
  if (query.entity) conditions.push(eq(t.auditEvents.entity, query.entity));
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
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: { id: r.actorId, label: r.actorLabel },
    action: r.action as AuditEvent['action'],
    entity: r.entity,
    entityId: r.entityId,
    before: (r.before as AuditEvent['before']) ?? null,
    after: (r.after as AuditEvent['after']) ?? null,
  }));
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
