/** react-query hooks and writes for a programme's money, work plan and governance. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type {
  BudgetLine,
  BudgetLineCreate,
  BudgetLinePatch,
  BudgetView,
} from '../../core/contracts/finance/budget.js';
import type {
  Expenditure,
  ExpenditureCreate,
  ExpenditureImportResult,
} from '../../core/contracts/finance/expenditure.js';
import type { FinanceOverview } from '../../core/contracts/finance/delivery.js';
import type { CatalyticFunding, CatalyticFundingCreate } from '../../core/contracts/finance/catalytic.js';
import type {
  WorkPlanActivity,
  WorkPlanActivityPatch,
  WorkPlanView,
} from '../../core/contracts/finance/workplan.js';
import type {
  GovernanceItem,
  GovernanceItemCreate,
  GovernanceItemPatch,
  GovernanceView,
  Meeting,
  MeetingCreate,
} from '../../core/contracts/finance/governance.js';
import { apiGet } from './client.js';
import { apiSend } from './write.js';

const enc = encodeURIComponent;
const base = (slug: string) => `/api/v1/programmes/${enc(slug)}`;

export const financeKeys = {
  all: ['finance'] as const,
  programme: (slug: string) => [...financeKeys.all, slug] as const,
  overview: (slug: string, asOf: string | undefined) =>
    [...financeKeys.programme(slug), 'overview', asOf ?? 'today'] as const,
  budget: (slug: string) => [...financeKeys.programme(slug), 'budget'] as const,
  workPlan: (slug: string) => [...financeKeys.programme(slug), 'workplan'] as const,
  expenditures: (slug: string) => [...financeKeys.programme(slug), 'expenditures'] as const,
  governance: (slug: string) => [...financeKeys.programme(slug), 'governance'] as const,
  catalytic: (slug: string) => [...financeKeys.programme(slug), 'catalytic'] as const,
};

export const financeOverviewQuery = (slug: string, asOf: string | undefined) =>
  queryOptions({
    queryKey: financeKeys.overview(slug, asOf),
    queryFn: ({ signal }) =>
      apiGet<FinanceOverview>(`${base(slug)}/finance${asOf ? `?asOf=${asOf}` : ''}`, signal),
  });
export const budgetQuery = (slug: string) =>
  queryOptions({
    queryKey: financeKeys.budget(slug),
    queryFn: ({ signal }) => apiGet<BudgetView>(`${base(slug)}/budget`, signal),
  });
export const workPlanQuery = (slug: string) =>
  queryOptions({
    queryKey: financeKeys.workPlan(slug),
    queryFn: ({ signal }) => apiGet<WorkPlanView>(`${base(slug)}/workplan`, signal),
  });
export const expendituresQuery = (slug: string) =>
  queryOptions({
    queryKey: financeKeys.expenditures(slug),
    queryFn: ({ signal }) => apiGet<{ items: Expenditure[] }>(`${base(slug)}/expenditures`, signal),
  });
export const governanceQuery = (slug: string) =>
  queryOptions({
    queryKey: financeKeys.governance(slug),
    queryFn: ({ signal }) => apiGet<GovernanceView>(`${base(slug)}/governance`, signal),
  });
export const catalyticQuery = (slug: string) =>
  queryOptions({
    queryKey: financeKeys.catalytic(slug),
    queryFn: ({ signal }) => apiGet<{ items: CatalyticFunding[] }>(`${base(slug)}/catalytic-funding`, signal),
  });

export const useFinanceOverview = (slug: string, asOf: string | undefined) =>
  useQuery(financeOverviewQuery(slug, asOf));
export const useBudget = (slug: string) => useQuery(budgetQuery(slug));
export const useWorkPlan = (slug: string) => useQuery(workPlanQuery(slug));
export const useExpenditures = (slug: string) => useQuery(expendituresQuery(slug));
export const useGovernance = (slug: string) => useQuery(governanceQuery(slug));
export const useCatalytic = (slug: string) => useQuery(catalyticQuery(slug));

/** Where the Excel files are: the finance workbook and the expenditure template, in a language. */
export const financeExportUrl = (slug: string, asOf: string | undefined, lang: string) =>
  `${base(slug)}/finance/export?lang=${lang}${asOf ? `&asOf=${asOf}` : ''}`;
export const expenditureTemplateUrl = (slug: string, lang: string) =>
  `${base(slug)}/expenditures/template?lang=${lang}`;

// ---- writes ----

/** A JSON write under the same origin (`write.ts`): the answer's body or an ApiError. */
const financeSend = apiSend;

export const createBudgetLine = (slug: string, body: BudgetLineCreate) =>
  financeSend<BudgetLine>('POST', `${base(slug)}/budget-lines`, body);
export const updateBudgetLine = (id: string, body: BudgetLinePatch) =>
  financeSend<BudgetLine>('PATCH', `/api/v1/budget-lines/${enc(id)}`, body);
export const deleteBudgetLine = (id: string) =>
  financeSend<null>('DELETE', `/api/v1/budget-lines/${enc(id)}`);
export const createExpenditure = (slug: string, body: ExpenditureCreate) =>
  financeSend<Expenditure>('POST', `${base(slug)}/expenditures`, body);
export const deleteExpenditure = (id: string) =>
  financeSend<null>('DELETE', `/api/v1/expenditures/${enc(id)}`);
export const importExpenditure = (
  slug: string,
  body: { fileName: string; content: string; dryRun: boolean },
) => financeSend<ExpenditureImportResult>('POST', `${base(slug)}/expenditures/import`, body);
export const updateActivity = (id: string, body: WorkPlanActivityPatch) =>
  financeSend<WorkPlanActivity>('PATCH', `/api/v1/workplan-activities/${enc(id)}`, body);
export const createCatalytic = (slug: string, body: CatalyticFundingCreate) =>
  financeSend<CatalyticFunding>('POST', `${base(slug)}/catalytic-funding`, body);
export const deleteCatalytic = (id: string) =>
  financeSend<null>('DELETE', `/api/v1/catalytic-funding/${enc(id)}`);
export const createMeeting = (slug: string, body: MeetingCreate) =>
  financeSend<Meeting>('POST', `${base(slug)}/meetings`, body);
export const createItem = (meetingId: string, body: GovernanceItemCreate) =>
  financeSend<GovernanceItem>('POST', `/api/v1/meetings/${enc(meetingId)}/items`, body);
export const updateItem = (id: string, body: GovernanceItemPatch) =>
  financeSend<GovernanceItem>('PATCH', `/api/v1/governance-items/${enc(id)}`, body);

/** A file's bytes as base64, for the import request. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
