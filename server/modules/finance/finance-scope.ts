/**
 * Which programme a finance request acts on, for the access rules: rows that keep `programme_id` go through the
 * shared helper; expenses and committee decisions reach it through their line or meeting.
 */
import { programmeOf, type ProgrammeScope } from '../auth/programme-scope.js';
import { programmeIdOfExpense } from './budget.queries.js';
import { programmeIdOfItem } from './governance.queries.js';

const isUuid = (v: string | undefined): v is string =>
  !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

export const financeScope = {
  slug: programmeOf.slug(),
  budgetLine: programmeOf.table('budget_lines'),
  activity: programmeOf.table('workplan_activities'),
  catalytic: programmeOf.table('catalytic_funding'),
  meeting: programmeOf.table('governance_meetings'),
  expenditure: (async (db, p) => {
    if (!isUuid(p.id)) return undefined;
    return programmeIdOfExpense(db, p.id);
  }) satisfies ProgrammeScope,
  item: (async (db, p) => {
    if (!isUuid(p.id)) return undefined;
    return programmeIdOfItem(db, p.id);
  }) satisfies ProgrammeScope,
};
