/**
 * Writes many checked activities at once (imports, demo data, the offline outbox's batches): one COPY per
 * table (`server/db/copy.ts`), the rows made one at a time from the checked activities, never gathered in
 * arrays. Before: one INSERT … SELECT FROM unnest(arrays) per table and chunk of 20,000, which held every
 * column of a chunk as a parameter (bench/import-activities.bench.ts, docs/performance.md). Runs inside the
 * caller's transaction: all or nothing. The tables are written activities first, then their indicator links,
 * then places and participants: the live aggregates' link trigger recounts an activity whose links change
 * (decision 0026), which costs least while it has no places or participants yet.
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client.js';
import { copyRows, settingsForLargeWrite } from '../../db/copy.js';
import { LARGE_WRITE, refreshStatistics } from '../../db/statistics.js';
import type { CheckedActivity } from './activity-check.js';

export interface BulkItem {
  activity: CheckedActivity;
  externalId?: string | null;
  importRow?: number | null;
}

/** The tables an import of activities writes, and the summaries their triggers grow (decision 0026). */
export const ACTIVITY_TABLES = [
  'activities',
  'activity_indicators',
  'activity_places',
  'activity_participants',
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
  const ids = items.map(() => randomUUID());
  const importId = source.importId ?? null;
  if (items.length >= LARGE_WRITE) await settingsForLargeWrite(tx);
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
  if (items.length >= LARGE_WRITE) await refreshStatistics(tx, ACTIVITY_TABLES);
  return ids;
}
