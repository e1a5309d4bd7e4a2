/**
 * What every money, work-plan and governance service needs to know about a programme: its row, its recipients
 * and donors by code, and the outcome and output codes of its results framework (all versions), with the
 * statements of the version in force.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { LocalizedText } from '../../../core/contracts/programme-document.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { inForceVersion, presentOrganisation, text } from '../programmes/programmes.presenter.js';
import { findProgrammeBySlug, participantsOf } from '../programmes/programmes.queries.js';

export type ProgrammeRow = t.ProgrammeRow;
export type OrganisationRow = t.OrganisationRow;

export interface FinanceProgramme {
  row: ProgrammeRow;
  recipients: Map<string, OrganisationRow>;
  donors: Map<string, OrganisationRow>;
  /** the donors' allocations, in their order */
  donorAllocations: { org: OrganisationRow; amount: number | null; note: string | null }[];
  /** output code → outcome code, over every framework version */
  outputs: Map<string, string>;
  outcomes: Set<string>;
  /** statements of the version in force (else the latest), by code */
  outcomeStatements: Map<string, LocalizedText>;
  outputStatements: Map<string, LocalizedText>;
  hasFramework: boolean;
}

export const todayOf = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

export async function programmeOr404(db: DbOrTx, slug: string): Promise<ProgrammeRow> {
  const row = await findProgrammeBySlug(db, slug);
  if (!row) throw notFound('Programme', slug);
  return row;
}

/** The programme with its recipients, donors and framework codes. */
export async function loadFinanceProgramme(
  db: DbOrTx,
  row: ProgrammeRow,
  today: string,
): Promise<FinanceProgramme> {
  const [participants, versions] = await Promise.all([
    participantsOf(db, [row.id], ['recipient', 'donor']),
    db
      .select()
      .from(t.frameworkVersions)
      .where(eq(t.frameworkVersions.programmeId, row.id))
      .orderBy(asc(t.frameworkVersions.effectiveDate), asc(t.frameworkVersions.version)),
  ]);
  const recipients = new Map<string, OrganisationRow>();
  const donors = new Map<string, OrganisationRow>();
  const donorAllocations: FinanceProgramme['donorAllocations'] = [];
  for (const p of participants) {
    if (p.role === 'recipient') recipients.set(p.org.code, p.org);
    if (p.role === 'donor') {
      donors.set(p.org.code, p.org);
      donorAllocations.push({ org: p.org, amount: p.amount, note: p.note });
    }
  }
  const outputs = new Map<string, string>();
  const outcomes = new Set<string>();
  const outcomeStatements = new Map<string, LocalizedText>();
  const outputStatements = new Map<string, LocalizedText>();
  if (versions.length) {
    const ids = versions.map((v) => v.id);
    const [outcomeRows, outputRows] = await Promise.all([
      db
        .select({
          id: t.outcomes.id,
          versionId: t.outcomes.frameworkVersionId,
          code: t.outcomes.code,
          fr: t.outcomes.statementFr,
          en: t.outcomes.statementEn,
        })
        .from(t.outcomes)
        .where(inArray(t.outcomes.frameworkVersionId, ids)),
      db
        .select({
          outcomeId: t.outputs.outcomeId,
          versionId: t.outputs.frameworkVersionId,
          code: t.outputs.code,
          fr: t.outputs.statementFr,
          en: t.outputs.statementEn,
        })
        .from(t.outputs)
        .where(inArray(t.outputs.frameworkVersionId, ids)),
    ]);
    const outcomeCodeById = new Map(outcomeRows.map((o) => [o.id, o.code]));
    const chosen = inForceVersion(versions, today) ?? versions.at(-1)!;
    // older versions first, so that the statements of the version in force win
    const order = (versionId: string) => (versionId === chosen.id ? 1 : 0);
    for (const o of [...outcomeRows].sort((a, b) => order(a.versionId) - order(b.versionId))) {
      outcomes.add(o.code);
      outcomeStatements.set(o.code, text(o.fr, o.en));
    }
    for (const o of [...outputRows].sort((a, b) => order(a.versionId) - order(b.versionId))) {
      const outcome = outcomeCodeById.get(o.outcomeId);
      if (outcome) outputs.set(o.code, outcome);
      outputStatements.set(o.code, text(o.fr, o.en));
    }
  }
  return {
    row,
    recipients,
    donors,
    donorAllocations,
    outputs,
    outcomes,
    outcomeStatements,
    outputStatements,
    hasFramework: versions.length > 0,
  };
}

/** Organisations by id (for presenting lines). */
export async function organisationsById(db: DbOrTx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, ReturnType<typeof presentOrganisation>>();
  const rows = await db.select().from(t.organisations).where(inArray(t.organisations.id, wanted));
  return new Map(rows.map((r) => [r.id, presentOrganisation(r)]));
}

/** Organisations by code. */
export async function organisationsByCode(db: DbOrTx, codes: string[]) {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return new Map<string, OrganisationRow>();
  const rows = await db.select().from(t.organisations).where(inArray(t.organisations.code, wanted));
  return new Map(rows.map((r) => [r.code, r]));
}

const round2 = (v: number) => Math.round(v * 100) / 100;
/** Sums amounts in cents, so that 0.1 + 0.2 stays 0.3 over thousands of lines. */
export function sumMoney(values: Iterable<number>): number {
  let cents = 0;
  for (const v of values) cents += Math.round(v * 100);
  return cents / 100;
}
export { round2 };

/** Appends to the list under a key (a map of lists, built in linear time). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
