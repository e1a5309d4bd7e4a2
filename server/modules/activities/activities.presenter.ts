import type {
  ActivityDetail,
  ActivitySummary,
  AgeGroup,
  ParticipantTotals,
  Sex,
} from '../../../core/contracts/activities.js';
import { ageGroups, sexes } from '../../../core/contracts/activities.js';
import type { PlaceIndex } from '../../../core/geo/place-names.js';
import { groupBy } from '../../../core/lib/group-by.js';
import { optionalText, presentOrganisation, text } from '../programmes/programmes.presenter.js';
import { areaRefOf, cercleOf, regionOf } from '../geography/geography.service.js';
import type { ActivityRows } from './activities.queries.js';

/** Totals by sex and age group from cells `{ sex, ageGroup, n }`. */
export function totalsFrom(cells: { sex: Sex; ageGroup: AgeGroup; n: number }[]): ParticipantTotals {
  const bySex = Object.fromEntries(sexes.map((s) => [s, 0])) as Record<Sex, number>;
  const byAge = Object.fromEntries(ageGroups.map((a) => [a, 0])) as Record<AgeGroup, number>;
  let total = 0;
  for (const c of cells) {
    const n = Number(c.n);
    bySex[c.sex] += n;
    byAge[c.ageGroup] += n;
    total += n;
  }
  return { total, bySex, byAge };
}

export function placeOf(index: PlaceIndex, code: string, note: string | null) {
  const area = index.byCode.get(code);
  const cercle = cercleOf(index, code);
  const region = regionOf(index, code);
  return {
    area: area ? areaRefOf(area) : { code, level: 'commune' as const, name: code },
    cercle: cercle && cercle.code !== code ? areaRefOf(cercle) : null,
    region: region && region.code !== code ? areaRefOf(region) : null,
    note,
  };
}

export const attachmentUrl = (id: string) => `/api/v1/attachments/${id}/file`;

/** Rows → activities, in the order of `ids`. */
/** An activity as stored, before what the reader may do on it is added (`getActivity`). */
export type ActivityRecord = Omit<ActivityDetail, 'can'>;

export function presentActivities(rows: ActivityRows, index: PlaceIndex, ids: string[]): ActivityRecord[] {
  const places = groupBy(rows.places, (p) => p.activityId);
  const indicators = groupBy(rows.indicators, (i) => i.activityId);
  const participants = groupBy(rows.participants, (p) => p.activityId);
  const cells = groupBy(rows.cells, (c) => c.activityId);
  const attachments = groupBy(rows.attachments, (a) => a.activityId);
  const imports = new Map(rows.imports.map((i) => [i.id, i.fileName]));
  const byId = new Map(rows.activities.map((r) => [r.a.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const a = r.a;
    const files = attachments.get(id) ?? [];
    return [
      {
        id: a.id,
        programme: { slug: r.slug, code: r.code },
        kind: a.kind,
        title: text(a.titleFr, a.titleEn),
        startDate: a.startDate,
        endDate: a.endDate,
        organisation: presentOrganisation(r.org),
        partner: a.partner,
        output: a.outputCode,
        workPlanActivity: r.planned
          ? {
              id: r.planned.id,
              code: r.planned.code,
              title: text(r.planned.titleFr, r.planned.titleEn),
            }
          : null,
        indicators: (indicators.get(id) ?? []).map((i) => i.indicatorCode),
        places: (places.get(id) ?? []).map((p) => placeOf(index, p.areaCode, p.note)),
        countBasis: a.countBasis,
        quantity: a.quantity,
        quantityUnit: a.quantityUnit,
        totals: totalsFrom(cells.get(id) ?? []),
        attachmentCount: files.length,
        version: a.version,
        description: a.description,
        participants: (participants.get(id) ?? []).map((p) => {
          const area = p.areaCode ? index.byCode.get(p.areaCode) : undefined;
          return {
            category: p.category as ActivityDetail['participants'][number]['category'],
            sex: p.sex,
            ageGroup: p.ageGroup,
            count: p.count,
            area: area ? areaRefOf(area) : null,
          };
        }),
        attachments: files.map((f) => ({
          id: f.id,
          kind: f.kind,
          fileName: f.fileName,
          contentType: f.contentType,
          size: f.size,
          caption: optionalText(f.captionFr, f.captionEn),
          credit: f.credit,
          takenOn: f.takenOn,
          url: attachmentUrl(f.id),
          createdAt: f.createdAt.toISOString(),
        })),
        source: {
          kind: a.source,
          recordedBy: a.recordedBy,
          importId: a.importId,
          fileName: a.importId ? (imports.get(a.importId) ?? null) : null,
          row: a.importRow,
        },
        createdAt: a.createdAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
      },
    ];
  });
}

/** The list form: the detail without participants rows, attachments and source. */
export function toSummary(d: ActivityRecord): ActivitySummary {
  return {
    id: d.id,
    programme: d.programme,
    kind: d.kind,
    title: d.title,
    startDate: d.startDate,
    endDate: d.endDate,
    organisation: d.organisation,
    partner: d.partner,
    output: d.output,
    workPlanActivity: d.workPlanActivity,
    indicators: d.indicators,
    places: d.places,
    countBasis: d.countBasis,
    quantity: d.quantity,
    quantityUnit: d.quantityUnit,
    totals: d.totals,
    attachmentCount: d.attachmentCount,
    version: d.version,
  };
}
