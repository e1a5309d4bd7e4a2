import { and, eq, max, sql } from 'drizzle-orm';
import type { Framework, FrameworkVersionSummary } from '../../../core/contracts/programme-api.js';
import type { LocalizedText } from '../../../core/contracts/programme-document.js';
import * as t from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { AppError, notFound, versionConflict } from '../../errors.js';
import { insertFrameworkVersion } from './framework-version.insert.js';
import { inForceVersion, presentVersionSummary } from '../programmes/programmes.presenter.js';
import { findProgrammeBySlug, frameworkVersionsOf } from '../programmes/programmes.queries.js';
import { frameworkToDocument, presentFramework } from './frameworks.presenter.js';
import { frameworkRows, versionsBySlug } from './frameworks.queries.js';

const today = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

async function programmeOr404(ctx: ServiceContext, slug: string) {
  const p = await findProgrammeBySlug(ctx.db, slug);
  if (!p) throw notFound('Programme', slug);
  return p;
}

/** A programme's framework as a tree: the version in force, or the version asked for. */
export async function getFramework(ctx: ServiceContext, slug: string, version?: number): Promise<Framework> {
  const versions = await versionsBySlug(ctx.db, slug);
  if (versions === undefined) throw notFound('Programme', slug);
  const inForce = inForceVersion(versions, today(ctx));
  const chosen = version === undefined ? inForce : versions.find((v) => v.version === version);
  if (!chosen) throw notFound('Framework version', `${slug} v${version ?? '(none)'}`);
  return presentFramework(chosen, chosen.id === inForce?.id, await frameworkRows(ctx.db, chosen.id));
}

/** Every framework of a programme, oldest first, for export. */
export async function getAllFrameworks(ctx: ServiceContext, slug: string): Promise<Framework[]> {
  const p = await programmeOr404(ctx, slug);
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
  const p = await programmeOr404(ctx, slug);
  return ctx.db.transaction(async (tx) => {
    // serialise revisions of one programme so two people cannot both take the same version number
    await tx.execute(sql`select id from programmes where id = ${p.id} for update`);
    const versions = await frameworkVersionsOf(tx, p.id);
    const next = Math.max(0, ...versions.map((v) => v.version)) + 1;
    const source = inForceVersion(versions, today(ctx));
    if (source) {
      const tree = presentFramework(source, true, await frameworkRows(tx, source.id));
      await insertFrameworkVersion(tx, p.id, { ...frameworkToDocument(tree), version: next, ...input });
    } else {
      await tx.insert(t.frameworkVersions).values({
        programmeId: p.id,
        version: next,
        labelFr: input.label.fr,
        labelEn: input.label.en ?? null,
        effectiveDate: input.effectiveDate,
        reasonFr: input.reason.fr,
        reasonEn: input.reason.en ?? null,
      });
    }
    const [created] = await tx
      .select()
      .from(t.frameworkVersions)
      .where(and(eq(t.frameworkVersions.programmeId, p.id), eq(t.frameworkVersions.version, next)));
    const all = await frameworkVersionsOf(tx, p.id);
    return presentVersionSummary(created!, inForceVersion(all, today(ctx))?.id === created!.id);
  });
}

function duplicateCode(path: string, code: string) {
  return new AppError('conflict', `Code ${code} is already used in this framework version`, {
    issues: [{ path, message: 'already used in this framework version' }],
  });
}

/** Adds an outcome at the end of a framework version. */
export async function createOutcome(
  ctx: ServiceContext,
  versionId: string,
  input: { code: string; statement: LocalizedText },
) {
  const [version] = await ctx.db
    .select()
    .from(t.frameworkVersions)
    .where(eq(t.frameworkVersions.id, versionId));
  if (!version) throw notFound('Framework version', versionId);
  const [last] = await ctx.db
    .select({ sort: max(t.outcomes.sort) })
    .from(t.outcomes)
    .where(eq(t.outcomes.frameworkVersionId, versionId));
  const [row] = await ctx.db
    .insert(t.outcomes)
    .values({
      frameworkVersionId: versionId,
      code: input.code,
      statementFr: input.statement.fr,
      statementEn: input.statement.en ?? null,
      sort: (last?.sort ?? -1) + 1,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw duplicateCode('body.code', input.code);
  return presentStatement(row);
}

/** Adds an output at the end of an outcome. */
export async function createOutput(
  ctx: ServiceContext,
  outcomeId: string,
  input: { code: string; statement: LocalizedText },
) {
  const [outcome] = await ctx.db.select().from(t.outcomes).where(eq(t.outcomes.id, outcomeId));
  if (!outcome) throw notFound('Outcome', outcomeId);
  const [last] = await ctx.db
    .select({ sort: max(t.outputs.sort) })
    .from(t.outputs)
    .where(eq(t.outputs.frameworkVersionId, outcome.frameworkVersionId));
  const [row] = await ctx.db
    .insert(t.outputs)
    .values({
      outcomeId,
      frameworkVersionId: outcome.frameworkVersionId,
      code: input.code,
      statementFr: input.statement.fr,
      statementEn: input.statement.en ?? null,
      sort: (last?.sort ?? -1) + 1,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw duplicateCode('body.code', input.code);
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
  const table = kind === 'outcome' ? t.outcomes : t.outputs;
  const set: Record<string, unknown> = { version: sql`${table.version} + 1`, updatedAt: ctx.now() };
  if (patch.code) set.code = patch.code;
  if (patch.statement)
    Object.assign(set, { statementFr: patch.statement.fr, statementEn: patch.statement.en ?? null });
  try {
    const [row] = await ctx.db
      .update(table)
      .set(set)
      .where(and(eq(table.id, id), eq(table.version, patch.version)))
      .returning();
    if (row) return presentStatement(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode('body.code', patch.code ?? '');
    throw error;
  }
  const [current] = await ctx.db.select().from(table).where(eq(table.id, id));
  if (!current) throw notFound(kind === 'outcome' ? 'Outcome' : 'Output', id);
  throw versionConflict(presentStatement(current));
}

/** Deletes an outcome or output with everything under it. */
export async function deleteStatement(
  ctx: ServiceContext,
  kind: 'outcome' | 'output',
  id: string,
): Promise<void> {
  const table = kind === 'outcome' ? t.outcomes : t.outputs;
  const deleted = await ctx.db.delete(table).where(eq(table.id, id)).returning({ id: table.id });
  if (deleted.length === 0) throw notFound(kind === 'outcome' ? 'Outcome' : 'Output', id);
}

/** PostgreSQL's unique_violation, as node-postgres and PGlite report it (possibly wrapped by Drizzle). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
