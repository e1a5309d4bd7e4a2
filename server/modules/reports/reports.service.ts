import type {
  FieldValue,
  ReportContent,
  ReportDetail,
  ReportDocumentInput,
  ReportModel,
  ReportAction,
  ReportPatch,
  ReportSummary,
} from '../../../core/contracts/report.js';
import { reportContent, reportDocument } from '../../../core/contracts/report.js';
import type { ReportTemplate, ReportType } from '../../../core/contracts/report-template.js';
import type { ValueOfRecord } from '../../../core/contracts/indicator-data.js';
import { localize, type Locale } from '../../../core/i18n/locale.js';
import { tIn } from '../../../core/i18n/t.js';
import {
  assembleReport,
  prefillIndicators,
  reportPeriod,
  withRowSources,
} from '../../../core/reports/assemble.js';
import { checkReport } from '../../../core/reports/checks.js';
import { mergeChanges, parseContentPath, type ContentPath } from '../../../core/reports/content-paths.js';
import { withLanguages } from '../../../core/reports/languages.js';
import {
  originalAt,
  stampTranslations,
  unstampedTranslations,
} from '../../../core/reports/translation-stamps.js';
import { findTemplate, templateFor } from '../../../core/reports/templates/index.js';
import { programmeSlugOf } from '../../../core/domain/programme-slug.js';
import { dictionary } from '../../../core/lib/safe-keys.js';
import type { DbOrTx } from '../../db/client.js';
import { actorOf, personOf, type ServiceContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { frozenQuarterlyReport } from './quarterly/quarterly-report.service.js';
import { getFramework } from '../frameworks/frameworks.service.js';
import { valuesOfRecord } from '../indicator-data/values-of-record.js';
import { reportFinanceFigures } from '../finance/delivery.service.js';
import { inForceVersion } from '../programmes/programmes.presenter.js';
import { findProgrammeBySlug, frameworkVersionsOf } from '../programmes/programmes.queries.js';
import { getProgramme } from '../programmes/programmes.service.js';
import { unknownPlace, validateValue } from './report-values.js';
import { closedLock, lockedError, reportLocks } from '../periods/period-locks.js';
import { closedPeriodsCovering } from '../periods/closed-periods.queries.js';
import { findReportForUpdate, insertReportRevision, type ReportRow } from './report-workflow.queries.js';
import {
  deleteDraftReport,
  findReportIdBySlugTypeYear,
  findReportsOfProgramme,
  findReportWithProgramme,
  findRevisionContent,
  findRevisionsOfReport,
  hasOpenComment,
  insertReportIfNew,
  setFrozenModel,
  setReportContent,
  setReportStatus,
  type NewReportRow,
} from './reports.queries.js';
import {
  assertMayWritePlaces,
  attributionsOf,
  commentsOf,
  inheritAttributions,
  partsOf,
  permissionsOf,
  recipientsOf,
  writableUnits,
} from './report-workflow.service.js';
import { can, mayReadReportIn } from '../auth/policy.js';
import { completionOf } from '../../../core/reports/attributions.js';
import { notifyTransition, sendBackBody } from './report-notifications.js';

const templateOf = (row: Pick<ReportRow, 'templateId' | 'templateVersion'>): ReportTemplate => {
  const template = findTemplate(row.templateId, row.templateVersion);
  if (!template) throw new Error(`Unknown report template ${row.templateId} ${row.templateVersion}`);
  return template;
};

function presentSummary(row: ReportRow, programme: { slug: string; code: string }): ReportSummary {
  return {
    id: row.id,
    programme,
    type: row.type,
    year: row.year,
    template: { id: row.templateId, version: row.templateVersion },
    status: row.status,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function reportRow(db: DbOrTx, id: string) {
  const row = await findReportWithProgramme(db, id);
  if (!row) throw notFound('Report', id);
  return row;
}

/** The values of record by indicator code, in an object without a prototype (codes come from outside). */
function byCode(records: Map<string, ValueOfRecord>) {
  const out = dictionary<ValueOfRecord>();
  for (const [code, record] of records) out[code] = record;
  return out;
}

/** The report assembled with the programme's data as it is now (or as it was frozen at approval). */
async function modelOf(ctx: ServiceContext, row: ReportRow, slug: string): Promise<ReportModel> {
  if (row.frozenModel) {
    const frozen = withRowSources(row.frozenModel);
    return { ...frozen, content: withLanguages(frozen.content) };
  }
  const [programme, framework, records] = await Promise.all([
    getProgramme(ctx, slug),
    row.frameworkVersion
      ? getFramework(ctx, slug, row.frameworkVersion).catch(() => null)
      : Promise.resolve(null),
    // Part V follows the data while the report is a draft: each row not written shows the value of record
    row.frameworkVersion
      ? valuesOfRecord(
          ctx.db,
          ctx.locale,
          row.programmeId,
          { from: row.periodStart, to: row.periodEnd },
          { frameworkVersion: row.frameworkVersion },
        )
      : Promise.resolve(new Map<string, ValueOfRecord>()),
  ]);
  return assembleReport({
    records: byCode(records),
    programme,
    framework,
    template: templateOf(row),
    type: row.type,
    year: row.year,
    content: withLanguages(row.content),
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
  });
}

/** Every report of a programme the reader may read (a donor: no drafts), latest first. */
export async function listReports(ctx: ServiceContext, slug: string): Promise<ReportSummary[]> {
  const p = await findProgrammeBySlug(ctx.db, slug);
  if (!p) throw notFound('Programme', slug);
  const rows = await findReportsOfProgramme(ctx.db, p.id);
  return rows
    .filter((r) => mayReadReportIn(ctx.actor, p.id, r.status))
    .map((r) => presentSummary(r, { slug: p.slug, code: p.code }));
}

/** A draft is shown to those who read the drafting only (docs/decisions/0016): to the others, a sentence. */
function assertVisible(ctx: ServiceContext, report: Pick<ReportRow, 'programmeId' | 'status'>) {
  if (mayReadReportIn(ctx.actor, report.programmeId, report.status)) return;
  const sentence = tIn(ctx.locale)('reportRules.workflow.draftNotShared');
  throw new AppError('forbidden', 'A draft is read by its writers and reviewers only', {
    detail: sentence,
    issues: [{ path: 'params.id', message: sentence }],
  });
}

/** The history a reader sees: every version for those who read the drafting, the submissions and acceptances for the others. */
const sharedEvents = new Set(['submitted', 'approved']);

const sectionIndex = (row: ReportRow, section: string) =>
  templateOf(row).sections.findIndex((s) => s.id === section);

/**
 * One report with its assembled model, its checks, its history, every agency's part, the comments, its locks
 * and what the reader may do.
 */
export async function getReport(ctx: ServiceContext, id: string): Promise<ReportDetail> {
  const { report, slug, code } = await reportRow(ctx.db, id);
  assertVisible(ctx, report);
  const drafting = can(ctx.actor, 'programme.drafts', report.programmeId);
  const [model, revisions, parts, recipients, comments, locks, attributions] = await Promise.all([
    modelOf(ctx, report, slug),
    findRevisionsOfReport(ctx.db, id),
    partsOf(ctx.db, report),
    recipientsOf(ctx.db, report.programmeId),
    drafting ? commentsOf(ctx.db, id) : Promise.resolve([]),
    reportLocks(ctx.db, report, ctx.locale),
    attributionsOf(ctx.db, id),
  ]);
  const template = templateOf(report);
  return {
    ...presentSummary(report, { slug, code }),
    model,
    checks: checkReport(model, template),
    frozen: report.frozenModel !== null,
    history: revisions
      .filter((r) => drafting || sharedEvents.has(r.event))
      .map((r) => ({ ...r, reason: drafting ? r.reason : null, at: r.at.toISOString() })),
    parts,
    // in the order of the sections, then of writing
    comments: comments.sort(
      (a, b) => sectionIndex(report, a.section) - sectionIndex(report, b.section) || a.at.localeCompare(b.at),
    ),
    locks,
    attributions,
    completion: completionOf(template, model, attributions),
    can: permissionsOf(ctx, report, locks, recipients, attributions),
  };
}

/** The report's model only (for the documents). */
export async function getReportModel(
  ctx: ServiceContext,
  id: string,
): Promise<{ model: ReportModel; template: ReportTemplate; programmeId: string }> {
  const { report, slug } = await reportRow(ctx.db, id);
  assertVisible(ctx, report);
  return {
    model: await modelOf(ctx, report, slug),
    template: templateOf(report),
    programmeId: report.programmeId,
  };
}

/** The report of a programme for a type and year, by the codes the documents use. */
export async function findReportId(
  ctx: ServiceContext,
  programmeCode: string,
  type: ReportType,
  year: number,
): Promise<string> {
  const slug = programmeSlugOf(programmeCode);
  const id = await findReportIdBySlugTypeYear(ctx.db, slug, type, year);
  if (!id) throw notFound('Report', `${programmeCode} ${type} ${year}`);
  return id;
}

async function insertReport(
  tx: DbOrTx,
  locale: Locale,
  values: NewReportRow,
  event: 'created' | 'imported',
  actor: { id: string | null; name: string | null } = { id: null, name: null },
): Promise<string> {
  const id = await insertReportIfNew(tx, values);
  if (!id) {
    const say = tIn(locale);
    throw new AppError('conflict', `There is already a ${values.type} report for ${values.year}`, {
      issues: [{ path: 'body.type', message: 'a report of this type already exists for this period' }],
      detail: say('reportRules.conflicts.reportExists', {
        report: say(`reports.name.${values.type}`, { year: values.year }),
      }),
    });
  }
  await insertReportRevision(tx, {
    reportId: id,
    version: 1,
    status: values.status ?? 'draft',
    event,
    content: values.content,
    actorId: actor.id,
    actorName: actor.name,
  });
  return id;
}

/**
 * Creates the report of a programme for a type and year, pre-filled from the data: the template version of
 * that year, the period from the template's rule, the framework version in force at the period's end, the
 * Part V table from that framework and the period's values, the implementation rate and gender budget spent
 * computed from the expenditure recorded by the period's end (else the latest financial snapshot of the period),
 * and the catalytic funding obtained by then.
 */
export async function createReport(
  ctx: ServiceContext,
  slug: string,
  input: { type: ReportType; year: number },
): Promise<ReportDetail> {
  const programme = await getProgramme(ctx, slug);
  const template = templateFor(input.type, input.year);
  if (!template) {
    throw new AppError('validation_failed', 'No template for this report type and year', {
      issues: [{ path: 'body.type', message: `no report template for ${input.type} ${input.year}` }],
    });
  }
  const period = reportPeriod(template, input.type, input.year, programme);
  const [closed] = await closedPeriodsCovering(ctx.db, programme.id, period.start, period.end);
  if (closed) throw lockedError(closedLock(closed, ctx.locale), 'body.year');
  const versions = await frameworkVersionsOf(ctx.db, programme.id);
  const version = inForceVersion(versions, period.end)?.version;
  const framework = version ? await getFramework(ctx, slug, version) : null;
  const content: ReportContent = reportContent.parse({});
  if (framework) content.indicators = prefillIndicators(framework);
  const snapshot = programme.financialSnapshots.filter((s) => s.asOf <= period.end).at(-1);
  // figures computed from the recorded expenditure and catalytic funding win over a reported snapshot
  const finance = await reportFinanceFigures(ctx.db, programme.id, period.end);
  const implementationRate = finance.implementationRate ?? snapshot?.implementationRate;
  const genderBudgetSpent = finance.genderBudgetSpent ?? snapshot?.genderBudgetSpent;
  for (const field of template.sections.flatMap((s) => s.fields)) {
    if (field.prefill === 'implementation_rate' && implementationRate != null)
      content.fields[field.id] = implementationRate;
    if (field.prefill === 'gender_budget_spent' && genderBudgetSpent != null)
      content.fields[field.id] = genderBudgetSpent;
    if (field.type === 'donor_amounts' && finance.catalyticFunding.length)
      content.fields[field.id] = { rows: finance.catalyticFunding };
  }
  const id = await ctx.db.transaction(async (tx) => {
    const created = await insertReport(
      tx,
      ctx.locale,
      {
        programmeId: programme.id,
        templateId: template.id,
        templateVersion: template.version,
        type: input.type,
        year: input.year,
        periodStart: period.start,
        periodEnd: period.end,
        frameworkVersion: version ?? null,
        content,
      },
      'created',
      actorOf(ctx),
    );
    // the agencies write the same sections as in the last report of this template
    await inheritAttributions(tx, { id: created, programmeId: programme.id, templateId: template.id });
    return created;
  });
  return getReport(ctx, id);
}

/** Writes a whole report (the seeds' reports, an import) as it is, approved ones frozen as they were. */
export async function importReport(ctx: ServiceContext, input: ReportDocumentInput): Promise<string> {
  const doc = reportDocument.parse(input);
  const slug = programmeSlugOf(doc.programme);
  const programme = await getProgramme(ctx, slug);
  const template = findTemplate(doc.template.id, doc.template.version);
  if (!template)
    throw new AppError('validation_failed', `Unknown template ${doc.template.id} ${doc.template.version}`);
  const period = reportPeriod(template, doc.type, doc.year, programme);
  const values = {
    programmeId: programme.id,
    templateId: template.id,
    templateVersion: template.version,
    type: doc.type,
    year: doc.year,
    periodStart: period.start,
    periodEnd: period.end,
    frameworkVersion: doc.frameworkVersion ?? null,
    status: doc.status,
    // a translation brought without its fingerprint is taken as made from the original it comes with; a Part
    // V cell left to its value of record has no original in the file and keeps none (it counts as current)
    content: stampTranslations(doc.content, unstampedTranslations(doc.content), (place) =>
      originalAt(template, doc.content, place),
    ),
  };
  const id = await ctx.db.transaction((tx) => insertReport(tx, ctx.locale, values, 'imported'));
  if (doc.status === 'approved') {
    const { model } = await getReportModel(ctx, id);
    await setFrozenModel(ctx.db, id, model);
  }
  return id;
}

function parseChanges(template: ReportTemplate, patch: ReportPatch) {
  const issues: { path: string; message: string }[] = [];
  const parsed: { path: ContentPath; raw: string; value: FieldValue }[] = [];
  patch.changes.forEach((change, i) => {
    const path = parseContentPath(change.path);
    const wrongPlace = path ? unknownPlace(template, path) : `not a place in the report: ${change.path}`;
    if (!path || wrongPlace) {
      issues.push({ path: `body.changes.${i}.path`, message: wrongPlace ?? 'invalid path' });
      return;
    }
    const problem = validateValue(template, path, change.value);
    if (problem) {
      issues.push({ path: `body.changes.${i}.value`, message: problem });
      return;
    }
    parsed.push({ path, raw: change.path, value: change.value });
  });
  if (issues.length) throw new AppError('validation_failed', 'Invalid changes', { issues });
  return parsed;
}

/**
 * Saves a writer's changes. From an older version, changes to places nobody else touched are merged in;
 * a place changed by both is refused with 409, both values, and the current report — nothing is overwritten.
 */
export async function updateReport(
  ctx: ServiceContext,
  id: string,
  patch: ReportPatch,
): Promise<ReportDetail> {
  const { report, slug } = await reportRow(ctx.db, id);
  const template = templateOf(report);
  const changes = parseChanges(template, patch);
  // each translation written (or confirmed) is stamped with the original it now translates; a Part V cell
  // nobody wrote translates the value of record it shows, which only the assembled report knows
  const translated = changes.flatMap((c) =>
    c.path.kind === 'translation' ? [{ language: c.path.language, place: c.path.place }] : [],
  );
  const model = changes.some((c) => c.path.kind === 'translation' && c.path.of.kind === 'indicator')
    ? await modelOf(ctx, report, slug)
    : undefined;
  const conflicts = await ctx.db.transaction(async (tx) => {
    const current = await findReportForUpdate(tx, id);
    if (!current) throw notFound('Report', id);
    const [lock] = await reportLocks(tx, current, ctx.locale);
    if (lock) throw lockedError(lock, 'body.changes');
    // a focal point writes the sections given to their agency; what nobody is given is the coordinator's
    const [attributions, recipients] = await Promise.all([
      attributionsOf(tx, id),
      recipientsOf(tx, current.programmeId),
    ]);
    assertMayWritePlaces(
      ctx,
      template,
      writableUnits(ctx.actor, current.programmeId, attributions, recipients),
      attributions,
      changes,
    );
    if (patch.version > current.version) {
      throw new AppError('validation_failed', 'Unknown version', {
        issues: [{ path: 'body.version', message: `the report is at version ${current.version}` }],
      });
    }
    let base = withLanguages(current.content);
    if (patch.version < current.version) {
      const revision = await findRevisionContent(tx, id, patch.version);
      if (!revision)
        throw new AppError('validation_failed', 'Unknown version', {
          issues: [{ path: 'body.version', message: 'no such version' }],
        });
      base = withLanguages(revision.content);
    }
    const merged = mergeChanges(base, withLanguages(current.content), changes);
    if (merged.conflicts.length) return merged.conflicts;
    const content = stampTranslations(merged.content, translated, (place) =>
      originalAt(template, merged.content, place, model),
    );
    const version = current.version + 1;
    await setReportContent(tx, id, { content, version, updatedAt: ctx.now() });
    await insertReportRevision(tx, {
      reportId: id,
      version,
      status: current.status,
      event: 'edited',
      content,
      actorId: actorOf(ctx).id,
      actorName: actorOf(ctx).name,
    });
    return [];
  });
  if (conflicts.length) {
    throw new AppError('version_conflict', 'Someone else changed the same places', {
      current: { report: await getReport(ctx, id), conflicts },
    });
  }
  return getReport(ctx, id);
}

const transitions = {
  submit: { from: ['draft'], to: 'submitted', event: 'submitted' },
  approve: { from: ['submitted'], to: 'approved', event: 'approved' },
  send_back: { from: ['submitted'], to: 'draft', event: 'sent_back' },
  reopen: { from: ['submitted', 'approved'], to: 'draft', event: 'reopened' },
} as const satisfies Record<ReportAction, unknown>;

const required = (path: string, message: string) =>
  new AppError('validation_failed', message, { issues: [{ path, message }] });

/**
 * The coordinator submits when every agency's part is ready, or names the agencies not ready to confirm
 * submitting without them (exactly those: a list made on a stale page is refused). Returns the sentence kept
 * in the history, or null.
 */
function partsRule(ctx: ServiceContext, parts: ReportDetail['parts'], named: string[] | undefined) {
  const say = tIn(ctx.locale);
  const notReady = parts.filter((p) => !p.ready).map((p) => p.agency.code);
  if (notReady.length === 0) return null;
  const given = [...new Set(named ?? [])].sort();
  if (given.join() !== [...notReady].sort().join()) {
    throw required(
      'body.withoutParts',
      say('reportRules.workflow.partsNotReady', { agencies: notReady.join(', ') }),
    );
  }
  return say('reportRules.workflow.submittedWithoutParts', { agencies: notReady.join(', ') });
}

/**
 * Moves a report through its workflow: draft → submitted (by the coordinator, when its checks find no error
 * and its agencies' parts are ready or named) → accepted (its numbers frozen) or sent back to draft with
 * comments or a reason; an accepted or submitted report reopened with a reason. Refused while a closed period
 * contains the report. Every move is a version in the history, with who made it.
 */
export async function transitionReport(
  ctx: ServiceContext,
  id: string,
  action: ReportAction,
  input: { version: number; reason?: string | undefined; withoutParts?: string[] | undefined },
  /** the seed's and the CLI's name for who acts, when nobody is signed in */
  as?: string,
): Promise<ReportDetail> {
  const say = tIn(ctx.locale);
  const rule = transitions[action];
  const reason = input.reason?.trim() || null;
  if (action === 'reopen' && !reason) {
    throw required('body.reason', say('reportRules.workflow.reopenNeedsReason'));
  }
  const before = await getReport(ctx, id);
  // a move made from an older page is refused first: what the person decided on has changed
  if (before.version !== input.version) {
    throw new AppError('version_conflict', 'The report changed since you read it', { current: before });
  }
  let partsNote: string | null = null;
  if (action === 'submit') {
    const errors = before.checks.filter((c) => c.severity === 'error');
    if (errors.length) {
      throw new AppError('validation_failed', 'The report has errors to fix before it is submitted', {
        issues: errors.map((c) => ({ path: c.path, message: localize(c.message, ctx.locale) })),
      });
    }
    partsNote = partsRule(ctx, before.parts, input.withoutParts);
  }
  await ctx.db.transaction(async (tx) => {
    const current = await findReportForUpdate(tx, id);
    if (!current) throw notFound('Report', id);
    if (current.version !== input.version) {
      throw new AppError('version_conflict', 'The report changed since you read it', { current: before });
    }
    const [closed] = await closedPeriodsCovering(
      tx,
      current.programmeId,
      current.periodStart,
      current.periodEnd,
    );
    if (closed) throw lockedError(closedLock(closed, ctx.locale), 'status');
    if (!(rule.from as readonly string[]).includes(current.status)) {
      throw new AppError(
        'conflict',
        `Cannot ${action.replace('_', ' ')} a report that is ${current.status}`,
        {
          issues: [{ path: 'status', message: current.status }],
          detail: say('reportRules.conflicts.notInThisStatus', {
            status: say(`reports.statuses.${current.status}`),
          }),
        },
      );
    }
    if (action === 'send_back' && !reason) {
      if (!(await hasOpenComment(tx, id))) {
        throw required('body.reason', say('reportRules.workflow.sendBackNeedsCommentOrReason'));
      }
    }
    const version = current.version + 1;
    const now = ctx.now();
    // the quarterly report's figures are read from the activities: frozen with them, in this transaction
    const frozenQuarterly =
      rule.to === 'approved'
        ? await frozenQuarterlyReport({ ...ctx, db: tx as unknown as typeof ctx.db }, current)
        : rule.to === 'draft'
          ? null
          : current.frozenQuarterly;
    await setReportStatus(tx, id, {
      status: rule.to,
      version,
      updatedAt: now,
      // acceptance freezes the assembled report; back to draft it follows the data again
      frozenModel: rule.to === 'approved' ? before.model : rule.to === 'draft' ? null : current.frozenModel,
      frozenQuarterly,
    });
    await insertReportRevision(tx, {
      reportId: id,
      version,
      status: rule.to,
      event: rule.event,
      reason: [reason, partsNote].filter(Boolean).join(' — ') || null,
      content: current.content,
      actorId: actorOf(ctx).id,
      actorName: actorOf(ctx, as ?? null).name,
      createdAt: now,
    });
    // told in the move's transaction: a move rolled back tells nobody
    await notifyTransition(
      tx,
      ctx,
      { ...current, code: before.programme.code },
      action,
      personOf(ctx.actor)?.name ?? as ?? null,
      action === 'send_back'
        ? sendBackBody(
            ctx,
            reason,
            before.comments.filter((c) => !c.resolved),
          )
        : reason,
    );
  });
  return getReport(ctx, id);
}

/** Deletes a draft report (not one in review, accepted, or in a closed period). */
export async function deleteReport(ctx: ServiceContext, id: string): Promise<void> {
  const { report } = await reportRow(ctx.db, id);
  const [lock] = await reportLocks(ctx.db, report, ctx.locale);
  if (lock) throw lockedError(lock, 'params.id');
  const deleted = await deleteDraftReport(ctx.db, id);
  // submitted in the meantime
  if (!deleted)
    throw new AppError('conflict', 'The report is no longer a draft', {
      detail: tIn(ctx.locale)('reportRules.conflicts.noLongerDraft'),
    });
}
