/**
 * Writes many checked activities at once (imports, demo data, the offline outbox's batches): one COPY per
 * table (`server/db/copy.ts`), the rows made one at a time from the checked activities, never gathered in
 * arrays. Before: one INSERT … SELECT FROM unnest(arrays) per table and chunk of 20,000, which held every
 * column of a chunk as a parameter (bench/import-activities.bench.ts, docs/performance.md). Runs inside the
 * caller's transaction: all or nothing. The tables' INSERT triggers (live aggregates, decision 0026; audit
 * trail) stand aside during the COPYs, and `jalon_bulk_finish_activities` (migration
 * `defer-aggregates-in-imports`) does their work once for the whole write: the summaries grown by the very SQL
 * of a full recomputation, one audit event per activity with its parts in it (decision 0031).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
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

/** Inserts the activities with their indicator links, places and participants; returns their ids in order. */
export async function insertActivities(
  tx: DbOrTx,
  programmeId: string,
  items: BulkItem[],
  source: { kind: 'entered' | 'imported'; importId?: string | null },
): Promise<string[]> {
  if (items.length === 0) return [];
  const ids = items.map(() => randomUUID());
  const importId = source.importId ?? null;
  if (items.length >= LARGE_WRITE) await settingsForLargeWrite(tx);
  // The INSERT triggers of these four tables (live aggregates, audit trail) stand aside for the COPYs below;
  // jalon_bulk_finish_activities does their work once for every activity (decision 0031). Only this function
  // sets the flag, for its own transaction, and the finish clears it before anything else is written.
  await tx.execute(sql`select set_config('jalon.bulk_write', 'on', true)`);
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
          source.kind,
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
  const large = items.length >= LARGE_WRITE;
  // the planner then knows how many rows the finish reads
  if (large) await refreshStatistics(tx, ACTIVITY_TABLES);
  await tx.execute(sql`select jalon_bulk_finish_activities(${`{${ids.join(',')}}`}::uuid[])`);
  if (large) await refreshStatistics(tx, SUMMARY_TABLES_OF_ACTIVITIES);
  return ids;
}
