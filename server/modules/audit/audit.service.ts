import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditEvent } from '../../../core/contracts/audit.js';
import * as t from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { notFound } from '../../errors.js';

/** Rows of the trail that belong to one programme: its own row, rows carrying its id, its framework's rows. */
function ofProgramme(programmeId: string): SQL {
  return or(
    and(eq(t.auditEvents.entity, 'programmes'), eq(t.auditEvents.entityId, programmeId)),
    sql`coalesce(${t.auditEvents.after}, ${t.auditEvents.before}) ->> 'programme_id' = ${programmeId}`,
    sql`coalesce(${t.auditEvents.after}, ${t.auditEvents.before}) ->> 'framework_version_id' in (select id::text from framework_versions where programme_id = ${programmeId})`,
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
