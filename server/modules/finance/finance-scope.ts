/**
 * Which programme a finance request acts on, for the access rules: rows that keep `programme_id` go through the
 * shared helper; expenses and committee decisions reach it through their line or meeting.
 */
import { eq } from 'drizzle-orm';
import * as t from '../../db/schema/index.js';
import { programmeOf, type ProgrammeScope } from '../auth/programme-scope.js';

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
    const [row] = await db
      .select({ id: t.budgetLines.programmeId })
      .from(t.expenditures)
      .innerJoin(t.budgetLines, eq(t.budgetLines.id, t.expenditures.budgetLineId))
      .where(eq(t.expenditures.id, p.id));
    return row?.id;
  }) satisfies ProgrammeScope,
  item: (async (db, p) => {
    if (!isUuid(p.id)) return undefined;
    const [row] = await db
      .select({ id: t.governanceMeetings.programmeId })
      .from(t.governanceItems)
      .innerJoin(t.governanceMeetings, eq(t.governanceMeetings.id, t.governanceItems.meetingId))
      .where(eq(t.governanceItems.id, p.id));
    return row?.id;
  }) satisfies ProgrammeScope,
};
