import { auditParts, type AuditEvent } from '../../../core/contracts/audit.js';
import { localize } from '../../../core/i18n/locale.js';
import type { ServiceContext } from '../../context.js';
import { csvCell } from '../../documents/csv-cell.js';
import { AppError, notFound } from '../../errors.js';
import { tIn } from '../../../core/i18n/t.js';
import { mayReadAudit } from '../auth/policy.js';
import { programmeOf } from '../auth/programme-scope.js';
import { groupKey, mergeTransactions, type AuditRow } from './audit-merge.js';
import {
  findActivityTitles,
  findAreaNames,
  findAuditStatements,
  findIndicatorTitles,
  findOrganisationCodes,
  findOutcomeStatements,
  findOutputStatements,
  findProgrammeCodes,
  findProgrammeIdBySlug,
  findStatementsOfGroups,
  findUserNames,
  type AuditFilters,
  type CodedRow,
  type LabelRow,
} from './audit.queries.js';

/** Refuses (403, in the reader's language) a reader who may not read the trail asked for (auth/policy.ts). */
export async function assertMayReadAudit(
  ctx: ServiceContext,
  programmeSlug: string | undefined,
): Promise<void> {
  const actor = ctx.actor;
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
  const filters: AuditFilters = {
    entity: query.entity,
    entityId: query.id,
    action: query.action,
    actor: query.actor,
    from: query.from,
    to: query.to,
  };
  if (query.programme) {
    filters.programmeId = await findProgrammeIdBySlug(ctx.db, query.programme);
    if (!filters.programmeId) throw notFound('Programme', query.programme);
  }
  const events = await auditPage(ctx, filters, query.before, query.limit);
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

/**
 * `limit` changes older than the event `before`, each one object's statements in one transaction merged
 * (audit-merge.ts). The statements are read newest first, a window at a time; each change found is completed
 * with its other statements, wherever they are. A change is dated by its newest statement: the changes newer
 * than the window's oldest statement are then all known, and those already shown on an earlier page (newer
 * than `before`) are left out — every event of a change answers the filters alike, so none is split.
 */
async function auditPage(
  ctx: ServiceContext,
  filters: AuditFilters,
  before: number | undefined,
  limit: number,
): Promise<AuditEvent[]> {
  const rows = new Map<number, AuditRow>();
  const completed = new Set<string>();
  let floor = before;
  for (;;) {
    const window = await findAuditStatements(ctx.db, filters, floor, limit);
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
      const rest = await findStatementsOfGroups(ctx.db, groups.slice(i, i + 200));
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
  const put = (rows: LabelRow[]) => {
    for (const r of rows) if (r.label) labels[r.id] = r.label;
  };
  // a code and a bilingual text in the reader's language
  const coded = (rows: CodedRow[]) =>
    rows.map((r) => ({
      id: r.id,
      label:
        r.fr === null ? null : `${r.code} — ${localize({ fr: r.fr, en: r.en ?? undefined }, ctx.locale)}`,
    }));
  if (areas.size) put(await findAreaNames(ctx.db, [...areas]));
  if (list.length === 0) return labels;
  put(await findUserNames(ctx.db, list));
  put(await findOrganisationCodes(ctx.db, list));
  put(await findProgrammeCodes(ctx.db, list));
  put(coded(await findIndicatorTitles(ctx.db, list)));
  put(coded(await findOutcomeStatements(ctx.db, list)));
  put(coded(await findOutputStatements(ctx.db, list)));
  put(
    (await findActivityTitles(ctx.db, list)).map((r) => ({
      id: r.id,
      label: r.fr === null ? null : localize({ fr: r.fr, en: r.en ?? undefined }, ctx.locale),
    })),
  );
  return labels;
}
