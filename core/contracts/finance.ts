// Transitional: the finance contracts at their old path, for files still importing it; import core/contracts/finance/*.ts.
export * from './finance/fields.js';
export * from './finance/workplan-document.js';
export * from './finance/budget.js';
export * from './finance/expenditure.js';
export * from './finance/delivery.js';
export * from './finance/catalytic.js';
export * from './finance/workplan.js';
export * from './finance/governance.js';
export {
  activityStatuses,
  budgetLineKinds,
  followUpStatuses,
  governanceBodies,
  governanceItemKinds,
  statedTotalScopes,
  type ActivityStatus,
  type BudgetLineKind,
  type FollowUpStatus,
  type GovernanceBody,
  type GovernanceItemKind,
  type StatedTotalScope,
} from './finance-vocabulary.js';
