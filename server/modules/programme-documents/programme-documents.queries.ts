/** The reads and writes of a whole programme document: its import (one transaction) and its export. */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { OrganisationInput } from '../../../core/contracts/programme-document.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

/** Creates the organisations whose code is new (the others stay as they are); returns code → id of those created. */
export async function upsertOrganisations(
  tx: DbOrTx,
  orgs: OrganisationInput[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (orgs.length === 0) return ids;
  const rows = await tx
    .insert(t.organisations)
    .values(
      orgs.map((o) => ({
        code: o.code,
        kind: o.kind,
        nameFr: o.name.fr,
        nameEn: o.name.en ?? null,
        acronymFr: o.acronym?.fr ?? null,
        acronymEn: o.acronym?.en ?? null,
        iatiRefs: o.iatiRefs ?? [],
        iatiType: o.iatiType ?? null,
      })),
    )
    .onConflictDoNothing({ target: t.organisations.code })
    .returning({ id: t.organisations.id, code: t.organisations.code });
  for (const r of rows) ids.set(r.code, r.id);
  return ids;
}

/** The ids of the organisations with these codes, by code (codes nobody has are absent). */
export async function organisationIdsByCode(tx: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await tx
    .select({ id: t.organisations.id, code: t.organisations.code })
    .from(t.organisations)
    .where(inArray(t.organisations.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The ids of the programmes with these codes, by code (codes nobody has are absent). */
export async function programmeIdsByCode(tx: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: t.programmes.id, code: t.programmes.code })
    .from(t.programmes)
    .where(inArray(t.programmes.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Inserts a programme's row; undefined when a programme already has its code. */
export function insertProgrammeRow(tx: DbOrTx, values: typeof t.programmes.$inferInsert) {
  return tx
    .insert(t.programmes)
    .values(values)
    .onConflictDoNothing({ target: t.programmes.code })
    .returning({ id: t.programmes.id })
    .then((rows) => rows[0]);
}

export async function insertParticipants(
  tx: DbOrTx,
  values: (typeof t.programmeParticipants.$inferInsert)[],
): Promise<void> {
  await tx.insert(t.programmeParticipants).values(values);
}

export async function insertFinancialSnapshots(
  tx: DbOrTx,
  values: (typeof t.financialSnapshots.$inferInsert)[],
): Promise<void> {
  await tx.insert(t.financialSnapshots).values(values);
}

export async function insertCofundingLinks(
  tx: DbOrTx,
  values: (typeof t.programmeCofunding.$inferInsert)[],
): Promise<void> {
  await tx.insert(t.programmeCofunding).values(values);
}

export async function insertIndicatorValues(
  tx: DbOrTx,
  values: (typeof t.indicatorValues.$inferInsert)[],
): Promise<void> {
  await tx.insert(t.indicatorValues).values(values);
}

export async function insertRisks(tx: DbOrTx, values: (typeof t.risks.$inferInsert)[]): Promise<void> {
  await tx.insert(t.risks).values(values);
}

export type StoredIndicatorValue = NonNullable<(typeof t.indicatorValues.$inferSelect)['value']>;

/** Every indicator value of a programme with its indicator's code and framework version, in document order. */
export function indicatorValuesOfProgramme(db: DbOrTx, programmeId: string) {
  return db
    .select({ v: t.indicatorValues, code: t.indicators.code, version: t.frameworkVersions.version })
    .from(t.indicatorValues)
    .innerJoin(t.indicators, eq(t.indicators.id, t.indicatorValues.indicatorId))
    .innerJoin(t.frameworkVersions, eq(t.frameworkVersions.id, t.indicators.frameworkVersionId))
    .where(eq(t.frameworkVersions.programmeId, programmeId))
    .orderBy(asc(t.frameworkVersions.version), asc(t.indicators.sort), asc(t.indicatorValues.periodEnd));
}

/** The measure of each indicator, by id (the rules of its values). */
export async function measuresByIndicator(tx: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, (typeof t.indicators.$inferSelect)['measure']>();
  const rows = await tx
    .select({ id: t.indicators.id, measure: t.indicators.measure })
    .from(t.indicators)
    .where(inArray(t.indicators.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.measure]));
}

/** Adds IATI references to organisations that already exist (every reference as published is kept). */
export async function addOrganisationIatiRefs(tx: DbOrTx, orgs: OrganisationInput[]): Promise<void> {
  for (const o of orgs) {
    if (!o.iatiRefs?.length && !o.iatiType) continue;
    await tx
      .update(t.organisations)
      .set({
        iatiRefs: sql`array(select distinct r from unnest(${t.organisations.iatiRefs} || ${sql.param(o.iatiRefs ?? [])}::text[]) as r order by r)`,
        iatiType: sql`coalesce(${t.organisations.iatiType}, ${o.iatiType ?? null})`,
      })
      .where(eq(t.organisations.code, o.code));
  }
}

/** What a programme keeps of the IATI file it came from: its identifier and other identifiers. */
export async function iatiIdentifiersOfProgramme(db: DbOrTx, programmeId: string) {
  const [row] = await db
    .select({
      iatiIdentifier: t.programmes.iatiIdentifier,
      otherIdentifiers: t.programmes.iatiOtherIdentifiers,
    })
    .from(t.programmes)
    .where(eq(t.programmes.id, programmeId));
  return row;
}

/** The IATI references and type of organisations, by code. */
export async function organisationIatiRefs(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({
      code: t.organisations.code,
      iatiRefs: t.organisations.iatiRefs,
      iatiType: t.organisations.iatiType,
    })
    .from(t.organisations)
    .where(inArray(t.organisations.code, codes));
}
