/**
 * The words of money, work plans and governance, as plain data: finance.ts builds its Zod schemas from them,
 * and the web reads them without pulling Zod into the browser.
 */

export const budgetLineKinds = ['activity', 'technical_support', 'management', 'indirect'] as const;
export type BudgetLineKind = (typeof budgetLineKinds)[number];
/** Printed sub-totals: of an output, of an outcome, of all activities, of the budget, and the grand total. */
export const statedTotalScopes = ['output', 'outcome', 'activities', 'budget', 'grand_total'] as const;
export type StatedTotalScope = (typeof statedTotalScopes)[number];
export const activityStatuses = ['planned', 'in_progress', 'completed', 'delayed', 'cancelled'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
export const governanceBodies = [
  'steering_committee',
  'technical_committee',
  'regional_forum',
  'other',
] as const;
export type GovernanceBody = (typeof governanceBodies)[number];
export const governanceItemKinds = ['decision', 'recommendation'] as const;
export type GovernanceItemKind = (typeof governanceItemKinds)[number];
export const followUpStatuses = ['open', 'in_progress', 'implemented', 'not_implemented'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
