/**
 * Writes many checked activities at once (imports, demo data, the offline outbox's batches): one COPY per
 * table and batch of activities (`server/db/copy.ts`), the rows made one at a time from the checked
 * activities, never gathered in arrays. The activities may come from an iterable that makes them as they are
 * taken (an import checks its rows as they flow): only a batch of them is held at a time. Before: one INSERT … SELECT FROM unnest(arrays) per table and chunk of 20,000, which held every
 * column of a chunk as a parameter (bench/import-activities.bench.ts, docs/performance.md). Runs inside the
 * caller's transaction: all or nothing. The tables' INSERT triggers (live aggregates, decision 0026; audit
 * trail) stand aside during the COPYs, and `jalon_bulk_finish_activities` (migration
 * `defer-aggregates-in-imports`) does their work once per {@link FINISH_EVERY} activities or so: the
 * summaries grown by the very SQL of a full recomputation, one audit event per activity with its parts in it
 * (decision 0031, fifth amendment).
 */
import { getRandomValues, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { uuidArray, type DbOrTx } from '../../db/client.js';
import { copyRows, settingsForLargeWrite } from '../../db/copy.js';
import { LARGE_WRITE, refreshStatistics } from '../../db/statistics.js';
import type { CheckedActivity } from './activity-check.js';

export interface BulkItem {
  activity: CheckedActivity;
  externalId?: string | null;
  importRow?: number | null;
}

/** The tables an import of activities writes (their statistics are refreshed before the summaries are grown). */
export const ACTIVITY_TABLES = [
  'activities',
  'activity_indicators',
  'activity_places',
  'activity_participants',
];
/** The summaries an import grows (decision 0026). */
export const SUMMARY_TABLES_OF_ACTIVITIES = [
  'agg_activity_facts',
  'agg_activities',
  'agg_participants',
  'agg_places',
  'agg_cercles',
  'agg_activity_cercles',
];

/** The activities written by one round of COPYs (one per table): what the writer holds at a time. */
export const BULK_BATCH = 5_000;

/**
 * Fresh ids for one write, each greater than the one before (RFC 9562 version 7: the write's start in
 * milliseconds, then a counter from a random start, then random bits). Every index keyed by the activity —
 * the activities' primary key, the parts' keys and indexes, the summaries' facts and cercles, the audit
 * trail's entity index — then takes each write's rows at its right edge instead of at random leaves all over
 * it (PostgreSQL's fast path for the rightmost leaf; fewer pages touched, so fewer written and logged).
 * Unique as version 4's: 48 bits of time, a 42-bit counter starting at a random point below 2^41, 32 random
 * bits per id; a repeat would be refused by the primary key, never merged.
 */
export function orderedIds(): () => string {
  const time = (Date.now() % 2 ** 48).toString(16).padStart(12, '0');
  let counter = randomBytes(6).readUIntBE(0, 6) % 2 ** 41;
  const random = new Uint32Array(1024);
  let taken = random.length;
  const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0');
  return () => {
    if (taken === random.length) {
      getRandomValues(random);
      taken = 0;
    }
    const c = counter++;
    // 48 bits of time | version 7 | the counter's 12 high bits | variant 10 | its 30 low bits | 32 random bits
    const low = (0x8000_0000 | (c % 2 ** 30)) >>> 0;
    const s = time + '7' + hex(Math.floor(c / 2 ** 30), 3) + hex(low, 8) + hex(random[taken++]!, 8);
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
}

/** The items in batches of `size`, taken from the iterable only as each batch is written. */
async function* batchesOf<T>(items: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  if (Symbol.iterator in items)
    for (const item of items) {
      batch.push(item);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  else
    for await (const item of items) {
      batch.push(item);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  if (batch.length) yield batch;
}

export interface BulkOptions<Item extends BulkItem> {
  /** told of each batch once written, with the ids of its activities (photos to attach afterwards) */
  written?: (items: Item[], ids: string[]) => void;
  /** activities per round of COPYs (the tests make it small) */
  batch?: number;
  /** activities per call of the finish, at least (the tests make it small) */
  finishEvery?: number;
}

/**
 * Activities per call of `jalon_bulk_finish_activities`: its work once per this many, not once per write. Its
 * hash tables and the transition of its statements grow with the ids it is given, and on PGlite they are
 * WebAssembly memory, which never shrinks: 100,000 ids at once grew PGlite's heap from 128 to 221 MB for the
 * server's life, five calls of 20,000 to 154 MB, in a time within the load's noise (docs/performance.md, "Import on PGlite").
 * Smaller rounds cost more: each call has a part that does not shrink with its ids (5,000 a call took 1.4–1.9 ×
 * the time of one call at 30,000 activities).
 */
export const FINISH_EVERY = 20_000;

/**
 * Inserts the activities with their indicator links, places and participants; returns their ids in the order
 * the activities came. All or nothing is the caller's transaction: a throw of the iterable or of a COPY
 * leaves nothing written once the transaction is rolled back.
 */
export async function insertActivities<Item extends BulkItem>(
  tx: DbOrTx,
  programmeId: string,
  items: Iterable<Item> | AsyncIterable<Item>,
  source: { kind: 'entered' | 'imported'; importId?: string | null },
  options: BulkOptions<Item> = {},
): Promise<string[]> {
  const ids: string[] = [];
  const importId = source.importId ?? null;
  const size = Math.max(options.batch ?? BULK_BATCH, 1);
  const every = Math.max(options.finishEvery ?? FINISH_EVERY, 1);
  const nextId = orderedIds();
  // the activities written since the last finish: their triggers' work is still to do
  let pending: string[] = [];
  let finished = 0;
  const finish = async () => {
    if (finished === 0 && pending.length >= LARGE_WRITE) {
      // the settings of a large write serve the finish (its grouping and joins), not the COPYs; the
      // statistics tell the planner how many rows the finish reads (those of later rounds are planned from
      // the tables' sizes, which the planner reads as they grow)
      await settingsForLargeWrite(tx);
      await refreshStatistics(tx, ACTIVITY_TABLES);
    }
    await tx.execute(sql`select jalon_bulk_finish_activities(${uuidArray(pending)})`);
    finished += pending.length;
    pending = [];
  };
  for await (const batch of batchesOf(items, size)) {
    if (pending.length === 0) {
      // The INSERT triggers of these four tables (live aggregates, audit trail) stand aside for the COPYs
      // below; jalon_bulk_finish_activities does their work once for the activities written since the flag
      // was set (decision 0031, fifth amendment). Only this function sets the flag, for its own transaction,
      // and the finish clears it before anything else is written.
      await tx.execute(sql`select set_config('jalon.bulk_write', 'on', true)`);
    }
    const batchIds = batch.map(() => nextId());
    await copyBatch(tx, programmeId, batch, batchIds, source.kind, importId);
    for (const id of batchIds) {
      ids.push(id);
      pending.push(id);
    }
    if (pending.length >= every) await finish();
    options.written?.(batch, batchIds);
  }
  if (pending.length) await finish();
  // every read after the commit is planned from these (PGlite has no autovacuum)
  if (ids.length >= LARGE_WRITE) await refreshStatistics(tx, SUMMARY_TABLES_OF_ACTIVITIES);
  return ids;
}

/** One batch of activities: one COPY per table. */
async function copyBatch(
  tx: DbOrTx,
  programmeId: string,
  items: BulkItem[],
  ids: string[],
  kind: 'entered' | 'imported',
  importId: string | null,
): Promise<void> {
  await copyRows(
    tx,
    'activities',
    [
      'id',
      'programme_id',
      'kind',
      'title_fr',
      'title_en',
      'description',
      'start_date',
      'end_date',
      'organisation_id',
      'partner',
      'output_code',
      'workplan_activity_id',
      'count_basis',
      'quantity',
      'quantity_unit',
      'recorded_by',
      'source',
      'import_id',
      'import_row',
      'external_id',
    ],
    (function* () {
      for (const [i, { activity: a, importRow, externalId }] of items.entries())
        yield [
          ids[i],
          programmeId,
          a.kind,
          a.titleFr,
          a.titleEn,
          a.description,
          a.startDate,
          a.endDate,
          a.organisationId,
          a.partner,
          a.outputCode,
          a.workplanActivityId,
          a.countBasis,
          a.quantity,
          a.quantityUnit,
          a.recordedBy,
          kind,
          importId,
          importRow ?? null,
          externalId ?? null,
        ];
    })(),
  );
  await copyRows(
    tx,
    'activity_indicators',
    ['activity_id', 'indicator_code'],
    (function* () {
      for (const [i, { activity }] of items.entries())
        for (const code of activity.indicators) yield [ids[i], code];
    })(),
  );
  await copyRows(
    tx,
    'activity_places',
    ['activity_id', 'area_code', 'note', 'sort'],
    (function* () {
      for (const [i, { activity }] of items.entries())
        for (const [sort, p] of activity.places.entries()) yield [ids[i], p.areaCode, p.note, sort];
    })(),
  );
  await copyRows(
    tx,
    'activity_participants',
    [
      'activity_id',
      'programme_id',
      'activity_date',
      'category',
      'sex',
      'age_group',
      'area_code',
      'cercle_code',
      'organisation_id',
      'count',
    ],
    (function* () {
      for (const [i, { activity: a }] of items.entries())
        for (const p of a.participants)
          yield [
            ids[i],
            programmeId,
            a.startDate,
            p.category,
            p.sex,
            p.ageGroup,
            p.areaCode,
            p.cercleCode,
            a.organisationId,
            p.count,
          ];
    })(),
  );
}
