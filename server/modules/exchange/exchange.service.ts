/**
 * Exchange: a programme out as IATI 2.03 XML or its framework as an Excel workbook; a file in (IATI XML from
 * any publisher, or a framework workbook) — what it would create and what could not be mapped (`planImport`),
 * and the writing of it (`writeImportPlan`), which the import pipeline's programme-file kind
 * (`server/modules/imports/kinds/programme-file.kind.ts`) runs in its one transaction.
 */
import { splitGivenDate } from '../../../core/domain/programme-dates.js';
import { sql } from 'drizzle-orm';
import {
  maxImportBytes,
  type ImportIssue,
  type ImportPreview,
  type ImportResult,
  type ImportTarget,
  type ImportedProgramme,
} from '../../../core/contracts/exchange.js';
import type { FrameworkVersion, ProgrammeDocument } from '../../../core/contracts/programme-document.js';
import { programmeSlugOf } from '../../../core/domain/programme-slug.js';
import { dictionary } from '../../../core/lib/safe-keys.js';
import { numericValueOf } from '../../../core/domain/value-text.js';
import { toStoredValue } from '../../../core/domain/stored-value.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { bytesOfBase64 } from '../../documents/base64-file.js';
import { t, tIn, type AnyMessageKey, type Params, type Say } from '../../../core/i18n/t.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { ImportRefused } from '../../documents/import-refused.js';
import type { MappedProgramme } from '../../documents/iati/iati-reader.js';
import { insertBudgetAmounts, insertBudgetLine } from '../finance/budget.queries.js';
import { organisationIdsByCode } from '../programme-documents/programme-documents.queries.js';
import type { IatiBudget } from '../../documents/iati/iati-writer.js';
import { createHash } from 'node:crypto';
import type { LocalizedText } from '../../../core/contracts/programme-document.js';
import { lastChangeOfProgramme } from '../audit/audit.queries.js';
import { AppError, notFound } from '../../errors.js';
import { frameworkToDocument } from '../frameworks/frameworks.presenter.js';
import { getFinanceOverview } from '../finance/delivery.service.js';
import { getFramework } from '../frameworks/frameworks.service.js';
import { exportProgrammeDocument } from '../programme-documents/programme-document.export.js';
import { insertFrameworkVersion } from '../frameworks/framework-version.insert.js';
import { importProgrammeDocument } from '../programme-documents/programme-document.import.js';
import { assertProgressFits } from '../programme-documents/progress-rules.js';
import { lockedError, valueDateLocks } from '../periods/period-locks.js';
import { findProgrammeBySlug } from '../programmes/programmes.queries.js';
import { valuesOfRecord } from '../indicator-data/values-of-record.js';
import { getProgramme } from '../programmes/programmes.service.js';
import { exportFinished, taskStart } from '../notifications/long-tasks.js';
import {
  allOrganisations,
  budgetByAgencyAndYear,
  existingProgrammeCodes,
  existingProgrammeSlugs,
  insertIndicatorValues,
  knownIatiActivities,
  listProgrammeSlugs,
  lastFrameworkVersion,
} from './exchange.queries.js';

const today = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

// The IATI readers, writers and schema check (xmlbuilder2, fast-xml-parser, xmllint-wasm: ≈ 200 modules) are
// loaded when a file is written or read, not at every start of the server (issue 20, item 4).
const iatiReader = () => import('../../documents/iati/iati-reader.js');
const iatiWriter = () => import('../../documents/iati/iati-writer.js');
const iatiSchema = () => import('../../documents/iati/iati-schema.js');
// and the framework workbook's (83 KB of sources that a start and most requests never need)
const frameworkReader = () => import('../../documents/xlsx/framework-reader.js');
const frameworkWriter = () => import('../../documents/xlsx/framework-writer.js');

// ---- export ----

/**
 * The results' actuals of the IATI file: for each year of the programme up to today, clipped to its dates, the
 * value of record of each indicator of the framework the file publishes — the figure the dashboard and the
 * indicator page give for that year (docs/decisions/0013), computed from the activities when nobody stored one
 * — over the dates it covers: a stored value its own period (the report's January–November), a computed one the
 * year. A year without one keeps the reason a stored "no value" of that year gives (`Pas de valeur — …`).
 */
async function actualsOfRecord(
  ctx: ServiceContext,
  programmeId: string,
  doc: ProgrammeDocument,
): Promise<ProgrammeDocument['progress']> {
  const { frameworkInForce } = await iatiWriter();
  const framework = frameworkInForce(doc.frameworks, today(ctx));
  if (!framework) return [];
  const start = doc.startDate ?? (doc.firstTransferDate && splitGivenDate(doc.firstTransferDate).date);
  const end = doc.revisedEndDate ?? doc.endDate;
  const first = Number((start ?? [...doc.progress.map((p) => p.periodStart), end].sort()[0]!).slice(0, 4));
  const last = Number((end < today(ctx) ? end : today(ctx)).slice(0, 4));
  const ofVersion = doc.progress.filter(
    (p) => (p.frameworkVersion ?? doc.frameworks.at(-1)?.version) === framework.version,
  );
  const actuals: ProgrammeDocument['progress'] = [];
  for (let year = first; year <= last; year++) {
    const from = start && start > `${year}-01-01` ? start : `${year}-01-01`;
    const to = end < `${year}-12-31` ? end : `${year}-12-31`;
    if (from > to) continue;
    const records = await valuesOfRecord(
      ctx.db,
      ctx.locale,
      programmeId,
      { from, to },
      {
        frameworkVersion: framework.version,
      },
    );
    for (const [indicator, record] of records) {
      const why = ofVersion.find(
        (p) =>
          p.indicator === indicator &&
          p.value === null &&
          p.reason &&
          p.periodEnd >= from &&
          p.periodEnd <= to,
      );
      if (record.provenance !== 'none' && record.value)
        actuals.push({
          indicator,
          frameworkVersion: framework.version,
          periodStart: record.from ?? from,
          periodEnd: record.date ?? to,
          value: record.value,
          ...(record.reason ? { reason: record.reason } : {}),
        });
      else if (why?.reason)
        actuals.push({
          indicator,
          frameworkVersion: framework.version,
          periodStart: why.periodStart,
          periodEnd: why.periodEnd,
          value: null,
          reason: why.reason,
        });
    }
  }
  return actuals;
}

/** The programme as an IATI 2.03 activity file, checked against the schema before it leaves. */
export async function exportProgrammeIati(
  ctx: ServiceContext,
  slug: string,
): Promise<{ xml: string; fileName: string; warnings: string[] }> {
  const start = taskStart();
  const { out, programme } = await iatiFileOf(ctx, slug);
  const fileName = `${slug}-iati.xml`;
  await exportFinished(ctx, start, {
    programmeId: programme.id,
    programme: programme.code,
    file: fileName,
    link: `/programmes/${slug}`,
  });
  return { xml: out.xml, fileName, warnings: out.warnings };
}

/** The file as published: the data's last change, a validator that changes exactly when the file does. */
export interface PublishedFile {
  xml: string;
  /** a strong ETag: the file's content without its `generated-datetime` */
  etag: string;
  lastModified: Date;
}

const published = (xml: string, lastModified: Date): PublishedFile => ({
  xml,
  etag: `"${createHash('sha256')
    .update(xml.replace(/ generated-datetime="[^"]*"/, ''))
    .digest('base64url')
    .slice(0, 32)}"`,
  lastModified,
});

/** When a programme's data last changed (its audit trail), else when it was created, else now. */
async function lastUpdateOf(ctx: ServiceContext, programmeId: string, createdAt?: Date | string | null) {
  return (await lastChangeOfProgramme(ctx.db, programmeId)) ?? (createdAt ? new Date(createdAt) : ctx.now());
}

/**
 * A programme's IATI activity file at its stable public address (`/iati/<slug>.xml`, for the IATI Registry):
 * made on request from the data, so it follows every change; `last-updated-datetime` and Last-Modified are the
 * data's last change, not the moment of the request. Public, as the programme and its export are.
 */
export async function publishedActivityFile(ctx: ServiceContext, slug: string): Promise<PublishedFile> {
  const row = await findProgrammeBySlug(ctx.db, slug);
  if (!row) throw notFound('Programme', slug);
  const lastUpdated = await lastUpdateOf(ctx, row.id, row.createdAt);
  const { out } = await iatiFileOf(ctx, slug, lastUpdated);
  return published(out.xml, lastUpdated);
}

/**
 * The IATI organisation file of an organisation that reports programmes' activity files
 * (`/iati/organisation/<ref>.xml`): 404 for a reference no programme is published under.
 */
export async function publishedOrganisationFile(ctx: ServiceContext, ref: string): Promise<PublishedFile> {
  let found: { ref: string; type: string; name: LocalizedText } | undefined;
  let lastUpdated: Date | undefined;
  const { activityPublisher, writeIatiOrganisation } = await iatiWriter();
  for (const p of await listProgrammeSlugs(ctx.db)) {
    const doc = await exportProgrammeDocument(ctx, p.slug);
    const publisher = activityPublisher(doc, await allOrganisations(ctx.db));
    if (publisher.placeholder || publisher.ref !== ref) continue;
    const { out } = await iatiFileOf(ctx, p.slug);
    found = out.reporting;
    const changed = await lastUpdateOf(ctx, p.id, p.createdAt);
    if (!lastUpdated || changed > lastUpdated) lastUpdated = changed;
  }
  if (!found || !lastUpdated) throw notFound('IATI organisation', ref);
  return published(writeIatiOrganisation(found, { now: ctx.now(), lastUpdated }), lastUpdated);
}

/** The programme's IATI file, written from its data and the finance module's figures, validated. */
async function iatiFileOf(ctx: ServiceContext, slug: string, lastUpdated?: Date) {
  const [doc, programme, finance] = await Promise.all([
    exportProgrammeDocument(ctx, slug),
    getProgramme(ctx, slug),
    getFinanceOverview(ctx, slug),
  ]);
  // the expenditure Jalon records (the finance tabs' "spent"), by year: never amounts derived from the rates
  const expenditure = finance.byYear
    .filter((y) => y.spent > 0)
    .map((y) => ({
      date: `${y.year}-12-31` < finance.asOf ? `${y.year}-12-31` : finance.asOf,
      amount: y.spent,
    }));
  // the budget of record (budget lines, else the stated amounts): the figures of every other page
  const budget: IatiBudget | undefined =
    programme.budget.source === 'none'
      ? undefined
      : {
          total: programme.budget.total,
          unattributed: programme.budget.unattributed,
          byAgency: Object.fromEntries(programme.budget.byAgency.map((a) => [a.organisation.code, a.amount])),
          byAgencyYear: yearlyBudgets(await budgetByAgencyAndYear(ctx.db, programme.id)),
        };
  // the co-funding projects' activities are named by the identifier their own export gives them
  const cofunding = dictionary<string>(); // by programme code: no prototype to reach
  const { activityPublisher, writeIatiActivities } = await iatiWriter();
  for (const c of doc.cofundingProjects) {
    const project = await exportProgrammeDocument(ctx, programmeSlugOf(c.code));
    cofunding[c.code] = activityPublisher(project).identifier;
  }
  // the actuals are the values of record of each year, not the stored values at their own periods
  const progress = await actualsOfRecord(ctx, programme.id, doc);
  const out = writeIatiActivities(
    { ...doc, progress },
    {
      now: ctx.now(),
      locale: ctx.locale,
      cofunding,
      budget,
      expenditure,
      ...(lastUpdated ? { lastUpdated } : {}),
    },
  );
  const validation = await (await iatiSchema()).validateIatiActivities(out.xml);
  if (!validation.valid) {
    ctx.log?.error({ slug, errors: validation.errors.slice(0, 20) }, 'IATI export does not validate');
    throw new AppError(
      'internal',
      'The IATI file Jalon wrote does not validate against the IATI 2.03 schema',
    );
  }
  return { out, programme };
}

/** Budget lines by agency and year, as the writer takes them (one list of years per agency code). */
function yearlyBudgets(rows: { agency: string; year: number; amount: number }[]) {
  const out: Record<string, { year: number; amount: number }[]> = dictionary();
  for (const r of rows) (out[r.agency] ??= []).push({ year: r.year, amount: r.amount });
  return out;
}

/** A framework version (the one in force unless asked) as an Excel workbook in the Fund's layout. */
export async function exportFrameworkWorkbook(
  ctx: ServiceContext,
  slug: string,
  version?: number,
): Promise<{ bytes: Buffer; fileName: string }> {
  const start = taskStart();
  const framework = await getFramework(ctx, slug, version);
  const p = await getProgramme(ctx, slug);
  const { writeFrameworkWorkbook } = await frameworkWriter();
  const bytes = await writeFrameworkWorkbook({
    programme: {
      code: p.code,
      title: p.title,
      kind: p.kind,
      country: p.country,
      currency: p.currency,
      endDate: p.revisedEndDate ?? p.endDate,
      ...((p.startDate ?? p.firstTransferDate)
        ? { startDate: p.startDate ?? splitGivenDate(p.firstTransferDate!).date }
        : {}),
    },
    framework: frameworkToDocument(framework),
    locale: ctx.locale,
  });
  const word = t(ctx.locale, 'imports.programmeFile.frameworkFileWord');
  const fileName = `${slug}-${word}-v${framework.version}.xlsx`;
  await exportFinished(ctx, start, {
    programmeId: p.id,
    programme: p.code,
    file: fileName,
    link: `/programmes/${slug}`,
  });
  return { bytes, fileName };
}

// ---- import ----

interface PlannedProgramme {
  summary: ImportedProgramme;
  /** a new programme (with its framework and values) */
  doc?: ProgrammeDocument;
  /** and its budget lines by year, as an IATI file published them (one year each) */
  budgetLines?: MappedProgramme['budgetLines'];
  /** or a new framework version of an existing programme, with the values read for it */
  version?: { programmeId: string; framework: FrameworkVersion; progress: ProgrammeDocument['progress'] };
}

/** What a file would create, and the programmes (or version) to write: what the programme-file kind commits. */
export interface ImportPlan {
  preview: ImportPreview;
  programmes: PlannedProgramme[];
}

const counts = (fw: Pick<FrameworkVersion, 'outcomes'> | undefined) => ({
  outcomes: fw?.outcomes.length ?? 0,
  outputs: fw?.outcomes.reduce((s, o) => s + o.outputs.length, 0) ?? 0,
  indicators:
    fw?.outcomes.reduce(
      (s, o) => s + o.indicators.length + o.outputs.reduce((t, x) => t + x.indicators.length, 0),
      0,
    ) ?? 0,
  activities:
    fw?.outcomes.reduce((s, o) => s + o.outputs.reduce((t, x) => t + x.activities.length, 0), 0) ?? 0,
});

/** A label the programme keeps in both languages (its data, as the reader writes it): `{ fr, en }`. */
const bothLanguages = (key: AnyMessageKey, params?: Params) => ({
  fr: t('fr', key, params),
  en: t('en', key, params),
});

/** What the bytes are: an .xlsx (a ZIP, or an old .xls the reader explains), IATI XML, or neither. */
function detectFormat(bytes: Uint8Array, say: Say): 'iati' | 'xlsx' {
  if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) return 'xlsx';
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'iati';
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i]!)) i++;
  if (bytes[i] === 0x3c) return 'iati';
  throw new ImportRefused(say('imports.programmeFile.neitherIatiNorExcel'));
}

/** The bytes of a base64 file of the historical routes, refused when empty or over 8 MiB. */
export function decodeContent(ctx: ServiceContext, content: string): Buffer {
  const say = tIn(ctx.locale);
  const bytes = bytesOfBase64(content);
  if (bytes.length === 0) refusal(new ImportRefused(say('imports.fileEmpty')));
  if (bytes.length > maxImportBytes)
    refusal(
      new ImportRefused(say('imports.programmeFile.tooLarge', { megabytes: maxImportBytes / 1024 / 1024 })),
    );
  return bytes;
}

/**
 * Reads a file (IATI XML or a framework workbook) and works out what it would create in `target`; writes
 * nothing. A file refused as a whole is a 400 naming it.
 */
export async function planImport(
  ctx: ServiceContext,
  input: { fileName: string; bytes: Uint8Array; target: ImportTarget },
): Promise<ImportPlan> {
  try {
    return await planFile(ctx, input);
  } catch (error) {
    refusal(error);
  }
}

async function planFile(
  ctx: ServiceContext,
  input: { fileName: string; bytes: Uint8Array; target: ImportTarget },
): Promise<ImportPlan> {
  const request = { fileName: input.fileName };
  const say = tIn(ctx.locale);
  const target: ImportTarget = input.target;
  let existing: Awaited<ReturnType<typeof findProgrammeBySlug>>;
  if (target.kind === 'new_version') {
    existing = await findProgrammeBySlug(ctx.db, target.programme);
    if (!existing) throw notFound('Programme', target.programme);
  }
  const bytes = input.bytes;
  const format = detectFormat(bytes, say);
  const issues: ImportIssue[] = [];
  const error = (where: string, message: string) => issues.push({ severity: 'error', where, message });
  const programmes: PlannedProgramme[] = [];
  let detail: string | null = null;
  let elements: ImportPreview['elements'];

  /** a new framework version of the target programme from what the file holds */
  const asNewVersion = async (
    framework: Pick<FrameworkVersion, 'outcomes' | 'alignments'>,
    progress: ProgrammeDocument['progress'],
    source: string,
    recipients: string[],
    donors: string[],
    places: number,
  ) => {
    if (target.kind !== 'new_version' || !existing) return;
    const next = (await lastFrameworkVersion(ctx.db, existing.id)) + 1;
    const fv: FrameworkVersion = {
      version: next,
      label: target.label,
      effectiveDate: target.effectiveDate,
      reason: target.reason,
      outcomes: framework.outcomes,
      alignments: framework.alignments,
    };
    programmes.push({
      summary: {
        source,
        code: existing.code,
        title: existing.titleEn ? { fr: existing.titleFr, en: existing.titleEn } : { fr: existing.titleFr },
        kind: existing.kind,
        action: 'new_version',
        slug: existing.slug,
        exists: true,
        frameworkVersion: { version: next, label: target.label, ...counts(fv) },
        values: progress.length,
        recipients,
        donors,
        places,
      },
      version: { programmeId: existing.id, framework: fv, progress },
    });
  };

  if (format === 'iati') {
    const { readIatiActivities } = await iatiReader();
    const read = readIatiActivities(bytes, {
      locale: ctx.locale,
      fileName: request.fileName,
      today: today(ctx),
      catalogue: await allOrganisations(ctx.db),
      knownActivities: await knownIatiActivities(ctx.db),
    });
    detail = read.version ? `IATI ${read.version}` : 'IATI';
    elements = read.elements;
    issues.push(...read.issues);
    if (target.kind === 'new_version') {
      const withResults = read.programmes.filter((p) => p.doc.frameworks.length);
      if (read.programmes.length !== 1)
        error(
          say('imports.programmeFile.file'),
          say('imports.programmeFile.severalProgrammes', { count: read.programmes.length }),
        );
      else if (withResults.length === 0)
        error(say('imports.programmeFile.file'), say('imports.programmeFile.noResults'));
      else {
        const p = withResults[0]!;
        issues.push({
          severity: 'note',
          where: p.source,
          message: say('imports.programmeFile.onlyTheFramework', { code: existing!.code }),
        });
        await asNewVersion(
          p.doc.frameworks[0]!,
          p.doc.progress,
          p.source,
          p.doc.recipients.map((r) => r.organisation),
          p.doc.donors.map((d) => d.organisation),
          p.doc.places.length,
        );
      }
    } else {
      const taken = await existingProgrammeCodes(
        ctx.db,
        read.programmes.map((p) => p.doc.code),
      );
      const takenSlugs = await existingProgrammeSlugs(
        ctx.db,
        read.programmes.map((p) => programmeSlugOf(p.doc.code)),
      );
      const slugsInFile = new Set<string>();
      for (const p of read.programmes) {
        const slug = programmeSlugOf(p.doc.code);
        const exists = taken.has(p.doc.code) || takenSlugs.has(slug);
        if (slugsInFile.has(slug)) error(p.source, say('imports.programmeFile.sameAddress', { slug }));
        slugsInFile.add(slug);
        if (exists) error(p.source, say('imports.programmeFile.codeTakenByFile', { code: p.doc.code }));
        programmes.push({
          summary: {
            source: p.source,
            code: p.doc.code,
            title: p.doc.title,
            kind: p.doc.kind,
            action: 'create',
            slug,
            exists,
            frameworkVersion: p.doc.frameworks[0]
              ? { version: 1, label: p.doc.frameworks[0].label, ...counts(p.doc.frameworks[0]) }
              : null,
            values: p.doc.progress.length,
            recipients: p.doc.recipients.map((r) => r.organisation),
            donors: p.doc.donors.map((d) => d.organisation),
            places: p.doc.places.length,
          },
          doc: p.doc,
          budgetLines: p.budgetLines,
        });
      }
    }
  } else {
    const { readFrameworkWorkbook } = await frameworkReader();
    const read = await readFrameworkWorkbook(bytes, ctx.locale);
    detail = read.sheet;
    issues.push(...read.issues);
    if (read.framework && target.kind === 'new_version') {
      await asNewVersion(read.framework, [], request.fileName, [], [], 0);
    } else if (read.framework) {
      const p = read.programme;
      const where = say('imports.programmeFile.programmeSheet');
      if (!p.code) error(where, say('imports.programmeFile.codeMissing'));
      if (!p.title) error(where, say('imports.programmeFile.titleMissing'));
      if (!p.endDate) error(where, say('imports.programmeFile.endDateMissing'));
      if (p.code && p.title && p.endDate) {
        const draft = {
          code: p.code,
          kind: p.kind ?? 'project',
          title: p.title,
          country: p.country ?? 'ML',
          trustFund: { kind: 'none' },
          ...(p.startDate ? { startDate: p.startDate } : {}),
          endDate: p.endDate,
          currency: p.currency ?? 'USD',
          frameworks: [
            {
              version: 1,
              label: p.label ?? bothLanguages('imports.programmeFile.importedFromExcel'),
              effectiveDate: p.effectiveDate ?? p.startDate ?? today(ctx),
              reason:
                p.reason ??
                bothLanguages('imports.programmeFile.importOfWorkbook', { fileName: request.fileName }),
              outcomes: read.framework.outcomes,
              alignments: read.framework.alignments,
            },
          ],
        };
        const parsed = (await iatiReader()).importableProgrammeDocument.safeParse(draft);
        if (!parsed.success) {
          for (const i of parsed.error.issues) error(`${where} › ${i.path.join('.')}`, i.message);
        } else {
          const doc = parsed.data as ProgrammeDocument;
          const slug = programmeSlugOf(doc.code);
          const exists =
            (await existingProgrammeCodes(ctx.db, [doc.code])).size > 0 ||
            (await existingProgrammeSlugs(ctx.db, [slug])).size > 0;
          if (exists) error(where, say('imports.programmeFile.codeTakenByWorkbook', { code: doc.code }));
          programmes.push({
            summary: {
              source: request.fileName,
              code: doc.code,
              title: doc.title,
              kind: doc.kind,
              action: 'create',
              slug,
              exists,
              frameworkVersion: { version: 1, label: doc.frameworks[0]!.label, ...counts(doc.frameworks[0]) },
              values: 0,
              recipients: [],
              donors: [],
              places: 0,
            },
            doc,
          });
        }
      }
    }
  }
  const ordered = [
    ...issues.filter((i) => i.severity === 'error'),
    ...issues.filter((i) => i.severity === 'unmapped'),
    ...issues.filter((i) => i.severity === 'note'),
  ];
  const canImport = programmes.length > 0 && !ordered.some((i) => i.severity === 'error');
  return {
    preview: {
      format,
      fileName: request.fileName,
      detail,
      programmes: programmes.map((p) => p.summary),
      issues: ordered,
      ...(elements ? { elements } : {}),
      canImport,
    },
    programmes,
  };
}

/** A file refused as a whole becomes a 400 naming the file. */
function refusal(error: unknown): never {
  if (error instanceof ImportRefused)
    throw new AppError('validation_failed', error.message, {
      issues: [{ path: 'body.content', message: error.message }],
    });
  throw error;
}

/**
 * Writes a planned import in the caller's transaction (the import pipeline's, which refused a plan with errors):
 * new programmes with their framework and values, or a new framework version (numbered after the latest); a
 * refusal's issues in `locale`, the reader's.
 */
export async function writeImportPlan(
  tx: DbOrTx,
  plan: ImportPlan,
  locale: Locale,
): Promise<ImportResult['created']> {
  const out: ImportResult['created'] = [];
  for (const p of plan.programmes) {
    if (p.doc) {
      const { slug } = await importProgrammeDocument(tx, p.doc, { provenance: 'imported', locale });
      // budget lines are in US dollars
      if (p.budgetLines?.length && p.doc.currency === 'USD')
        await writeYearlyBudgets(tx, slug, p.budgetLines, locale);
      out.push({ slug, code: p.doc.code, frameworkVersion: p.doc.frameworks.length ? 1 : null });
    } else if (p.version) {
      const { programmeId, framework, progress } = p.version;
      // serialise revisions of one programme, as createFrameworkVersion does, and number after the latest
      await tx.execute(sql`select id from programmes where id = ${programmeId} for update`);
      const version = (await lastFrameworkVersion(tx, programmeId)) + 1;
      const ids = await insertFrameworkVersion(tx, programmeId, { ...framework, version }, locale);
      const rows = progress.flatMap((v, i) => {
        const indicatorId = ids.get(v.indicator);
        if (!indicatorId) return [];
        const value = v.value === null ? null : toStoredValue(v.value);
        const row = {
          indicatorId,
          periodStart: v.periodStart,
          periodEnd: v.periodEnd,
          value,
          numericValue: value ? numericValueOf(value.spec) : null,
          reason: v.reason ?? null,
          provenance: 'imported' as const,
        };
        return [{ row, code: v.indicator, path: `progress.${i}` }];
      });
      // the rules of every value write: fit, one per period, and no value in a locked period of the programme
      await assertProgressFits(tx, rows, locale);
      const locks = await valueDateLocks(
        tx,
        programmeId,
        rows.map((r) => r.row.periodEnd),
        locale,
      );
      const locked = rows.find((r) => locks.has(r.row.periodEnd));
      if (locked) throw lockedError(locks.get(locked.row.periodEnd)!, `${locked.path}.periodEnd`);
      await insertIndicatorValues(
        tx,
        rows.map((r) => r.row),
      );
      out.push({ slug: p.summary.slug, code: p.summary.code, frameworkVersion: version });
    }
  }
  return out;
}

/**
 * The yearly budgets an IATI file published (one year each) as the programme's budget lines, one per
 * organisation (none: the programme's own), so the budget of record and a new export publish the same years.
 */
async function writeYearlyBudgets(
  tx: DbOrTx,
  slug: string,
  lines: MappedProgramme['budgetLines'],
  locale: Locale,
): Promise<void> {
  const programme = await findProgrammeBySlug(tx, slug);
  if (!programme) return;
  const ids = await organisationIdsByCode(
    tx,
    lines.flatMap((l) => (l.organisation ? [l.organisation] : [])),
  );
  let sort = 0;
  for (const l of lines) {
    sort += 1;
    const line = await insertBudgetLine(tx, {
      programmeId: programme.id,
      code: `IATI-${sort}`,
      kind: 'activity',
      labelFr: t('fr', 'imports.programmeFile.iatiBudgetLine', { organisation: l.organisation ?? '—' }),
      labelEn: t('en', 'imports.programmeFile.iatiBudgetLine', { organisation: l.organisation ?? '—' }),
      agencyId: l.organisation ? (ids.get(l.organisation) ?? null) : null,
      source: t(locale, 'imports.programmeFile.iatiBudgetSource'),
      sort,
    });
    await insertBudgetAmounts(
      tx,
      l.amounts.map((a) => ({ budgetLineId: line!.id, year: a.year, amountUsd: a.amount })),
    );
  }
}
