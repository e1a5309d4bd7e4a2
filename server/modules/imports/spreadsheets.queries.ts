import { and, asc, eq, gt, gte, or, sql, type SQL } from 'drizzle-orm';
import type { ActivityListQuery } from '../../../core/contracts/activities.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import { listConditions } from '../activities/activities.queries.js';

/** Where a page of the export ended: the next page starts after it. */
export interface ExportCursor {
  startDate: string;
  id: string;
}

/** One participant row of an exported activity: category, sex, age group, count. */
export type ExportParticipantRow = [string, string, string, number];

/**
 * One page of the export: a programme's activities matching the filters of a list, oldest first, after `cursor`
 * (keyset: each page reads from the index where the last one ended, never an offset counted again), with only
 * what the sheet says of them,
 * in one query (the list's presentation took seven, with workplans, attachments and totals the sheet does not
 * show). Places and participants come as JSON arrays: one row per activity, a few objects per page.
 */
export function findExportPage(
  db: DbOrTx,
  programmeId: string,
  query: Omit<ActivityListQuery, 'limit' | 'offset'>,
  cursor: ExportCursor | null,
  limit: number,
) {
  const where: SQL[] = [listConditions(programmeId, query)];
  if (cursor)
    where.push(
      gte(t.activities.startDate, cursor.startDate),
      or(gt(t.activities.startDate, cursor.startDate), gt(t.activities.id, cursor.id))!,
    );
  const a = t.activities;
  return db
    .select({
      id: a.id,
      titleFr: a.titleFr,
      titleEn: a.titleEn,
      kind: a.kind,
      startDate: a.startDate,
      endDate: a.endDate,
      orgCode: t.organisations.code,
      acronymFr: t.organisations.acronymFr,
      acronymEn: t.organisations.acronymEn,
      partner: a.partner,
      output: a.outputCode,
      countBasis: a.countBasis,
      quantity: a.quantity,
      quantityUnit: a.quantityUnit,
      description: a.description,
      recordedBy: a.recordedBy,
      // in the orders the list's presentation gives them (activities.queries.ts, activityRows)
      indicators: sql<string[] | null>`(select json_agg(i.indicator_code order by i.indicator_code)
        from activity_indicators i where i.activity_id = ${a.id})`,
      places: sql<[string, string | null][] | null>`(select json_agg(json_build_array(p.area_code, p.note)
        order by p.sort) from activity_places p where p.activity_id = ${a.id})`,
      participants: sql<ExportParticipantRow[] | null>`(select json_agg(json_build_array(p.category,
        p.sex, p.age_group, p.count) order by p.category, p.sex, p.age_group)
        from activity_participants p where p.activity_id = ${a.id})`,
    })
    .from(a)
    .innerJoin(t.organisations, eq(t.organisations.id, a.organisationId))
    .where(and(...where))
    .orderBy(asc(a.startDate), asc(a.id))
    .limit(limit);
}
export type ExportRow = Awaited<ReturnType<typeof findExportPage>>[number];
