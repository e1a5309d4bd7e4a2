import { eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { OrganisationInput } from '../../../core/contracts/programme-document.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

/** Every organisation of the catalogue, as the importers match them by name and acronym. */
export async function allOrganisations(db: DbOrTx): Promise<OrganisationInput[]> {
  const rows = await db.select().from(t.organisations);
  return rows.map((o) => ({
    code: o.code,
    kind: o.kind,
    name: o.nameEn ? { fr: o.nameFr, en: o.nameEn } : { fr: o.nameFr },
    ...(o.acronymFr
      ? { acronym: o.acronymEn ? { fr: o.acronymFr, en: o.acronymEn } : { fr: o.acronymFr } }
      : {}),
  }));
}

/** Every programme's id, slug and creation (the programmes whose reporting organisation a file is asked of). */
export function listProgrammeSlugs(db: DbOrTx) {
  return db
    .select({ id: t.programmes.id, slug: t.programmes.slug, createdAt: t.programmes.createdAt })
    .from(t.programmes)
    .orderBy(t.programmes.slug);
}

/** The programmes imported from IATI, by the identifier they keep (→ their code). */
export async function knownIatiActivities(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: t.programmes.code, identifier: t.programmes.iatiIdentifier })
    .from(t.programmes)
    .where(isNotNull(t.programmes.iatiIdentifier));
  return new Map(rows.map((r) => [r.identifier!, r.code]));
}

/** The codes among `codes` that programmes already use. */
export async function existingProgrammeCodes(db: DbOrTx, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: t.programmes.code })
    .from(t.programmes)
    .where(inArray(t.programmes.code, codes));
  return new Set(rows.map((r) => r.code));
}

/** The slugs among `slugs` that programmes already use (two codes can share a slug: `A/1` and `A-1`). */
export async function existingProgrammeSlugs(db: DbOrTx, slugs: string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db
    .select({ slug: t.programmes.slug })
    .from(t.programmes)
    .where(inArray(t.programmes.slug, slugs));
  return new Set(rows.map((r) => r.slug));
}

/** The highest framework version number of a programme (0 when it has none). */
export async function lastFrameworkVersion(db: DbOrTx, programmeId: string): Promise<number> {
  const [row] = await db
    .select({ v: max(t.frameworkVersions.version) })
    .from(t.frameworkVersions)
    .where(eq(t.frameworkVersions.programmeId, programmeId));
  return row?.v ?? 0;
}

export type ImportedValueRow = typeof t.indicatorValues.$inferInsert;

/** Records indicator values (actuals read from a file) in one statement. */
export async function insertIndicatorValues(db: DbOrTx, rows: ImportedValueRow[]): Promise<void> {
  if (rows.length) await db.insert(t.indicatorValues).values(rows);
}

/** A programme's budget lines summed by agency (its code; '' for lines without one) and year, in USD. */
export async function budgetByAgencyAndYear(
  db: DbOrTx,
  programmeId: string,
): Promise<{ agency: string; year: number; amount: number }[]> {
  const rows = await db
    .select({
      agency: t.organisations.code,
      year: t.budgetAmounts.year,
      amount: sql<string>`sum(${t.budgetAmounts.amountUsd})`,
    })
    .from(t.budgetAmounts)
    .innerJoin(t.budgetLines, eq(t.budgetLines.id, t.budgetAmounts.budgetLineId))
    .leftJoin(t.organisations, eq(t.organisations.id, t.budgetLines.agencyId))
    .where(eq(t.budgetLines.programmeId, programmeId))
    .groupBy(t.organisations.code, t.budgetAmounts.year);
  return rows.map((r) => ({ agency: r.agency ?? '', year: r.year, amount: Number(r.amount) }));
}
