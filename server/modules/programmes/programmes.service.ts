import { splitGivenDate } from '../../../core/domain/programme-dates.js';
import type {
  Portfolio,
  ProgrammeCreate,
  ProgrammeDetail,
  ProgrammePatch,
} from '../../../core/contracts/programme-api.js';
import { programmeSlugOf } from '../../../core/domain/programme-slug.js';
import { t } from '../../../core/i18n/t.js';
import { groupBy } from '../../../core/lib/group-by.js';
import { AppError, findOrFail, versionConflict } from '../../errors.js';
import type { ServiceContext } from '../../context.js';
import { abilitiesOn } from '../auth/policy.js';
import {
  inForceVersion,
  presentDetail,
  presentPortfolioOrganisations,
  presentSummary,
} from './programmes.presenter.js';
import { budgetOf, budgetsOf, noBudget } from './programme-budget.js';
import {
  deleteProgrammeBySlug,
  insertProgramme,
  portfolioRows,
  programmeBySlugOr404,
  programmeDetailRows,
  updateProgrammeAtVersion,
  type ProgrammeChanges,
} from './programmes.queries.js';

const today = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

function inForceCounts(
  rows: { programmeId: string; version: number; effectiveDate: string; n: number }[],
  date: string,
) {
  const byProgramme = groupBy(rows, (r) => r.programmeId);
  return new Map([...byProgramme].map(([id, versions]) => [id, inForceVersion(versions, date)?.n ?? 0]));
}

/** The portfolio: every programme as its card (its budget of record's figures), and the organisations named. */
export async function listProgrammes(ctx: ServiceContext): Promise<Portfolio> {
  const { programmes, participants, versions } = await portfolioRows(ctx.db);
  const byProgramme = groupBy(participants, (p) => p.programmeId);
  const counts = inForceCounts(versions, today(ctx));
  const budgets = await budgetsOf(ctx.db, 'all', participants);
  return {
    items: programmes.map((p) =>
      presentSummary(p, byProgramme.get(p.id) ?? [], counts.get(p.id) ?? 0, budgets.get(p.id) ?? noBudget()),
    ),
    organisations: presentPortfolioOrganisations(participants),
  };
}

/** The programme known by `slug`, with everything its page shows but the framework tree (one round trip). */
export async function getProgramme(ctx: ServiceContext, slug: string): Promise<ProgrammeDetail>;
/**
 * `{ budget: false }`: without its budget of record (`budget`, `totalBudget`), for a reader that does not show
 * it (the programme document's export): two queries of the budget lines fewer.
 */
export async function getProgramme(
  ctx: ServiceContext,
  slug: string,
  options: { budget: false },
): Promise<ProgrammeWithoutBudget>;
export async function getProgramme(
  ctx: ServiceContext,
  slug: string,
  options: { budget?: boolean } = {},
): Promise<ProgrammeDetail | ProgrammeWithoutBudget> {
  const rows = await findOrFail(programmeDetailRows(ctx.db, slug), 'Programme', slug);
  const { programme, versions, ...parts } = rows;
  const withBudget = options.budget ?? true;
  const detail = presentDetail(programme, {
    ...parts,
    budget: withBudget ? await budgetOf(ctx.db, programme.id, parts.participants) : noBudget(),
    indicatorCount: inForceVersion(versions, today(ctx))?.n ?? 0,
    versions,
    today: today(ctx),
    can: abilitiesOn(
      ctx.actor,
      programme.id,
      parts.participants.filter((x) => x.role === 'recipient').map((x) => x.org),
    ),
  });
  if (withBudget) return detail;
  const { budget: _budget, totalBudget: _total, ...withoutBudget } = detail;
  return withoutBudget;
}

/** A programme's detail without its budget of record (`getProgramme(ctx, slug, { budget: false })`). */
export type ProgrammeWithoutBudget = Omit<ProgrammeDetail, 'budget' | 'totalBudget'>;

/** Creates an empty programme (header only); its framework is added version by version. */
export async function createProgramme(ctx: ServiceContext, input: ProgrammeCreate): Promise<ProgrammeDetail> {
  const slug = programmeSlugOf(input.code);
  if (!slug) {
    throw new AppError('validation_failed', 'Invalid code', {
      issues: [
        { path: 'body.code', message: t(ctx.locale, 'fieldRules.programmes.codeWithoutLettersOrDigits') },
      ],
    });
  }
  const row = await insertProgramme(ctx.db, {
    slug,
    code: input.code,
    kind: input.kind,
    titleFr: input.title.fr,
    titleEn: input.title.en ?? null,
    country: input.country,
    endDate: input.endDate,
    startDate: input.startDate ?? null,
    currency: input.currency,
  });
  if (!row) {
    const taken = t(ctx.locale, 'fieldRules.programmes.codeAlreadyUsed', { code: input.code });
    throw new AppError('conflict', `A programme with code ${input.code} already exists`, {
      issues: [{ path: 'body.code', message: taken }],
      detail: taken,
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
  const set: ProgrammeChanges = {};
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
  if (fields.firstTransferDate !== undefined) {
    const given = fields.firstTransferDate ? splitGivenDate(fields.firstTransferDate) : null;
    Object.assign(set, {
      firstTransferDate: given?.date ?? null,
      firstTransferPrecision: given?.precision ?? 'day',
    });
  }
  const updated = await updateProgrammeAtVersion(ctx.db, slug, version, set, ctx.now());
  if (!updated) {
    await programmeBySlugOr404(ctx.db, slug);
    throw versionConflict(await getProgramme(ctx, slug));
  }
  return getProgramme(ctx, slug);
}

/** Deletes a programme and everything it owns. */
export async function deleteProgramme(ctx: ServiceContext, slug: string): Promise<void> {
  await findOrFail(deleteProgrammeBySlug(ctx.db, slug), 'Programme', slug);
}
