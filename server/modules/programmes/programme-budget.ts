/**
 * The budget of record of programmes (issue 14, item 3): the one service every reader of a budget calls — the
 * portfolio and the programme's header here, the finance tabs, the PBF report's header and the IATI export
 * above. The rule is `summariseBudget` (core/finance/budget-summary.ts); this reads what it needs. It lives in
 * programmes, the lowest module that shows a budget (ARCHITECTURE.md, "Module order"); finance re-exports it.
 */
import type { ProgrammeBudget } from '../../../core/contracts/programme-api.js';
import { summariseBudget } from '../../../core/finance/budget-summary.js';
import { groupBy } from '../../../core/lib/group-by.js';
import type { DbOrTx } from '../../db/client.js';
import { presentOrganisation } from './programmes.presenter.js';
import type { ParticipantRow } from './programmes.queries.js';
import { budgetLineFigures } from './programme-budget.queries.js';

/** What the budget needs of a participant (the portfolio reads fewer columns than the page). */
export type BudgetParticipant = Pick<ParticipantRow, 'programmeId' | 'role' | 'amount' | 'org'>;

/**
 * The budgets of record of the given programmes, from their participants (recipients with their stated
 * amounts, donors with their allocations) and their budget lines. `all` reads the lines of every programme
 * in one query (the portfolio).
 */
export async function budgetsOf(
  db: DbOrTx,
  programmeIds: string[] | 'all',
  participants: BudgetParticipant[],
): Promise<Map<string, ProgrammeBudget>> {
  const { amounts, lineCounts } = await budgetLineFigures(
    db,
    programmeIds === 'all' ? undefined : programmeIds,
  );
  const amountsBy = groupBy(amounts, (a) => a.programmeId);
  const participantsBy = groupBy(participants, (p) => p.programmeId);
  const ids =
    programmeIds === 'all' ? [...new Set([...participantsBy.keys(), ...lineCounts.keys()])] : programmeIds;
  return new Map(
    ids.map((id) => {
      const parts = participantsBy.get(id) ?? [];
      return [
        id,
        summariseBudget({
          lineAmounts: amountsBy.get(id) ?? [],
          lineCount: lineCounts.get(id) ?? 0,
          recipients: parts
            .filter((p) => p.role === 'recipient')
            .map((p) => ({ organisation: presentOrganisation(p.org), stated: p.amount })),
          donors: parts
            .filter((p) => p.role === 'donor')
            .map((p) => ({ organisation: presentOrganisation(p.org), amount: p.amount })),
        }),
      ];
    }),
  );
}

/** The budget of one programme. */
export async function budgetOf(
  db: DbOrTx,
  programmeId: string,
  participants: BudgetParticipant[],
): Promise<ProgrammeBudget> {
  return (await budgetsOf(db, [programmeId], participants)).get(programmeId)!;
}

/** A programme with nothing: no line, no recipient. */
export const noBudget = (): ProgrammeBudget =>
  summariseBudget({ lineAmounts: [], lineCount: 0, recipients: [], donors: [] });
