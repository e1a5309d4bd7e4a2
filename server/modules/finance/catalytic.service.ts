/** Catalytic funding: non-PBF money a programme obtained (funder, amount, date), listed in the PBF report. */
import type {
  CatalyticFunding,
  CatalyticFundingCreate,
  CatalyticFundingPatch,
} from '../../../core/contracts/finance/catalytic.js';
import { toUsd } from '../../../core/finance/money-text.js';
import type { DbOrTx } from '../../db/client.js';
import type { OrganisationRow } from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { findOrFail, versionConflict } from '../../errors.js';
import { presentOrganisation } from '../programmes/programmes.presenter.js';
import { programmeBySlugOr404 } from '../programmes/programmes.queries.js';
import {
  catalyticById,
  catalyticRowsOf,
  deleteCatalyticById,
  insertCatalytic,
  updateCatalyticAt,
  type CatalyticRow,
} from './catalytic.queries.js';
import { organisationsByCode } from './finance-context.js';
import { Issues } from './finance-messages.js';

function present(row: CatalyticRow, org: OrganisationRow | null): CatalyticFunding {
  return {
    id: row.id,
    donor: org ? presentOrganisation(org) : null,
    donorName: row.donorName,
    amount: row.amountUsd,
    originalAmount: row.originalAmount,
    originalCurrency: row.originalCurrency,
    exchangeRate: row.exchangeRate,
    date: row.date,
    note: row.note,
    version: row.version,
  };
}

/** The catalytic funding of a programme obtained by a date (all of it when no date), oldest first. */
export async function catalyticOf(
  db: DbOrTx,
  programmeId: string,
  asOf?: string,
): Promise<CatalyticFunding[]> {
  const rows = await catalyticRowsOf(db, programmeId, asOf);
  return rows.map((r) => present(r.c, r.org));
}

export async function listCatalytic(ctx: ServiceContext, slug: string): Promise<CatalyticFunding[]> {
  const programme = await programmeBySlugOr404(ctx.db, slug);
  return catalyticOf(ctx.db, programme.id);
}

type Fields = Partial<Omit<CatalyticFundingCreate, 'amount' | 'date'>> &
  Pick<CatalyticFundingCreate, 'amount' | 'date'>;

async function readFields(ctx: ServiceContext, input: Fields) {
  const issues = new Issues(ctx.locale);
  const orgs = input.donor ? await organisationsByCode(ctx.db, [input.donor]) : new Map();
  const org = input.donor ? (orgs.get(input.donor) ?? null) : null;
  if (input.donor && !org) issues.add('body.donor', 'unknown_organisation', { code: input.donor });
  if (!input.donor && !input.donorName) issues.add('body.donorName', 'donor_or_name');
  const amount = issues.amount('body.amount', input.amount);
  if (amount === null) issues.add('body.amount', 'required');
  const currency = issues.currency('body.currency', input.currency);
  const rate = issues.rate('body.exchangeRate', currency, input.exchangeRate);
  issues.throwIfAny('Invalid catalytic funding');
  return {
    donorId: org?.id ?? null,
    donorName: input.donorName ?? org!.nameFr,
    amountUsd: toUsd(amount!, currency!, rate!),
    originalAmount: currency === 'USD' ? null : amount!,
    originalCurrency: currency === 'USD' ? null : currency!,
    exchangeRate: rate ?? null,
    date: input.date,
    note: input.note ?? null,
    org,
  };
}

/** Records money obtained from another funder. */
export async function createCatalytic(
  ctx: ServiceContext,
  slug: string,
  input: CatalyticFundingCreate,
): Promise<CatalyticFunding> {
  const programme = await programmeBySlugOr404(ctx.db, slug);
  const { org, ...values } = await readFields(ctx, input);
  const row = await insertCatalytic(ctx.db, { ...values, programmeId: programme.id });
  return present(row!, org);
}

const rowOrFail = (db: DbOrTx, id: string) => findOrFail(catalyticById(db, id), 'Catalytic funding', id);

/** Changes a catalytic funding record (409 with the current one if it changed since). */
export async function updateCatalytic(
  ctx: ServiceContext,
  id: string,
  patch: CatalyticFundingPatch,
): Promise<CatalyticFunding> {
  const { c, org: currentOrg } = await rowOrFail(ctx.db, id);
  const donor = patch.donor === undefined ? (currentOrg?.code ?? null) : patch.donor;
  const { org, ...values } = await readFields(ctx, {
    donor,
    donorName:
      patch.donorName === undefined
        ? patch.donor !== undefined && patch.donor
          ? null
          : c.donorName
        : patch.donorName,
    amount: patch.amount ?? c.originalAmount ?? c.amountUsd,
    currency: patch.currency ?? (patch.amount !== undefined ? 'USD' : (c.originalCurrency ?? 'USD')),
    exchangeRate: patch.exchangeRate === undefined ? c.exchangeRate : patch.exchangeRate,
    date: patch.date ?? c.date,
    note: patch.note === undefined ? c.note : patch.note,
  });
  const row = await updateCatalyticAt(ctx.db, id, patch.version, values, ctx.now());
  if (!row) {
    const current = await rowOrFail(ctx.db, id);
    throw versionConflict(present(current.c, current.org));
  }
  return present(row, org);
}

export async function deleteCatalytic(ctx: ServiceContext, id: string): Promise<void> {
  await rowOrFail(ctx.db, id);
  await deleteCatalyticById(ctx.db, id);
}
