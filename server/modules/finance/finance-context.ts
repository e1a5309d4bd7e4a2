/**
 * What every money, work-plan and governance service needs to know about a programme: its row, its recipients
 * and donors by code, and the outcome and output codes of its results framework (all versions), with the
 * statements of the version in force.
 */
import type { LocalizedText } from '../../../core/contracts/programme-document.js';
import type { DbOrTx } from '../../db/client.js';
import type * as t from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { inForceVersion, presentOrganisation, text } from '../programmes/programmes.presenter.js';
import { participantsOf, programmeBySlugOr404 } from '../programmes/programmes.queries.js';
import {
  frameworkVersionsOf,
  organisationRowsByCodes,
  organisationRowsByIds,
  outcomeStatementsIn,
  outputStatementsIn,
} from './finance.queries.js';

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

/**
 * @deprecated use `programmeBySlugOr404` (programmes.queries.ts): kept, as the same function, only until
 * expenditure.service.ts (another piece of work in progress) calls it directly.
 */
export const programmeOr404 = programmeBySlugOr404;

/** The programme with its recipients, donors and framework codes. */
export async function loadFinanceProgramme(
  db: DbOrTx,
  row: ProgrammeRow,
  today: string,
): Promise<FinanceProgramme> {
  const [participants, versions] = await Promise.all([
    participantsOf(db, [row.id], ['recipient', 'donor']),
    frameworkVersionsOf(db, row.id),
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
      outcomeStatementsIn(db, ids),
      outputStatementsIn(db, ids),
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
  const rows = await organisationRowsByIds(db, wanted);
  return new Map(rows.map((r) => [r.id, presentOrganisation(r)]));
}

/** Organisations by code. */
export async function organisationsByCode(db: DbOrTx, codes: string[]) {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return new Map<string, OrganisationRow>();
  const rows = await organisationRowsByCodes(db, wanted);
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
