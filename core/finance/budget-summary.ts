/**
 * A programme's budget of record, as one pure rule that every reader goes through (issue 14, item 3):
 * - the budget lines when the programme has any (their years summed; per agency by the line's recipient
 *   agency, what no recipient carries is `unattributed`);
 * - else the amounts the programme's header states for its recipients;
 * - else nothing (total 0, source `none`).
 * By donor: what the lines charge to each donor when at least one line names a donor, else the donors'
 * allocations (the programme's donors with their amounts, summed per organisation). What is not allocated is
 * always total − allocated, so that allocated + unallocated = total.
 * Money is summed in cents.
 */
import type { OrganisationRef, ProgrammeBudget } from '../contracts/programme-api.js';

export interface BudgetSummaryInput {
  /** the budget lines' amounts, grouped in any way (one row per line × year at most), in USD */
  lineAmounts: { agencyId: string | null; donorId: string | null; year: number; amount: number }[];
  /** how many budget lines the programme has */
  lineCount: number;
  /** the recipients in the programme's order, with the amount the header states for each */
  recipients: { organisation: OrganisationRef; stated: number | null }[];
  /** the donors' allocations, in the programme's order (an organisation may have several) */
  donors: { organisation: OrganisationRef; amount: number | null }[];
}

const toCents = (v: number) => Math.round(v * 100);
const fromCents = (c: number) => c / 100;

function addTo<K>(map: Map<K, number>, key: K, cents: number) {
  map.set(key, (map.get(key) ?? 0) + cents);
}

export function summariseBudget(input: BudgetSummaryInput): ProgrammeBudget {
  const fromLines = input.lineCount > 0;
  let totalCents = 0;
  const agencyCents = new Map<string, number>();
  const donorLineCents = new Map<string, number>();
  const yearCents = new Map<number, number>();
  if (fromLines)
    for (const a of input.lineAmounts) {
      const c = toCents(a.amount);
      totalCents += c;
      if (a.agencyId) addTo(agencyCents, a.agencyId, c);
      if (a.donorId) addTo(donorLineCents, a.donorId, c);
      addTo(yearCents, a.year, c);
    }
  else for (const r of input.recipients) totalCents += toCents(r.stated ?? 0);

  const source: ProgrammeBudget['source'] = fromLines
    ? 'budget_lines'
    : input.recipients.some((r) => r.stated !== null)
      ? 'stated'
      : 'none';

  const byAgency = input.recipients.map((r) => ({
    organisation: r.organisation,
    amount: fromLines
      ? agencyCents.has(r.organisation.id)
        ? fromCents(agencyCents.get(r.organisation.id)!)
        : 0
      : r.stated,
  }));
  const attributedCents = byAgency.reduce((s, a) => s + toCents(a.amount ?? 0), 0);

  // donors: one row per organisation, in the order they first appear
  const donorOrgs = new Map<string, OrganisationRef>();
  for (const d of input.donors)
    if (!donorOrgs.has(d.organisation.id)) donorOrgs.set(d.organisation.id, d.organisation);
  const linesNameDonors = fromLines && donorLineCents.size > 0;
  const allocationCents = new Map<string, number>();
  for (const d of input.donors)
    if (d.amount !== null) addTo(allocationCents, d.organisation.id, toCents(d.amount));
  const donorSource: ProgrammeBudget['donorSource'] = linesNameDonors
    ? 'budget_lines'
    : allocationCents.size > 0
      ? 'allocations'
      : 'none';
  const donorCents = linesNameDonors ? donorLineCents : allocationCents;
  const byDonor = [...donorOrgs.values()]
    .filter((o) => donorCents.has(o.id))
    .map((o) => ({ organisation: o, amount: fromCents(donorCents.get(o.id)!) }));
  const allocatedCents = byDonor.reduce((s, d) => s + toCents(d.amount), 0);

  return {
    source,
    total: fromCents(totalCents),
    lines: input.lineCount,
    byAgency,
    unattributed: fromCents(totalCents - attributedCents),
    byDonor,
    donorSource,
    allocated: fromCents(allocatedCents),
    unallocated: fromCents(totalCents - allocatedCents),
    byYear: [...yearCents.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, c]) => ({ year, amount: fromCents(c) })),
  };
}
