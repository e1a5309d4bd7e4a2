import { eq, sql } from 'drizzle-orm';
import type {
  ProgrammeCreate,
  ProgrammeDetail,
  ProgrammePatch,
  ProgrammeSummary,
} from '../../../core/contracts/programme-api.js';
import { programmeSlugOf } from '../../../core/domain/programme-slug.js';
import { groupBy } from '../../../core/lib/group-by.js';
import * as t from '../../db/schema/index.js';
import { AppError, notFound, versionConflict } from '../../errors.js';
import type { ServiceContext } from '../../context.js';
import { inForceVersion, presentDetail, presentSummary } from './programmes.presenter.js';
import { findProgrammeBySlug, portfolioRows, programmeDetailRows } from './programmes.queries.js';

const today = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

function inForceCounts(
  rows: { programmeId: string; version: number; effectiveDate: string; n: number }[],
  date: string,
) {
  const byProgramme = groupBy(rows, (r) => r.programmeId);
  return new Map([...byProgramme].map(([id, versions]) => [id, inForceVersion(versions, date)?.n ?? 0]));
}

/** Every programme of the portfolio with its recipients and total budget. */
export async function listProgrammes(ctx: ServiceContext): Promise<ProgrammeSummary[]> {
  const { programmes, recipients, versions } = await portfolioRows(ctx.db);
  const byProgramme = groupBy(recipients, (p) => p.programmeId);
  const counts = inForceCounts(versions, today(ctx));
  return programmes.map((p) => presentSummary(p, byProgramme.get(p.id) ?? [], counts.get(p.id) ?? 0));
}

/** The programme known by `slug`, with everything its page shows but the framework tree (one round trip). */
export async function getProgramme(ctx: ServiceContext, slug: string): Promise<ProgrammeDetail> {
  const rows = await programmeDetailRows(ctx.db, slug);
  if (!rows) throw notFound('Programme', slug);
  const { programme, versions, ...parts } = rows;
  return presentDetail(programme, {
    ...parts,
    indicatorCount: inForceVersion(versions, today(ctx))?.n ?? 0,
    versions,
    today: today(ctx),
  });
}

/** Creates an empty programme (header only); its framework is added version by version. */
export async function createProgramme(ctx: ServiceContext, input: ProgrammeCreate): Promise<ProgrammeDetail> {
  const slug = programmeSlugOf(input.code);
  if (!slug) {
    throw new AppError('validation_failed', 'Invalid code', {
      issues: [{ path: 'body.code', message: 'must contain letters or digits' }],
    });
  }
  const [row] = await ctx.db
    .insert(t.programmes)
    .values({
      slug,
      code: input.code,
      kind: input.kind,
      titleFr: input.title.fr,
      titleEn: input.title.en ?? null,
      country: input.country,
      endDate: input.endDate,
      startDate: input.startDate ?? null,
      currency: input.currency,
    })
    .onConflictDoNothing()
    .returning({ slug: t.programmes.slug });
  if (!row) {
    throw new AppError('conflict', `A programme with code ${input.code} already exists`, {
      issues: [{ path: 'body.code', message: 'already exists' }],
    });
  }
  return getProgramme(ctx, row.slug);
}

/** Changes header fields; refuses a stale version with 409 and the current state. */
export async function updateProgramme(
  ctx: ServiceContext,
  slug: string,
  patch: ProgrammePatch,
): Promise<ProgrammeDetail> {
  const { version, ...fields } = patch;
  const set: Partial<typeof t.programmes.$inferInsert> = {};
  if (fields.title) Object.assign(set, { titleFr: fields.title.fr, titleEn: fields.title.en ?? null });
  if (fields.shortTitle !== undefined)
    Object.assign(set, {
      shortTitleFr: fields.shortTitle?.fr ?? null,
      shortTitleEn: fields.shortTitle?.en ?? null,
    });
  if (fields.summary !== undefined)
    Object.assign(set, { summaryFr: fields.summary?.fr ?? null, summaryEn: fields.summary?.en ?? null });
  for (const key of [
    'gatewayId',
    'startDate',
    'firstTransferDate',
    'endDate',
    'revisedEndDate',
    'currency',
    'priorityWindows',
    'genderMarker',
    'riskMarker',
    'genderBudgetAllocated',
    'places',
  ] as const) {
    if (fields[key] !== undefined) Object.assign(set, { [key]: fields[key] });
  }
  const updated = await ctx.db
    .update(t.programmes)
    .set({ ...set, version: sql`${t.programmes.version} + 1`, updatedAt: ctx.now() })
    .where(sql`${t.programmes.slug} = ${slug} and ${t.programmes.version} = ${version}`)
    .returning({ slug: t.programmes.slug });
  if (updated.length === 0) {
    const current = await findProgrammeBySlug(ctx.db, slug);
    if (!current) throw notFound('Programme', slug);
    throw versionConflict(await getProgramme(ctx, slug));
  }
  return getProgramme(ctx, slug);
}

/** Deletes a programme and everything it owns. */
export async function deleteProgramme(ctx: ServiceContext, slug: string): Promise<void> {
  const deleted = await ctx.db
    .delete(t.programmes)
    .where(eq(t.programmes.slug, slug))
    .returning({ id: t.programmes.id });
  if (deleted.length === 0) throw notFound('Programme', slug);
}
