/**
 * The multi-agency side of a report: each recipient agency's part (marked ready by its focal point, or by the
 * coordinator), the comments attached to sections, and what the reader may do. Marks and comments are
 * refused while the report is locked (in review for marks, accepted or in a closed period for both).
 */
import type {
  AttributionsPut,
  ReportAttribution,
  ReportComment,
  ReportLock,
  ReportPart,
  ReportPermissions,
  ReportUnit,
} from '../../../core/contracts/report-workflow.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import { localize } from '../../../core/i18n/locale.js';
import { agenciesOf, unitOf, unitWritable } from '../../../core/reports/attributions.js';
import type { CommentCreate } from '../../../core/contracts/report-workflow.js';
import type { LocalizedText } from '../../../core/contracts/programme-document.js';
import { tIn } from '../../../core/i18n/t.js';
import { parseContentPath, type ContentPath } from '../../../core/reports/content-paths.js';
import { findTemplate } from '../../../core/reports/templates/index.js';
import type { DbOrTx } from '../../db/client.js';
import { actorOf, type ServiceContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { can, canActForAgency, type Acting, type Permission } from '../auth/policy.js';
import { lockedError, reportLocks } from '../periods/period-locks.js';
import { unknownPlace } from './report-values.js';
import { notifyComment, notifyPartReady } from './report-notifications.js';
import {
  findAttributionsOfReport,
  findCommentOfReport,
  findPreviousAttributedReport,
  findCommentsOfReport,
  findPartMark,
  findPartMarksOfReport,
  findProgrammeCode,
  findRecipientAgencies,
  findReportForUpdate,
  insertComment,
  insertReportRevision,
  replaceAttributions,
  setCommentResolution,
  setReportVersion,
  upsertPartMark,
  type ReportRow,
} from './report-workflow.queries.js';

const text = (fr: string, en: string | null): LocalizedText => (en ? { fr, en } : { fr });

/** The programme's recipient agencies, in its order (reports.service.ts reads them here). */
export const recipientsOf = findRecipientAgencies;

/** Every recipient agency's part of the report, marked or not. */
export async function partsOf(
  db: DbOrTx,
  report: Pick<ReportRow, 'id' | 'programmeId'>,
): Promise<ReportPart[]> {
  const [recipients, marks] = await Promise.all([
    findRecipientAgencies(db, report.programmeId),
    findPartMarksOfReport(db, report.id),
  ]);
  const byAgency = new Map(marks.map((m) => [m.organisationId, m]));
  return recipients.map((r) => {
    const mark = byAgency.get(r.id);
    return {
      agency: {
        code: r.code,
        acronym: r.acronymFr ? text(r.acronymFr, r.acronymEn) : { fr: r.code },
        name: text(r.nameFr, r.nameEn),
      },
      ready: mark?.ready ?? false,
      by: mark?.changedByName ?? null,
      at: mark?.changedAt.toISOString() ?? null,
    };
  });
}

export async function commentsOf(db: DbOrTx, reportId: string): Promise<ReportComment[]> {
  return (await findCommentsOfReport(db, reportId)).map((r) => ({
    id: r.id,
    section: r.sectionId,
    place: r.place,
    body: r.body,
    author: r.authorName,
    at: r.createdAt.toISOString(),
    writtenDuring: r.writtenDuring,
    resolved: r.resolvedAt ? { by: r.resolvedByName, at: r.resolvedAt.toISOString() } : null,
  }));
}

const periodClosed = (locks: ReportLock[]) => locks.find((l) => l.kind === 'closed_period');

/** A report's attributions, one entry per unit with its agencies' codes (agencies in the programme's order). */
export async function attributionsOf(db: DbOrTx, reportId: string): Promise<ReportAttribution[]> {
  const rows = await findAttributionsOfReport(db, reportId);
  const units = new Map<string, ReportAttribution>();
  for (const r of rows) {
    const key = `${r.sectionId}\u0000${r.outcomeCode}`;
    const unit = units.get(key) ?? { section: r.sectionId, outcome: r.outcomeCode || null, agencies: [] };
    unit.agencies.push(r.code);
    units.set(key, unit);
  }
  return [...units.values()];
}

/**
 * The units the actor may write: every place (`all`) for those who write the programme (the coordinator,
 * administrators) and the operator; for a focal point, the units given to their agency; nothing for others.
 */
export function writableUnits(
  actor: Acting,
  programmeId: string,
  attributions: readonly ReportAttribution[],
  recipients: readonly { id: string; code: string }[],
): 'all' | ReportUnit[] {
  if (can(actor, 'programme.write', programmeId)) return 'all';
  if (!can(actor, 'data.write', programmeId)) return [];
  const mine = new Set(
    recipients.filter((r) => canActForAgency(actor, programmeId, r.id)).map((r) => r.code),
  );
  return attributions
    .filter((a) => a.agencies.some((code) => mine.has(code)))
    .map((a) => ({ section: a.section, outcome: a.outcome }));
}

/**
 * Refuses a change to a place outside the actor's units (a focal point writes their agency's sections only;
 * what nobody is given is the coordinator's), naming each place in the reader's language.
 */
export function assertMayWritePlaces(
  ctx: ServiceContext,
  template: ReportTemplate,
  writable: 'all' | ReportUnit[],
  attributions: readonly ReportAttribution[],
  changes: readonly { path: ContentPath; raw: string }[],
  field = 'body.changes',
): void {
  if (writable === 'all') return;
  const say = tIn(ctx.locale);
  const issues = changes.flatMap((change, i) => {
    const unit = unitOf(template, change.path);
    if (unit && unitWritable(writable, unit)) return [];
    const agencies = unit ? agenciesOf(attributions, unit) : [];
    const section = template.sections.find((s) => s.id === unit?.section);
    const title = section ? localize(section.title, ctx.locale) : change.raw;
    const where = unit?.outcome
      ? say('reportRules.workflow.outcomeUnit', { section: title, code: unit.outcome })
      : title;
    return [
      {
        path: `${field}.${i}.path`,
        message: agencies.length
          ? say('reportRules.workflow.sectionOfOtherAgency', {
              section: where,
              agencies: agencies.join(', '),
            })
          : say('reportRules.workflow.sectionOfCoordinator', { section: where }),
      },
    ];
  });
  if (issues.length)
    throw new AppError('forbidden', 'A focal point writes the sections given to their agency only', {
      detail: issues[0]!.message,
      issues,
    });
}

/** What the reader may do now: the operator (CLI, seed) everything the status allows, anonymous nothing. */
export function permissionsOf(
  ctx: ServiceContext,
  report: Pick<ReportRow, 'programmeId' | 'status'>,
  locks: ReportLock[],
  parts: { id: string; code: string }[],
  attributions: readonly ReportAttribution[],
): ReportPermissions {
  const actor = ctx.actor;
  const has = (p: Permission) => can(actor, p, report.programmeId);
  const open = !periodClosed(locks);
  const draft = report.status === 'draft';
  const writable =
    draft && locks.length === 0 ? writableUnits(actor, report.programmeId, attributions, parts) : [];
  return {
    edit: writable === 'all' || writable.length > 0,
    editAll: writable === 'all',
    editUnits: writable === 'all' ? [] : writable,
    attribute: draft && locks.length === 0 && has('report.submit'),
    readDrafting: has('programme.drafts'),
    submit: has('report.submit'),
    review: has('report.review'),
    comment: open && report.status !== 'approved' && (has('data.write') || has('report.review')),
    markParts:
      draft && open
        ? parts.filter((p) => canActForAgency(actor, report.programmeId, p.id)).map((p) => p.code)
        : [],
  };
}

/**
 * Gives the report's sections (or outcomes) to recipient agencies: the coordinator, while the report is an
 * open draft. The list replaces the one before; a unit with no agency is the coordinator's again.
 */
export async function setAttributions(
  ctx: ServiceContext,
  id: string,
  input: AttributionsPut,
): Promise<void> {
  const say = tIn(ctx.locale);
  await ctx.db.transaction(async (tx) => {
    const report = await lockedReport(tx, id);
    const locks = await reportLocks(tx, report, ctx.locale);
    if (locks[0]) throw lockedError(locks[0], 'body.attributions');
    const template = findTemplate(report.templateId, report.templateVersion);
    const recipients = await findRecipientAgencies(tx, report.programmeId);
    const issues: { path: string; message: string }[] = [];
    const rows: { sectionId: string; outcomeCode: string; organisationId: string }[] = [];
    input.attributions.forEach((a, i) => {
      const section = template?.sections.find((s) => s.id === a.section);
      if (!section || section.kind === 'key_figures' || section.kind === 'photos') {
        issues.push({
          path: `body.attributions.${i}.section`,
          message: say('reportRules.workflow.unknownSection', { section: a.section }),
        });
        return;
      }
      if (a.outcome !== null && section.kind !== 'outcomes') {
        issues.push({
          path: `body.attributions.${i}.outcome`,
          message: say('reportRules.workflow.outcomeOutsideOutcomes', {
            section: localize(section.title, ctx.locale),
          }),
        });
        return;
      }
      for (const code of new Set(a.agencies)) {
        const agency = recipients.find((r) => r.code === code);
        if (!agency) {
          issues.push({
            path: `body.attributions.${i}.agencies`,
            message: say('reportRules.workflow.notRecipient', { agency: code }),
          });
          continue;
        }
        rows.push({ sectionId: section.id, outcomeCode: a.outcome ?? '', organisationId: agency.id });
      }
    });
    if (issues.length) throw new AppError('validation_failed', 'Invalid attributions', { issues });
    const unique = new Map(
      rows.map((r) => [`${r.sectionId}\u0000${r.outcomeCode}\u0000${r.organisationId}`, r]),
    );
    await replaceAttributions(tx, id, [...unique.values()]);
  });
}

/** A new report starts from the attributions of the programme's previous report in the same template. */
export async function inheritAttributions(
  tx: DbOrTx,
  report: { id: string; programmeId: string; templateId: string },
): Promise<void> {
  const previous = await findPreviousAttributedReport(tx, report.programmeId, report.templateId, report.id);
  if (!previous) return;
  const rows = await findAttributionsOfReport(tx, previous);
  await replaceAttributions(
    tx,
    report.id,
    rows.map((r) => ({
      sectionId: r.sectionId,
      outcomeCode: r.outcomeCode,
      organisationId: r.organisationId,
    })),
  );
}

async function lockedReport(tx: DbOrTx, id: string) {
  const row = await findReportForUpdate(tx, id);
  if (!row) throw notFound('Report', id);
  return row;
}

/**
 * Marks an agency's part ready, or withdraws the mark, while the report is a draft: a focal point for their
 * own agency, the coordinator or an administrator for any. A version in the history; nothing when unchanged.
 */
export async function markPart(
  ctx: ServiceContext,
  id: string,
  agencyCode: string,
  ready: boolean,
  as?: string,
): Promise<void> {
  const say = tIn(ctx.locale);
  await ctx.db.transaction(async (tx) => {
    const report = await lockedReport(tx, id);
    const agency = (await findRecipientAgencies(tx, report.programmeId)).find((r) => r.code === agencyCode);
    if (!agency) {
      throw new AppError('not_found', `${agencyCode} is not a recipient agency of this programme`, {
        detail: say('reportRules.workflow.notRecipient', { agency: agencyCode }),
        issues: [
          {
            path: 'params.agency',
            message: say('reportRules.workflow.notRecipient', { agency: agencyCode }),
          },
        ],
      });
    }
    if (!canActForAgency(ctx.actor, report.programmeId, agency.id)) {
      throw new AppError('forbidden', `Only ${agencyCode}'s focal point or the coordinator marks its part`, {
        issues: [
          {
            path: 'params.agency',
            message: say('reportRules.workflow.onlyFocalPointMarksPart', { agency: agencyCode }),
          },
        ],
      });
    }
    const locks = await reportLocks(tx, report, ctx.locale);
    if (locks[0]) throw lockedError(locks[0], 'params.agency');
    const current = await findPartMark(tx, id, agency.id);
    if ((current?.ready ?? false) === ready) return;
    const who = actorOf(ctx, as ?? null);
    const now = ctx.now();
    await upsertPartMark(tx, {
      reportId: id,
      organisationId: agency.id,
      ready,
      changedBy: who.id,
      changedByName: who.name,
      changedAt: now,
    });
    const version = report.version + 1;
    await setReportVersion(tx, id, version, now);
    await insertReportRevision(tx, {
      reportId: id,
      version,
      status: report.status,
      event: ready ? 'part_ready' : 'part_withdrawn',
      content: report.content,
      actorId: who.id,
      actorName: who.name,
      organisationId: agency.id,
      createdAt: now,
    });
    if (ready) {
      const code = (await findProgrammeCode(tx, report.programmeId)) ?? '';
      await notifyPartReady(tx, ctx, { ...report, code }, agency.acronymFr ?? agency.code, who.name);
    }
  });
}

function checkPlace(ctx: ServiceContext, report: ReportRow, input: CommentCreate) {
  const say = tIn(ctx.locale);
  const template = findTemplate(report.templateId, report.templateVersion);
  const section = template?.sections.find((s) => s.id === input.section);
  if (!template || !section) {
    throw new AppError('validation_failed', 'Unknown section', {
      issues: [
        {
          path: 'body.section',
          message: say('reportRules.workflow.unknownSection', { section: input.section }),
        },
      ],
    });
  }
  if (input.place === undefined) return;
  const path = parseContentPath(input.place);
  const wrong = path ? unknownPlace(template, path) : 'not a place';
  // a field path must belong to the section it is attached to; outcome and indicator places belong to the
  // section that lists them
  const inSection =
    path?.kind === 'field'
      ? section.fields.some((f) => f.id === path.field)
      : path?.kind === 'outcome_field' || path?.kind === 'outcome_rating'
        ? section.kind === 'outcomes'
        : path?.kind === 'indicator'
          ? section.kind === 'indicator_table'
          : false;
  if (!path || wrong || !inSection) {
    throw new AppError('validation_failed', 'Unknown place', {
      issues: [
        {
          path: 'body.place',
          message: say('reportRules.workflow.unknownPlace', {
            place: input.place,
            section: input.section,
          }),
        },
      ],
    });
  }
}

/** Who may write comments: the writers of the programme and the secretariat. */
function assertCommenter(ctx: ServiceContext, programmeId: string) {
  const actor = ctx.actor;
  if (!can(actor, 'data.write', programmeId) && !can(actor, 'report.review', programmeId)) {
    throw new AppError('forbidden', 'Readers cannot write comments', {
      issues: [
        {
          path: 'body',
          message: tIn(ctx.locale)('reportRules.workflow.readersCannotComment'),
        },
      ],
    });
  }
}

/** Comments are refused on an accepted report and in a closed period; in review they are the review. */
async function assertCommentable(ctx: ServiceContext, tx: DbOrTx, report: ReportRow, what: string) {
  const lock = (await reportLocks(tx, report, ctx.locale)).find((l) => l.kind !== 'in_review');
  if (lock) throw lockedError(lock, what);
}

/** Adds a comment to a section (and a place in it). */
export async function addComment(
  ctx: ServiceContext,
  id: string,
  input: CommentCreate,
  as?: string,
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const report = await lockedReport(tx, id);
    assertCommenter(ctx, report.programmeId);
    checkPlace(ctx, report, input);
    await assertCommentable(ctx, tx, report, 'body');
    const who = actorOf(ctx, as ?? null);
    const commentId = await insertComment(tx, {
      reportId: id,
      sectionId: input.section,
      place: input.place ?? null,
      body: input.body,
      authorId: who.id,
      authorName: who.name ?? '—',
      writtenDuring: report.status,
      createdAt: ctx.now(),
    });
    const code = (await findProgrammeCode(tx, report.programmeId)) ?? '';
    await notifyComment(tx, ctx, { ...report, code }, input, who.name);
    return commentId;
  });
}

/** Marks a comment resolved, or open again. */
export async function resolveComment(
  ctx: ServiceContext,
  id: string,
  commentId: string,
  resolved: boolean,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const report = await lockedReport(tx, id);
    assertCommenter(ctx, report.programmeId);
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(commentId);
    const comment = isUuid ? await findCommentOfReport(tx, id, commentId) : undefined;
    if (!comment) throw notFound('Comment', commentId);
    await assertCommentable(ctx, tx, report, 'params.commentId');
    if ((comment.resolvedAt !== null) === resolved) return;
    const who = actorOf(ctx);
    await setCommentResolution(
      tx,
      commentId,
      resolved
        ? { resolvedAt: ctx.now(), resolvedBy: who.id, resolvedByName: who.name }
        : { resolvedAt: null, resolvedBy: null, resolvedByName: null },
    );
  });
}
