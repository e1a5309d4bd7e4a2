/** react-query hooks (reads and writes) for a programme's money, work plan and governance. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BudgetLine,
  BudgetLineCreate,
  BudgetLinePatch,
  BudgetView,
} from '../../core/contracts/finance/budget.js';
import type { Expenditure, ExpenditureCreate } from '../../core/contracts/finance/expenditure.js';
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
// Each write is a mutation hook: it reloads what it changes (everything shown about the programme's money, as
// budget, spending, work plan and delivery figures depend on each other), so a page only calls `mutate`.

/** A write under the same origin (`write.ts`) that, once done, reloads this programme's money. */
function useFinanceWrite<A, R>(slug: string, write: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: financeKeys.programme(slug) }),
  });
}

/** `POST /programmes/:slug/budget-lines` */
export const useCreateBudgetLine = (slug: string) =>
  useFinanceWrite(slug, (body: BudgetLineCreate) =>
    apiSend<BudgetLine>('POST', `${base(slug)}/budget-lines`, body),
  );
/** `PATCH /budget-lines/:id` */
export const useUpdateBudgetLine = (slug: string) =>
  useFinanceWrite(slug, ({ id, body }: { id: string; body: BudgetLinePatch }) =>
    apiSend<BudgetLine>('PATCH', `/api/v1/budget-lines/${enc(id)}`, body),
  );
/** `DELETE /budget-lines/:id` */
export const useDeleteBudgetLine = (slug: string) =>
  useFinanceWrite(slug, (id: string) => apiSend<null>('DELETE', `/api/v1/budget-lines/${enc(id)}`));
/** `POST /programmes/:slug/expenditures` */
export const useCreateExpenditure = (slug: string) =>
  useFinanceWrite(slug, (body: ExpenditureCreate) =>
    apiSend<Expenditure>('POST', `${base(slug)}/expenditures`, body),
  );
/** `DELETE /expenditures/:id` */
export const useDeleteExpenditure = (slug: string) =>
  useFinanceWrite(slug, (id: string) => apiSend<null>('DELETE', `/api/v1/expenditures/${enc(id)}`));
/** `PATCH /workplan-activities/:id`: an activity's follow-up (status, progress, dates, note). */
export const useUpdateWorkPlanActivity = (slug: string) =>
  useFinanceWrite(slug, ({ id, body }: { id: string; body: WorkPlanActivityPatch }) =>
    apiSend<WorkPlanActivity>('PATCH', `/api/v1/workplan-activities/${enc(id)}`, body),
  );
/** `POST /programmes/:slug/catalytic-funding` */
export const useCreateCatalytic = (slug: string) =>
  useFinanceWrite(slug, (body: CatalyticFundingCreate) =>
    apiSend<CatalyticFunding>('POST', `${base(slug)}/catalytic-funding`, body),
  );
/** `DELETE /catalytic-funding/:id` */
export const useDeleteCatalytic = (slug: string) =>
  useFinanceWrite(slug, (id: string) => apiSend<null>('DELETE', `/api/v1/catalytic-funding/${enc(id)}`));
/** `POST /programmes/:slug/meetings` */
export const useCreateMeeting = (slug: string) =>
  useFinanceWrite(slug, (body: MeetingCreate) => apiSend<Meeting>('POST', `${base(slug)}/meetings`, body));
/** `POST /meetings/:id/items`: a decision or recommendation tabled at a meeting. */
export const useCreateGovernanceItem = (slug: string) =>
  useFinanceWrite(slug, ({ meetingId, body }: { meetingId: string; body: GovernanceItemCreate }) =>
    apiSend<GovernanceItem>('POST', `/api/v1/meetings/${enc(meetingId)}/items`, body),
  );
/** `PATCH /governance-items/:id`: its follow-up. */
export const useUpdateGovernanceItem = (slug: string) =>
  useFinanceWrite(slug, ({ id, body }: { id: string; body: GovernanceItemPatch }) =>
    apiSend<GovernanceItem>('PATCH', `/api/v1/governance-items/${enc(id)}`, body),
  );

/** Reads this programme's money again (after a conflict, to show what someone else saved). */
export function useRefreshFinance(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: financeKeys.programme(slug) });
}
