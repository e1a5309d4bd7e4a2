/**
 * The quarterly programme report: its written parts live in a report of the reports module (type
 * `quarterly`, template `quarterly-programme`, the quarter as its period), edited and approved like any
 * report; its key figures, participants and photos are computed from the quarter's activities each time it
 * is read, until its approval stores them (`frozen_quarterly`): an approved report no longer follows the data.
 */
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
import { translationOf, withLanguages } from '../../../../core/reports/languages.js';
import type { DbOrTx } from '../../../db/client.js';
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
import { valuesOfRecord } from '../../indicator-data/values-of-record.js';
import type { ValueOfRecord } from '../../../../core/contracts/indicator-data.js';
import {
  activityCount,
  activityOrganisations,
  attachmentBytes,
  insertQuarterlyReport,
  latestActivityStart,
  participantCells,
  photoRows,
  placeCodesOf,
  programmeBySlug,
  programmeSlugById,
  quarterlyReportRow,
  setFrozenQuarterly,
  type PhotoScope,
} from './quarterly.queries.js';

export const QUARTERLY_TEMPLATE = { id: 'quarterly-programme', version: '2023' } as const;

function quarterlyTemplate(): ReportTemplate {
  const template = findTemplate(QUARTERLY_TEMPLATE.id, QUARTERLY_TEMPLATE.version);
  if (!template) throw new Error('the quarterly report template is not registered');
  return template;
}

async function programmeRow(db: DbOrTx, slug: string) {
  const p = await programmeBySlug(db, slug);
  if (!p) throw notFound('Programme', slug);
  return p;
}

const reportRow = quarterlyReportRow;

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
    const id = await insertQuarterlyReport(
      tx,
      {
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
      },
      { status, event: 'created', content },
    );
    if (!id)
      throw new AppError('conflict', `There is already a quarterly report for ${quarter}`, {
        issues: [{ path: 'body.quarter', message: `a report exists for ${quarter}` }],
        detail: tIn(ctx.locale)('reportRules.conflicts.quarterlyReportExists', { quarter }),
      });
    if (status === 'approved') {
      const frozen = await getQuarterlyReport({ ...ctx, db: tx as unknown as typeof ctx.db }, slug, quarter);
      await setFrozenQuarterly(tx, id, frozen);
    }
    return id;
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
  const latest = await latestActivityStart(ctx.db, p.id, ctx.now().toISOString().slice(0, 10));
  const { from } = quarterBounds(current);
  return latest && latest < from ? quarterOf(latest) : current;
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

/**
 * A key figure's sentence as the writers wrote it, with `{n}` for the computed number (`{value}` too); one
 * without the number gets it in front, so a figure never loses the count it is computed from.
 */
export function writtenSentence(text: string): string {
  const sentence = text.trim().replace(/\{n\}/g, '{value}');
  return sentence.includes('{value}') ? sentence : `{value} ${sentence}`;
}

async function cerclesOf(db: DbOrTx, index: PlaceIndex, activityIds: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const code of await placeCodesOf(db, activityIds)) {
    const cercle = cercleOf(index, code);
    const name = cercle?.name ?? index.byCode.get(code)?.name;
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
  records: Map<string, ValueOfRecord>,
  /** the report's content: its language and translations (docs/decisions/0020) */
  content: ReportContent,
): Promise<QuarterlyReport['keyFigures'][number]> {
  const language = withLanguages(content).language;
  if (!figure.measure) {
    return {
      id: figure.id,
      theme: figure.theme,
      sentence: null,
      text: figure.field ? (fields[figure.field] ?? null) : null,
      place: figure.field ? `fields.${figure.field}` : null,
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
  // a figure of an indicator is the indicator's value of record for the quarter — the dashboard's and the
  // indicator page's (docs/decisions/0013) —, not a second computation; none recorded: the figure says nothing
  const record = m.indicator ? records.get(m.indicator) : undefined;
  const value = m.indicator
    ? record && record.provenance !== 'none'
      ? record.numericValue
      : null
    : computed.value;
  if (value === null)
    return {
      id: figure.id,
      theme: figure.theme,
      sentence: null,
      text: null,
      value: null,
      activities: counted.length,
      activityIds: counted,
    };
  const values = (locale: Locale) => ({
    value,
    female: computed.totals?.bySex.female ?? 0,
    male: computed.totals?.bySex.male ?? 0,
    unknownSex: computed.totals?.bySex.unknown ?? 0,
    activities: counted.length,
    places: list(cercles, locale),
  });
  // the writers' own sentence around the number, else the template's
  const written = figure.sentenceField ? fields[figure.sentenceField] : null;
  const own = written ? writtenSentence(written) : null;
  const place = written && figure.sentenceField ? `fields.${figure.sentenceField}` : null;
  // the other language's sentence: its translation with its numbers said in that language, else the original
  const say = (lang: Locale, original: string) => {
    if (lang === language || !place) return fillSentence(original, values(language), language);
    const translated = translationOf(content, lang, place);
    return translated
      ? fillSentence(writtenSentence(translated), values(lang), lang)
      : fillSentence(original, values(language), language);
  };
  const sentence: LocalizedText | null = own
    ? { fr: say('fr', own), en: say('en', own) }
    : figure.sentence
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
    place,
    value,
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

/** Photos of the period's activities in `scope`, in the order the activities happened. */
async function photos(
  db: DbOrTx,
  programmeId: string,
  period: { from: string; to: string },
  scope: PhotoScope,
  max: number,
) {
  return (await photoRows(db, programmeId, period, scope, max)).map(photoOf);
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
  const versions = await frameworkVersionsOf(ctx.db, programme.id);
  const version = row?.frameworkVersion ?? inForceVersion(versions, period.to)?.version;
  const figures = template.sections.filter((s) => s.kind === 'key_figures').flatMap((s) => s.figures ?? []);
  // the indicators' values of record for the quarter, for the figures that are an indicator's
  const records = figures.some((f) => f.measure?.indicator)
    ? await valuesOfRecord(ctx.db, ctx.locale, programme.id, period, {
        ...(version ? { frameworkVersion: version } : {}),
      })
    : new Map<string, ValueOfRecord>();
  const keyFigures = [];
  for (const figure of figures)
    keyFigures.push(await keyFigure(ctx, index, programme.id, figure, period, fields, records, content));

  const framework = version ? await getFramework(ctx, slug, version).catch(() => null) : null;
  const outcomesSection = template.sections.find((s) => s.kind === 'outcomes');
  const perOutcome = outcomesSection?.photosPerOutcome ?? 0;
  const outcomes = [];
  for (const o of framework?.outcomes ?? []) {
    const scope = { outcome: o.code };
    const [count, cells, pics] = await Promise.all([
      activityCount(ctx.db, programme.id, period, scope),
      participantCells(ctx.db, programme.id, period, scope),
      perOutcome ? photos(ctx.db, programme.id, period, scope, perOutcome) : Promise.resolve([]),
    ]);
    const narrative = content.outcomes[o.code]?.fields.narrative;
    outcomes.push({
      code: o.code,
      statement: o.statement,
      narrative: typeof narrative === 'string' && narrative.trim() ? narrative : null,
      activities: count,
      participants: totalsFrom(cells),
      photos: pics,
    });
  }
  // the quarter's activities under no outcome (the steering committee's meeting has no output): counted
  // apart, so that the outcomes and this line make the quarter's activities, as the dashboard counts them
  const outside = { outsideOutcomes: (framework?.outcomes ?? []).map((o) => o.code) };
  const [outsideCount, outsideCells] = await Promise.all([
    activityCount(ctx.db, programme.id, period, outside),
    participantCells(ctx.db, programme.id, period, outside),
  ]);
  const photoSection = template.sections.find((s) => s.kind === 'photos');
  const committeePhotos = photoSection?.photos
    ? await photos(
        ctx.db,
        programme.id,
        period,
        {
          withoutOutput: photoSection.photos.withoutOutput,
          activityKinds: photoSection.photos.activityKinds,
        },
        photoSection.photos.max,
      )
    : [];
  const [cover] = await photos(ctx.db, programme.id, period, 'all', 1);
  const acronym = (o: { acronym: { fr: string; en?: string } | null; name: LocalizedText }) =>
    o.acronym ? text(o.acronym.fr, o.acronym.en ?? null) : o.name;
  // the donors the report names (by code), else all the programme's: an agency's own core resources (TRAC) or a
  // donor of another period need not be thanked in every quarter's report
  const named = (fields.funding_partners ?? '')
    .split(/[,;\n]/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  const programmeDonors: { code: string; name: LocalizedText }[] = [];
  for (const d of programme.donors)
    if (!programmeDonors.some((x) => x.code === d.organisation.code))
      programmeDonors.push({ code: d.organisation.code, name: d.organisation.name });
  // in the order the writers name them
  const donors = (
    named.length ? named.flatMap((c) => programmeDonors.filter((d) => d.code === c)) : programmeDonors
  ).map((d) => d.name);
  // the agencies that carried out the quarter's activities (all of them, for a quarter without any): a
  // recipient that did nothing this quarter (MINUSMA, gone from Mali in 2023) is not on its cover
  const acting = await activityOrganisations(ctx.db, programme.id, period);
  const agencies = programme.recipients.filter((r) => !acting.length || acting.includes(r.organisation.id));
  return {
    reportId: row?.id ?? null,
    status: row?.status ?? null,
    version: row?.version ?? null,
    template: { ...QUARTERLY_TEMPLATE },
    programme: { slug: programme.slug, code: programme.code, title: programme.title },
    quarter,
    periodStart: period.from,
    periodEnd: period.to,
    agencies: agencies.map((r) => acronym(r.organisation)),
    donors,
    programmeDonors,
    cover: cover ?? null,
    fields,
    language: withLanguages(content).language,
    translations: withLanguages(content).translations,
    translatedFrom: content.translatedFrom ?? {},
    keyFigures,
    outcomes,
    outsideOutcomes: { activities: outsideCount, participants: totalsFrom(outsideCells) },
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
  return attachmentBytes(db, ids);
}

/** The quarterly report of a report row as it reads now, to be kept at approval (null for other reports). */
export async function frozenQuarterlyReport(
  ctx: ServiceContext,
  report: { type: string; programmeId: string; periodStart: string },
): Promise<QuarterlyReport | null> {
  if (report.type !== 'quarterly') return null;
  const slug = await programmeSlugById(ctx.db, report.programmeId);
  if (!slug) return null;
  return getQuarterlyReport(ctx, slug, quarterOf(report.periodStart));
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
