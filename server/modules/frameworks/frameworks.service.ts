import type {
  Framework,
  FrameworkTree,
  FrameworkVersionSummary,
} from '../../../core/contracts/programme-api.js';
import type { LocalizedText } from '../../../core/contracts/programme-document.js';
import { compactFramework } from '../../../core/domain/framework-answer.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { t } from '../../../core/i18n/t.js';
import type { ServiceContext } from '../../context.js';
import { remembered } from '../../db/remembered.js';
import { AppError, findOrFail, versionConflict } from '../../errors.js';
import { insertFrameworkVersion } from './framework-version.insert.js';
import { insertVersionRow } from './framework-version.queries.js';
import { inForceVersion, presentVersionSummary } from '../programmes/programmes.presenter.js';
import { frameworkVersionsOf, programmeBySlugOr404 } from '../programmes/programmes.queries.js';
import {
  frameworkToDocument,
  presentBasis,
  presentFramework,
  type IndicatorBasis,
} from './frameworks.presenter.js';
import {
  deleteStatementById,
  findVersion,
  frameworkRows,
  indicatorBasisOfVersions,
  frameworkVersionById,
  insertOutcome,
  insertOutput,
  lastOutcomeSort,
  lastOutputSort,
  lockProgramme,
  outcomeById,
  statementById,
  updateStatementAtVersion,
  versionsBySlug,
  versionsOfProgrammes,
} from './frameworks.queries.js';

const today = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

/** A programme's framework as a tree: the version in force, or the version asked for. */
export async function getFramework(
  ctx: ServiceContext,
  slug: string,
  version?: number,
): Promise<FrameworkTree> {
  const versions = await findOrFail(versionsBySlug(ctx.db, slug), 'Programme', slug);
  const inForce = inForceVersion(versions, today(ctx));
  const chosen = await findOrFail(
    version === undefined ? inForce : versions.find((v) => v.version === version),
    'Framework version',
    `${slug} v${version ?? '(none)'}`,
  );
  return presentFramework(chosen, chosen.id === inForce?.id, await frameworkRows(ctx.db, chosen.id));
}

/** The tables `indicatorsInForce` reads (indicator-basis.test.ts checks them against what it scans). */
export const INDICATOR_BASIS_TABLES = [
  'framework_versions',
  'outcomes',
  'outputs',
  'indicators',
  'indicator_targets',
] as const;

/**
 * The indicators of the framework in force of each of several programmes, as their progress is measured
 * (`indicatorBasisOfVersions`), by programme id, with the version's number (none for a programme without a
 * framework): what the dashboards need of `getFramework`'s tree, for one programme or a portfolio of a hundred
 * in two statements. Remembered by the read cache (db/remembered.ts): a dashboard computed again after an
 * activity was recorded reads none of it, only a change of a framework reads it again. Read-only.
 */
export function indicatorsInForce(
  ctx: ServiceContext,
  programmeIds: string[],
): Promise<Map<string, { version: number; indicators: IndicatorBasis[] }>> {
  const day = today(ctx);
  return remembered(
    ctx.db,
    `indicators-in-force ${day} ${programmeIds.join(' ')}`,
    INDICATOR_BASIS_TABLES,
    async () => {
      const versions = await versionsOfProgrammes(ctx.db, programmeIds);
      const chosen = programmeIds.flatMap((id) => {
        const inForce = inForceVersion(
          versions.filter((v) => v.programmeId === id),
          day,
        );
        return inForce ? [inForce] : [];
      });
      const rows = await indicatorBasisOfVersions(
        ctx.db,
        chosen.map((v) => v.id),
      );
      return new Map(
        chosen.map((v) => [
          v.programmeId,
          { version: v.version, indicators: rows.get(v.id)!.map(presentBasis) },
        ]),
      );
    },
  );
}

/** What `GET /programmes/:slug/framework` sends: the tree with its indicators compact (`compactFramework`). */
export async function readFramework(ctx: ServiceContext, slug: string, version?: number): Promise<Framework> {
  return compactFramework(await getFramework(ctx, slug, version));
}

/** Every framework of a programme, oldest first, for export. */
export async function getAllFrameworks(ctx: ServiceContext, slug: string): Promise<FrameworkTree[]> {
  const p = await programmeBySlugOr404(ctx.db, slug);
  const versions = await frameworkVersionsOf(ctx.db, p.id);
  const inForce = inForceVersion(versions, today(ctx));
  return Promise.all(
    versions.map(async (v) => presentFramework(v, v.id === inForce?.id, await frameworkRows(ctx.db, v.id))),
  );
}

/**
 * Revises a framework: a new version, dated and with its reason, starting as a copy of the version in force
 * (or an empty one when the programme has none yet). Earlier versions stay as they were.
 */
export async function createFrameworkVersion(
  ctx: ServiceContext,
  slug: string,
  input: { label: LocalizedText; effectiveDate: string; reason: LocalizedText },
): Promise<FrameworkVersionSummary> {
  const p = await programmeBySlugOr404(ctx.db, slug);
  return ctx.db.transaction(async (tx) => {
    // serialise revisions of one programme so two people cannot both take the same version number
    await lockProgramme(tx, p.id);
    const versions = await frameworkVersionsOf(tx, p.id);
    const next = Math.max(0, ...versions.map((v) => v.version)) + 1;
    const source = inForceVersion(versions, today(ctx));
    if (source) {
      const tree = presentFramework(source, true, await frameworkRows(tx, source.id));
      await insertFrameworkVersion(
        tx,
        p.id,
        { ...frameworkToDocument(tree), version: next, ...input },
        ctx.locale,
      );
    } else {
      await insertVersionRow(tx, {
        programmeId: p.id,
        version: next,
        labelFr: input.label.fr,
        labelEn: input.label.en ?? null,
        effectiveDate: input.effectiveDate,
        reasonFr: input.reason.fr,
        reasonEn: input.reason.en ?? null,
      });
    }
    const created = await findVersion(tx, p.id, next);
    const all = await frameworkVersionsOf(tx, p.id);
    return presentVersionSummary(created!, inForceVersion(all, today(ctx))?.id === created!.id);
  });
}

function duplicateCode(locale: Locale, path: string, code: string) {
  const used = t(locale, 'fieldRules.frameworks.codeAlreadyUsed', { code });
  return new AppError('conflict', `Code ${code} is already used in this framework version`, {
    issues: [{ path, message: used }],
    detail: used,
  });
}

/** Adds an outcome at the end of a framework version. */
export async function createOutcome(
  ctx: ServiceContext,
  versionId: string,
  input: { code: string; statement: LocalizedText },
) {
  await findOrFail(frameworkVersionById(ctx.db, versionId), 'Framework version', versionId);
  const last = await lastOutcomeSort(ctx.db, versionId);
  const row = await insertOutcome(ctx.db, {
    frameworkVersionId: versionId,
    code: input.code,
    statementFr: input.statement.fr,
    statementEn: input.statement.en ?? null,
    sort: (last ?? -1) + 1,
  });
  if (!row) throw duplicateCode(ctx.locale, 'body.code', input.code);
  return presentStatement(row);
}

/** Adds an output at the end of an outcome. */
export async function createOutput(
  ctx: ServiceContext,
  outcomeId: string,
  input: { code: string; statement: LocalizedText },
) {
  const outcome = await findOrFail(outcomeById(ctx.db, outcomeId), 'Outcome', outcomeId);
  const last = await lastOutputSort(ctx.db, outcome.frameworkVersionId);
  const row = await insertOutput(ctx.db, {
    outcomeId,
    frameworkVersionId: outcome.frameworkVersionId,
    code: input.code,
    statementFr: input.statement.fr,
    statementEn: input.statement.en ?? null,
    sort: (last ?? -1) + 1,
  });
  if (!row) throw duplicateCode(ctx.locale, 'body.code', input.code);
  return presentStatement(row);
}

type StatementRow = {
  id: string;
  code: string;
  statementFr: string;
  statementEn: string | null;
  version: number;
};
const presentStatement = (r: StatementRow) => ({
  id: r.id,
  code: r.code,
  statement: r.statementEn ? { fr: r.statementFr, en: r.statementEn } : { fr: r.statementFr },
  version: r.version,
});

/** Changes an outcome's or output's code or statement, refusing a stale version. */
export async function updateStatement(
  ctx: ServiceContext,
  kind: 'outcome' | 'output',
  id: string,
  patch: { version: number; code?: string; statement?: LocalizedText },
) {
  const changes: { code?: string; statementFr?: string; statementEn?: string | null } = {};
  if (patch.code) changes.code = patch.code;
  if (patch.statement)
    Object.assign(changes, { statementFr: patch.statement.fr, statementEn: patch.statement.en ?? null });
  try {
    const row = await updateStatementAtVersion(ctx.db, kind, id, patch.version, changes, ctx.now());
    if (row) return presentStatement(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(ctx.locale, 'body.code', patch.code ?? '');
    throw error;
  }
  const current = await findOrFail(statementById(ctx.db, kind, id), statementName(kind), id);
  throw versionConflict(presentStatement(current));
}

/** Deletes an outcome or output with everything under it. */
export async function deleteStatement(
  ctx: ServiceContext,
  kind: 'outcome' | 'output',
  id: string,
): Promise<void> {
  await findOrFail(deleteStatementById(ctx.db, kind, id), statementName(kind), id);
}

const statementName = (kind: 'outcome' | 'output') => (kind === 'outcome' ? 'Outcome' : 'Output');

/** PostgreSQL's unique_violation, as node-postgres and PGlite report it (possibly wrapped by Drizzle). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
