/**
 * The quarterly programme report: its written parts live in a report of the reports module (type
 * `quarterly`, template `quarterly-programme`, the quarter as its period), edited and approved like any
 * report; its key figures, participants and photos are computed from the quarter's activities each time it
 * is read, until its approval stores them (`frozen_quarterly`): an approved report no longer follows the data.
 */
import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { KeyFigure, ReportTemplate } from '../../../../core/contracts/report-template.js';
import type { QuarterlyPhoto, QuarterlyReport } from '../../../../core/contracts/quarterly-report.js';
import type { ReportContent, ReportContentInput } from '../../../../core/contracts/report.js';
import { reportContent } from '../../../../core/contracts/report.js';
import { indicatorRule } from '../../../../core/contracts/indicator-data.js';
import type { LocalizedText } from '../../../../core/contracts/programme-document.js';
import type { PlaceIndex } from '../../../../core/geo/place-names.js';
import { formatList, formatNumber, pluralCategory } from '../../../../core/i18n/format.js';
import type { Locale } from '../../../../core/i18n/locale.js';
import { tIn } from '../../../../core/i18n/t.js';
import { findTemplate } from '../../../../core/reports/templates/index.js';
import type { DbOrTx } from '../../../db/client.js';
import * as t from '../../../db/schema/index.js';
import type { ServiceContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors.js';
import { getFramework } from '../../frameworks/frameworks.service.js';
import { cercleOf, placeIndex } from '../../geography/geography.service.js';
import { inForceVersion, optionalText, text } from '../../programmes/programmes.presenter.js';
import { frameworkVersionsOf } from '../../programmes/programmes.queries.js';
import { getProgramme } from '../../programmes/programmes.service.js';
import { assertMayReadReport } from '../report-access.js';
import { attachmentUrl, totalsFrom } from '../../activities/activities.presenter.js';
import { computeIndicator, quarterBounds, quarterOf } from '../../indicator-data/indicator-compute.js';

export const QUARTERLY_TEMPLATE = { id: 'quarterly-programme', version: '2023' } as const;

function quarterlyTemplate(): ReportTemplate {
  const template = findTemplate(QUARTERLY_TEMPLATE.id, QUARTERLY_TEMPLATE.version);
  if (!template) throw new Error('the quarterly report template is not registered');
  return template;
}

async function programmeRow(db: DbOrTx, slug: string) {
  const [p] = await db.select().from(t.programmes).where(eq(t.programmes.slug, slug));
  if (!p) throw notFound('Programme', slug);
  return p;
}

async function reportRow(db: DbOrTx, programmeId: string, periodStart: string) {
  const [row] = await db
    .select()
    .from(t.reports)
    .where(
      and(
        eq(t.reports.programmeId, programmeId),
        eq(t.reports.type, 'quarterly'),
        eq(t.reports.periodStart, periodStart),
      ),
    );
  return row;
}

/**
 * Starts the quarterly report of a programme for a quarter (with written content, for the demo and imports):
 * 409 when it exists.
 */
export async function createQuarterlyReport(
  ctx: ServiceContext,
  slug: string,
  quarter: string,
  written: ReportContentInput = {},
  status: 'draft' | 'approved' = 'draft',
): Promise<string> {
  const p = await programmeRow(ctx.db, slug);
  const { from, to } = quarterBounds(quarter);
  const versions = await frameworkVersionsOf(ctx.db, p.id);
  const content = reportContent.parse(written);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(t.reports)
      .values({
        programmeId: p.id,
        templateId: QUARTERLY_TEMPLATE.id,
        templateVersion: QUARTERLY_TEMPLATE.version,
        type: 'quarterly',
        year: Number(quarter.slice(0, 4)),
        periodStart: from,
        periodEnd: to,
        frameworkVersion: inForceVersion(versions, to)?.version ?? null,
        status,
        content,
      })
      .onConflictDoNothing()
      .returning({ id: t.reports.id });
    if (!row)
      throw new AppError('conflict', `There is already a quarterly report for ${quarter}`, {
        issues: [{ path: 'body.quarter', message: `a report exists for ${quarter}` }],
        detail: tIn(ctx.locale)('reportRules.conflicts.quarterlyReportExists', { quarter }),
      });
    await tx
      .insert(t.reportRevisions)
      .values({ reportId: row.id, version: 1, status, event: 'created', content });
    if (status === 'approved') {
      const frozen = await getQuarterlyReport({ ...ctx, db: tx as unknown as typeof ctx.db }, slug, quarter);
      await tx.update(t.reports).set({ frozenQuarterly: frozen }).where(eq(t.reports.id, row.id));
    }
    return row.id;
  });
}

/** The id of a programme's report of a quarter, when one was started (404 for no programme). */
export async function quarterlyReportId(db: DbOrTx, slug: string, quarter: string): Promise<string | null> {
  const p = await programmeRow(db, slug);
  return (await reportRow(db, p.id, quarterBounds(quarter).from))?.id ?? null;
}

/** The current quarter, or the latest with activities when the current one has none (404 for no programme). */
export async function defaultQuarter(ctx: ServiceContext, slug: string): Promise<string> {
  const p = await programmeRow(ctx.db, slug);
  const current = quarterOf(ctx.now().toISOString().slice(0, 10));
  const [latest] = await ctx.db
    .select({ d: sql<string>`max(${t.activities.startDate})::text` })
    .from(t.activities)
    .where(
      and(
        eq(t.activities.programmeId, p.id),
        sql`${t.activities.startDate} <= ${ctx.now().toISOString().slice(0, 10)}`,
      ),
    );
  const { from } = quarterBounds(current);
  return latest?.d && latest.d < from ? quarterOf(latest.d) : current;
}

/** Fills `{value}`, `{female}`, `{places}`… and `{female|femme|femmes}` in a sentence. */
export function fillSentence(
  sentence: string,
  values: Record<string, number | string>,
  locale: Locale,
): string {
  return sentence.replace(
    /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g,
    (whole, key: string, one?: string, many?: string) => {
      const v = values[key];
      if (v === undefined) return whole;
      if (one !== undefined) return pluralCategory(Number(v), locale) === 'one' ? one : many!;
      return typeof v === 'number' ? formatNumber(v, locale, 3) : v;
    },
  );
}

const list = (items: string[], locale: Locale) => formatList(items, locale);

async function cerclesOf(db: DbOrTx, index: PlaceIndex, activityIds: string[]): Promise<string[]> {
  if (!activityIds.length) return [];
  const rows = await db
    .select({ code: t.activityPlaces.areaCode })
    .from(t.activityPlaces)
    .innerJoin(t.activities, eq(t.activities.id, t.activityPlaces.activityId))
    .where(inArray(t.activityPlaces.activityId, activityIds))
    .orderBy(asc(t.activities.startDate), asc(t.activityPlaces.sort));
  const names: string[] = [];
  for (const r of rows) {
    const cercle = cercleOf(index, r.code);
    const name = cercle?.name ?? index.byCode.get(r.code)?.name;
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

async function keyFigure(
  ctx: ServiceContext,
  index: PlaceIndex,
  programmeId: string,
  figure: KeyFigure,
  period: { from: string; to: string },
  fields: Record<string, string | null>,
): Promise<QuarterlyReport['keyFigures'][number]> {
  if (!figure.measure) {
    return {
      id: figure.id,
      theme: figure.theme,
      sentence: null,
      text: figure.field ? (fields[figure.field] ?? null) : null,
      value: null,
      activities: 0,
      activityIds: [],
    };
  }
  const m = figure.measure;
  const rule = indicatorRule.parse({
    kind: m.kind,
    scope: m.indicator ? 'linked' : 'programme',
    activityKinds: m.activityKinds,
    output: m.output ?? null,
    categories: m.categories,
    sexes: m.sexes,
    ageGroups: m.ageGroups,
    placeLevel: m.placeLevel,
    cumulative: false,
  });
  const computed = await computeIndicator(
    ctx.db,
    index,
    { programmeId, indicatorCode: m.indicator ?? '', cumulative: false },
    rule,
    period,
    'fr',
  );
  const counted = computed.contributions.filter((c) => c.value > 0).map((c) => c.activityId);
  const cercles = await cerclesOf(ctx.db, index, counted);
  const values = (locale: Locale) => ({
    value: computed.value,
    female: computed.totals?.bySex.female ?? 0,
    male: computed.totals?.bySex.male ?? 0,
    unknownSex: computed.totals?.bySex.unknown ?? 0,
    activities: counted.length,
    places: list(cercles, locale),
  });
  const sentence: LocalizedText | null = figure.sentence
    ? {
        fr: fillSentence(figure.sentence.fr, values('fr'), 'fr'),
        en: fillSentence(figure.sentence.en ?? figure.sentence.fr, values('en'), 'en'),
      }
    : null;
  return {
    id: figure.id,
    theme: figure.theme,
    sentence,
    text: null,
    value: computed.value,
    activities: counted.length,
    activityIds: counted,
  };
}

type PhotoRow = {
  id: string;
  activityId: string;
  captionFr: string | null;
  captionEn: string | null;
  credit: string | null;
};
const photoOf = (r: PhotoRow): QuarterlyPhoto => ({
  attachmentId: r.id,
  activityId: r.activityId,
  caption: optionalText(r.captionFr, r.captionEn),
  credit: r.credit,
  url: attachmentUrl(r.id),
});

/** Photos of the period's activities matching `where`, in the order the activities happened. */
async function photos(
  db: DbOrTx,
  programmeId: string,
  period: { from: string; to: string },
  where: ReturnType<typeof sql> | undefined,
  max: number,
) {
  const rows = await db
    .select({
      id: t.activityAttachments.id,
      activityId: t.activityAttachments.activityId,
      captionFr: t.activityAttachments.captionFr,
      captionEn: t.activityAttachments.captionEn,
      credit: t.activityAttachments.credit,
    })
    .from(t.activityAttachments)
    .innerJoin(t.activities, eq(t.activities.id, t.activityAttachments.activityId))
    .where(
      and(
        eq(t.activities.programmeId, programmeId),
        eq(t.activityAttachments.kind, 'photo'),
        sql`${t.activities.startDate} between ${period.from} and ${period.to}`,
        where,
      ),
    )
    .orderBy(
      asc(t.activities.startDate),
      asc(t.activityAttachments.sort),
      asc(t.activityAttachments.createdAt),
    )
    .limit(max);
  return rows.map(photoOf);
}

/**
 * The quarterly report of a programme, assembled now from its written parts and the quarter's activities —
 * or, once approved, as it was at approval (`frozenQuarterlyReport`).
 */
export async function getQuarterlyReport(
  ctx: ServiceContext,
  slug: string,
  quarter: string,
): Promise<QuarterlyReport> {
  const template = quarterlyTemplate();
  const programme = await getProgramme(ctx, slug);
  const period = quarterBounds(quarter);
  const row = await reportRow(ctx.db, programme.id, period.from);
  // approved: the figures, participants and photos as they were at approval, whatever was recorded since
  if (row?.frozenQuarterly)
    return { ...row.frozenQuarterly, reportId: row.id, status: row.status, version: row.version };
  const content: ReportContent = row?.content ?? reportContent.parse({});
  const fields: Record<string, string | null> = {};
  for (const field of template.sections.filter((s) => s.kind === 'fields').flatMap((s) => s.fields)) {
    const v = content.fields[field.id];
    fields[field.id] = typeof v === 'string' && v.trim() ? v : null;
  }
  const index = await placeIndex(ctx.db);
  const figures = template.sections.filter((s) => s.kind === 'key_figures').flatMap((s) => s.figures ?? []);
  const keyFigures = [];
  for (const figure of figures)
    keyFigures.push(await keyFigure(ctx, index, programme.id, figure, period, fields));

  const versions = await frameworkVersionsOf(ctx.db, programme.id);
  const version = row?.frameworkVersion ?? inForceVersion(versions, period.to)?.version;
  const framework = version ? await getFramework(ctx, slug, version).catch(() => null) : null;
  const outcomesSection = template.sections.find((s) => s.kind === 'outcomes');
  const perOutcome = outcomesSection?.photosPerOutcome ?? 0;
  const outcomes = [];
  for (const o of framework?.outcomes ?? []) {
    const ofOutcome = like(t.activities.outputCode, `${o.code}.%`);
    const [counts, cells, pics] = await Promise.all([
      ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(t.activities)
        .where(
          and(
            eq(t.activities.programmeId, programme.id),
            sql`${t.activities.startDate} between ${period.from} and ${period.to}`,
            ofOutcome,
          ),
        ),
      ctx.db
        .select({
          sex: t.activityParticipants.sex,
          ageGroup: t.activityParticipants.ageGroup,
          n: sql<number>`sum(${t.activityParticipants.count})::int`,
        })
        .from(t.activityParticipants)
        .innerJoin(t.activities, eq(t.activities.id, t.activityParticipants.activityId))
        .where(
          and(
            eq(t.activities.programmeId, programme.id),
            sql`${t.activities.startDate} between ${period.from} and ${period.to}`,
            ofOutcome,
          ),
        )
        .groupBy(t.activityParticipants.sex, t.activityParticipants.ageGroup),
      perOutcome ? photos(ctx.db, programme.id, period, ofOutcome, perOutcome) : Promise.resolve([]),
    ]);
    const narrative = content.outcomes[o.code]?.fields.narrative;
    outcomes.push({
      code: o.code,
      statement: o.statement,
      narrative: typeof narrative === 'string' && narrative.trim() ? narrative : null,
      activities: Number(counts[0]?.n ?? 0),
      participants: totalsFrom(cells.map((c) => ({ ...c, n: Number(c.n) }))),
      photos: pics,
    });
  }
  const photoSection = template.sections.find((s) => s.kind === 'photos');
  const committeePhotos = photoSection?.photos
    ? await photos(
        ctx.db,
        programme.id,
        period,
        and(
          photoSection.photos.withoutOutput ? isNull(t.activities.outputCode) : undefined,
          photoSection.photos.activityKinds.length
            ? inArray(t.activities.kind, photoSection.photos.activityKinds)
            : undefined,
        ),
        photoSection.photos.max,
      )
    : [];
  const [cover] = await photos(ctx.db, programme.id, period, undefined, 1);
  const acronym = (o: { acronym: { fr: string; en?: string } | null; name: LocalizedText }) =>
    o.acronym ? text(o.acronym.fr, o.acronym.en ?? null) : o.name;
  const donors: LocalizedText[] = [];
  for (const d of programme.donors)
    if (!donors.some((x) => x.fr === d.organisation.name.fr)) donors.push(d.organisation.name);
  return {
    reportId: row?.id ?? null,
    status: row?.status ?? null,
    version: row?.version ?? null,
    template: { ...QUARTERLY_TEMPLATE },
    programme: { slug: programme.slug, code: programme.code, title: programme.title },
    quarter,
    periodStart: period.from,
    periodEnd: period.to,
    agencies: programme.recipients.map((r) => acronym(r.organisation)),
    donors,
    cover: cover ?? null,
    fields,
    keyFigures,
    outcomes,
    steeringCommittee: { text: fields.steering_committee ?? null, photos: committeePhotos },
    contacts: fields.contacts ?? null,
  };
}

/** The bytes of the report's photos, by attachment id (for the documents, which embed them). */
export async function photoBytes(db: DbOrTx, report: QuarterlyReport): Promise<Map<string, Buffer>> {
  const ids = [
    ...(report.cover ? [report.cover.attachmentId] : []),
    ...report.outcomes.flatMap((o) => o.photos.map((p) => p.attachmentId)),
    ...report.steeringCommittee.photos.map((p) => p.attachmentId),
  ];
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: t.activityAttachments.id, bytes: t.activityAttachments.bytes })
    .from(t.activityAttachments)
    .where(inArray(t.activityAttachments.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.bytes]));
}

/** The quarterly report of a report row as it reads now, to be kept at approval (null for other reports). */
export async function frozenQuarterlyReport(
  ctx: ServiceContext,
  report: { type: string; programmeId: string; periodStart: string },
): Promise<QuarterlyReport | null> {
  if (report.type !== 'quarterly') return null;
  const [p] = await ctx.db
    .select({ slug: t.programmes.slug })
    .from(t.programmes)
    .where(eq(t.programmes.id, report.programmeId));
  if (!p) return null;
  return getQuarterlyReport(ctx, p.slug, quarterOf(report.periodStart));
}

/**
 * The quarter asked (or the default one), once the reader may see it: the figures of a quarter come from the
 * public activities, but once its report is started it shows that report's texts, read as the report is.
 */
export async function readableQuarter(ctx: ServiceContext, slug: string, asked: string | undefined) {
  const quarter = asked ?? (await defaultQuarter(ctx, slug));
  const reportId = await quarterlyReportId(ctx.db, slug, quarter);
  if (reportId) await assertMayReadReport(ctx, reportId);
  return quarter;
}
