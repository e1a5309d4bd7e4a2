/** The activity workbooks of a programme: the template to fill in, and the export of activities and values. */
import { PassThrough, type Readable } from 'node:stream';
import type { ActivityListQuery } from '../../../core/contracts/activities.js';
import { localize, type Locale } from '../../../core/i18n/locale.js';
import { tIn } from '../../../core/i18n/t.js';
import type { ServiceContext } from '../../context.js';
import { engineOf, type Engine } from '../../db/client.js';
import {
  writeActivityExport,
  writeActivityTemplate,
  type ExportActivity,
} from '../../documents/xlsx/activities-writer.js';
import { activityForm } from '../../documents/xlsform/activity-form.js';
import { writeXlsForm } from '../../documents/xlsform/xlsform-writer.js';
import { xlsFormProblems } from '../../documents/xlsform/xlsform-spec.js';
import { notFound } from '../../errors.js';
import { getFramework } from '../frameworks/frameworks.service.js';
import { placeIndex } from '../geography/geography.service.js';
import type { PlaceIndex } from '../../../core/geo/place-names.js';
import { optionalText, text } from '../programmes/programmes.presenter.js';
import { programmeFacts } from '../activities/activity-check.js';
import { indicatorValuesWithSources } from '../indicator-data/indicator-data.service.js';
import { valuesOfRecord } from '../indicator-data/values-of-record.js';
import { noValueOfRecord } from '../../../core/domain/value-of-record.js';
import { findProgrammeById, findProgrammeBySlug } from '../programmes/programmes.queries.js';
import { findExportPage, type ExportCursor, type ExportRow } from './spreadsheets.queries.js';
import { exportFinished, taskStart } from '../notifications/long-tasks.js';

export interface Workbook {
  bytes: Buffer;
  fileName: string;
}

const safe = (code: string) => code.replace(/[^A-Za-z0-9-]+/g, '-');

async function indicatorsOf(ctx: ServiceContext, slug: string) {
  const framework = await getFramework(ctx, slug).catch(() => null);
  if (!framework) return { outputs: [], indicators: [] };
  return {
    outputs: framework.outcomes.flatMap((o) => o.outputs),
    indicators: framework.outcomes.flatMap((o) => [
      ...o.indicators,
      ...o.outputs.flatMap((x) => x.indicators),
    ]),
  };
}

/** The template of a programme, in the reader's language. */
export async function activityTemplate(ctx: ServiceContext, slug: string, locale: Locale): Promise<Workbook> {
  const facts = await programmeFacts(ctx.db, slug);
  const programme = await findProgrammeById(ctx.db, facts.id);
  const { outputs, indicators } = await indicatorsOf(ctx, slug);
  const index = await placeIndex(ctx.db);
  const bytes = await writeActivityTemplate(
    {
      programme: {
        code: facts.code,
        title: { fr: programme!.titleFr, ...(programme!.titleEn ? { en: programme!.titleEn } : {}) },
      },
      recipients: facts.recipients.map((r) => ({
        code: r.code,
        acronym: localize({ fr: r.acronym, en: r.acronymEn }, locale),
      })),
      outputs: outputs.map((o) => ({ code: o.code, statement: localize(o.statement, locale) })),
      indicators: indicators.map((i) => ({ code: i.code, title: localize(i.title, locale) })),
      cercles: index.areas
        .filter((a) => a.level === 'cercle')
        .map((a) => a.name)
        .sort((a, b) => a.localeCompare(b, 'fr')),
    },
    locale,
  );
  return {
    bytes,
    fileName: `${safe(facts.code)}-${tIn(locale)('imports.activities.templateFileWord')}.xlsx`,
  };
}

/**
 * The programme's activity form as an XLSForm for KoboToolbox and ODK Central (docs/decisions/0018): its
 * agencies, outputs, indicators and the places of Mali as lists; the export of its submissions imports with
 * no mapping. A form the specification's rules refuse is a bug here, never a file handed to a team.
 */
export async function activityXlsForm(ctx: ServiceContext, slug: string): Promise<Workbook> {
  const facts = await programmeFacts(ctx.db, slug);
  const { outputs, indicators } = await indicatorsOf(ctx, slug);
  const index = await placeIndex(ctx.db);
  const form = activityForm({
    programme: { slug: facts.slug, code: facts.code, startDate: facts.startDate, endDate: facts.endDate },
    recipients: facts.recipients.map((r) => ({ code: r.code, label: r.acronym, labelEn: r.acronymEn })),
    outputs: outputs.map((o) => ({ code: o.code, statement: o.statement })),
    indicators: indicators.map((i) => ({ code: i.code, title: i.title })),
    areas: index.areas.map((a) => ({
      code: a.code,
      level: a.level,
      name: a.name,
      regionCode: a.regionCode,
      cercleCode: a.cercleCode,
    })),
    locale: ctx.locale,
  });
  const problems = xlsFormProblems(form);
  if (problems.length) throw new Error(`XLSForm of ${facts.code}: ${problems.slice(0, 5).join('; ')}`);
  return {
    bytes: await writeXlsForm(form),
    fileName: `${safe(facts.code)}-${tIn(ctx.locale)('xlsform.fileWord')}-${form.settings.version}.xlsx`,
  };
}

/**
 * Activities read per page of the export, by engine (tests make pages small to cross their edges). A page is
 * alive while it is written: 500 activities are written between two of V8's young-generation collections, so a
 * page dies young instead of being promoted to the old generation and left there as garbage until a full
 * collection (2,000 were: docs/performance.md, "The export's garbage"). On PGlite, one connection, every other
 * request's queries wait for the page's: 200 activities a page cut their wait by half or more, the export's
 * time up by 10–30 % (docs/performance.md, "The export's pages on PGlite").
 */
export const EXPORT_PAGES: Readonly<Record<Engine, number>> = { postgres: 500, pglite: 200 };
let exportPage: number | null = null;
/** A page size for every engine, or `null` for each engine's own (`EXPORT_PAGES`). */
export const configureExportPages = (n: number | null) => {
  exportPage = n;
};

/** A workbook written while it is sent. */
export interface WorkbookStream {
  stream: Readable;
  fileName: string;
}

/**
 * The activities matching the filters, a page at a time, in the export's order. Between pages the event loop
 * turns: other requests are answered, and their queries pass before the next page's (on PGlite, one
 * connection, a page is the longest anyone waits). Without a transaction around the pages (which would hold
 * PGlite's one connection for the whole export), an activity is read as its page finds it.
 */
async function* activityPages(
  ctx: ServiceContext,
  programmeId: string,
  query: Omit<ActivityListQuery, 'limit' | 'offset'>,
): AsyncGenerator<Iterable<ExportActivity>> {
  const index = await placeIndex(ctx.db);
  const size = exportPage ?? EXPORT_PAGES[engineOf(ctx.db)];
  let cursor: ExportCursor | null = null;
  for (;;) {
    const page = await findExportPage(ctx.db, programmeId, query, cursor, size);
    // said before the page is written: writing it empties it
    const last = page.length < size ? null : page[page.length - 1]!;
    if (page.length) yield exportActivities(page, index);
    if (!last) return;
    cursor = { startDate: last.startDate, id: last.id };
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * A page's rows as the writer takes them, each made when it is written and its row let go then: what the page
 * holds shrinks as it is written, and each activity's objects die young.
 */
export function* exportActivities(page: ExportRow[], index: PlaceIndex): Generator<ExportActivity> {
  for (let row = page.shift(); row; row = page.shift()) yield exportActivity(row, index);
}

/** A row of the export's page as the writer takes it: the names of its places as the list gives them. */
function exportActivity(r: ExportRow, index: PlaceIndex): ExportActivity {
  return {
    id: r.id,
    title: text(r.titleFr, r.titleEn),
    kind: r.kind,
    startDate: r.startDate,
    endDate: r.endDate,
    organisation: { code: r.orgCode, acronym: optionalText(r.acronymFr, r.acronymEn) },
    partner: r.partner,
    output: r.output,
    indicators: r.indicators ?? [],
    places: (r.places ?? []).map(([code, note]) => ({ name: index.byCode.get(code)?.name ?? code, note })),
    countBasis: r.countBasis,
    quantity: r.quantity,
    quantityUnit: r.quantityUnit,
    description: r.description,
    recordedBy: r.recordedBy,
    // [category, sex, age group, count] as the query gives them, in the vocabulary the database's enums hold
    participants: (r.participants ?? []) as unknown as ExportActivity['participants'],
  };
}

/**
 * The programme's activities matching the filters, and its indicators' values with their source: streamed,
 * in bounded memory whatever the number of activities. What can fail as a whole (no such programme) fails
 * before the first byte; a failure later ends the stream with its error.
 */
export async function activityExport(
  ctx: ServiceContext,
  slug: string,
  query: Omit<ActivityListQuery, 'limit' | 'offset'>,
  locale: Locale,
): Promise<WorkbookStream> {
  const start = taskStart();
  const programme = await findProgrammeBySlug(ctx.db, slug);
  if (!programme) throw notFound('Programme', slug);
  const { indicators } = await indicatorsOf(ctx, slug);
  const to = query.to ?? ctx.now().toISOString().slice(0, 10);
  // the period of the indicator page's default: the list's dates, else the year to `to`
  const period = { from: query.from ?? `${to.slice(0, 4)}-01-01`, to };
  // the one figure of each indicator for the period, as every other reader gives it
  const records = await valuesOfRecord(ctx.db, locale, programme.id, period, {
    indicatorIds: indicators.map((i) => i.id),
  });
  const rows = [];
  for (const indicator of indicators)
    rows.push({
      code: indicator.code,
      title: localize(indicator.title, locale),
      values: await indicatorValuesWithSources(ctx.db, indicator.id),
      record: records.get(indicator.code) ?? noValueOfRecord,
    });
  const fileName = `${safe(programme.code)}-${tIn(locale)('imports.activities.exportFileWord')}-${to}.xlsx`;
  const stream = new PassThrough();
  writeActivityExport(
    { programme: { code: programme.code }, indicators: rows },
    activityPages(ctx, programme.id, query),
    locale,
    stream,
  )
    .then(() =>
      exportFinished(ctx, start, {
        programmeId: programme.id,
        programme: programme.code,
        file: fileName,
        link: `/programmes/${slug}/activities`,
      }),
    )
    .catch((e: unknown) => {
      ctx.log?.error({ err: e }, `activities export of ${programme.code} failed`);
      stream.destroy(e as Error);
    });
  return { stream, fileName };
}
