/**
 * One request's statements on one object read as one change. An activity PATCH updates the activity's row,
 * deletes its participants and inserts them again: three events of one transaction (`audit_events.tx`) for one
 * object (entity, entity_id), shown as one — what the object was before the transaction, what it was after.
 * The trail itself keeps every statement; this is how it is read (the JSON answer and the CSV alike).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AuditEvent } from '../../../core/contracts/audit.js';

export interface AuditRow {
  id: number;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  tx: number | null;
}

type Json = Record<string, unknown>;

/** An object for keys read from stored JSON: no prototype, so that a key `__proto__` stays a key. */
const record = (): Json => Object.create(null) as Json;

/** The object and transaction an event belongs to; null for events that stand alone (written before 0013). */
export const groupKey = (r: Pick<AuditRow, 'tx' | 'entity' | 'entityId'>): string | null =>
  r.tx === null || r.entityId === null ? null : `${r.tx}\u0000${r.entity}\u0000${r.entityId}`;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The events of one object in one transaction (ids ascending) as one: deleted if it was deleted, else created
 * if it was created, else changed; each field as it was before the first statement and after the last. A
 * change that came back to where it started (participants rewritten as they were) says nothing: null.
 */
export function mergeGroup(rows: AuditRow[]): AuditEvent | null {
  const last = rows[rows.length - 1]!;
  const action = rows.some((r) => r.action === 'delete')
    ? 'delete'
    : rows.some((r) => r.action === 'insert')
      ? 'insert'
      : 'update';
  const before = record();
  const after = record();
  for (const r of rows) {
    for (const [k, v] of Object.entries((r.before as Json | null) ?? {})) if (!(k in before)) before[k] = v;
    for (const [k, v] of Object.entries((r.after as Json | null) ?? {})) after[k] = v;
  }
  if (action === 'update') {
    for (const k of Object.keys(before)) {
      if (k in after && same(before[k], after[k])) {
        delete before[k];
        delete after[k];
      }
    }
    if (Object.keys(before).length === 0 && Object.keys(after).length === 0) return null;
  }
  return {
    // the newest statement's id: pages go on before it (see auditPage)
    id: last.id,
    at: last.at.toISOString(),
    actor: { id: last.actorId, label: last.actorLabel },
    action,
    entity: last.entity,
    entityId: last.entityId,
    before: action === 'insert' ? null : { ...before },
    after: action === 'delete' ? null : { ...after },
  };
}

/** Events read alone or merged by object and transaction, newest first (by their newest statement). */
export function mergeTransactions(rows: AuditRow[]): AuditEvent[] {
  const groups = new Map<string, AuditRow[]>();
  const alone: AuditRow[][] = [];
  for (const r of [...rows].sort((a, b) => a.id - b.id)) {
    const key = groupKey(r);
    if (key === null) alone.push([r]);
    else if (groups.has(key)) groups.get(key)!.push(r);
    else groups.set(key, [r]);
  }
  return [...alone, ...groups.values()]
    .map(mergeGroup)
    .filter((e): e is AuditEvent => e !== null)
    .sort((a, b) => b.id - a.id);
}

/**
 * The SQL condition "this event belongs to a change of this kind": a creation is the object's insert and
 * the writes of its parts in the same transaction; a deletion likewise; a change is everything else. Every
 * event of one merged change answers it alike, so pages and filters never split a change.
 */
export function mergedActionIs(action: AuditEvent['action']): SQL {
  const inGroup = (
    kind: string,
  ) => sql`(audit_events.action = ${kind} or (audit_events.tx is not null and exists (
    select 1 from audit_events o where o.entity = audit_events.entity and o.entity_id = audit_events.entity_id
       and o.tx = audit_events.tx and o.action = ${kind})))`;
  if (action === 'delete') return inGroup('delete');
  if (action === 'insert') return sql`(${inGroup('insert')} and not ${inGroup('delete')})`;
  return sql`(not ${inGroup('insert')} and not ${inGroup('delete')})`;
}
