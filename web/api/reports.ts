/**
 * Reports through the API: the list of a programme's reports, one report with its model, checks and history,
 * and the writes (create, autosave, submit / approve / reopen). Types come from the contracts (`import type`
 * only: Zod stays out of the browser bundle).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FieldValue,
  ReportAction,
  ReportDetail,
  ReportPatch,
  ReportSummary,
} from '../../core/contracts/report.js';
import type { AttributionsPut, ClosedPeriod, CommentCreate } from '../../core/contracts/report-workflow.js';
import type { ReportType } from '../../core/contracts/report-template.js';
import type { Locale } from '../../core/i18n/locale.js';
import { ApiError, apiGet } from './client.js';
import { apiSend } from './write.js';

const programmesBase = '/api/v1/programmes';
const reportsBase = '/api/v1/reports';

export interface ReportList {
  items: ReportSummary[];
}

export const reportKeys = {
  all: ['reports'] as const,
  list: (slug: string) => [...reportKeys.all, 'list', slug] as const,
  detail: (id: string) => [...reportKeys.all, 'detail', id] as const,
  closedPeriods: (slug: string) => [...reportKeys.all, 'closed-periods', slug] as const,
};

export function reportsQuery(slug: string) {
  return queryOptions({
    queryKey: reportKeys.list(slug),
    queryFn: ({ signal }) =>
      apiGet<ReportList>(`${programmesBase}/${encodeURIComponent(slug)}/reports`, signal),
    // others create and submit reports: a list a minute old is fine, an hour old is not
    staleTime: 30_000,
  });
}

export function reportQuery(id: string) {
  return queryOptions({
    queryKey: reportKeys.detail(id),
    queryFn: ({ signal }) => apiGet<ReportDetail>(`${reportsBase}/${encodeURIComponent(id)}`, signal),
    // an editor opens on what others wrote last, not on what this tab saw minutes ago
    staleTime: 10_000,
  });
}

export function useReports(slug: string) {
  return useQuery(reportsQuery(slug));
}

export function useReport(id: string) {
  return useQuery(reportQuery(id));
}

/**
 * `PATCH /reports/:id`: an autosave. The one write outside a mutation hook: the report saver (`web/features/
 * reports/saver.ts`) batches keystrokes, merges on a conflict and retries on its own schedule.
 */
export function patchReport(id: string, patch: ReportPatch) {
  return apiSend<ReportDetail>('PATCH', `${reportsBase}/${encodeURIComponent(id)}`, patch);
}

/** A write answering the whole report: the cache holds the answer at once, the programme's list reloads. */
function useReportWrite<A>(write: (args: A) => Promise<ReportDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (next) => {
      queryClient.setQueryData(reportKeys.detail(next.id), next);
      void queryClient.invalidateQueries({ queryKey: reportKeys.list(next.programme.slug) });
    },
  });
}

/** `POST /programmes/:slug/reports`: the new report, pre-filled from the programme's data. */
export function useCreateReport(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { type: ReportType; year: number }) =>
      apiSend<ReportDetail>('POST', `${programmesBase}/${encodeURIComponent(slug)}/reports`, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(reportKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: reportKeys.list(slug) });
    },
    onError: (error) => {
      // someone created it meanwhile: the list shows it
      if (error instanceof ApiError && error.code === 'conflict') {
        void queryClient.invalidateQueries({ queryKey: reportKeys.list(slug) });
      }
    },
  });
}

export interface ReportTransition {
  id: string;
  action: ReportAction;
  input: { version: number; reason?: string; withoutParts?: string[] };
}

/** `POST /reports/:id/submit|approve|send-back|reopen` */
export const useTransitionReport = () =>
  useReportWrite(({ id, action, input }: ReportTransition) =>
    apiSend<ReportDetail>(
      'POST',
      `${reportsBase}/${encodeURIComponent(id)}/${action.replace('_', '-')}`,
      input,
    ),
  );

/** `POST /reports/:id/parts/:agency`: an agency's part marked ready, or the mark withdrawn. */
export const useMarkPart = () =>
  useReportWrite(({ id, agency, ready }: { id: string; agency: string; ready: boolean }) =>
    apiSend<ReportDetail>(
      'POST',
      `${reportsBase}/${encodeURIComponent(id)}/parts/${encodeURIComponent(agency)}`,
      { ready },
    ),
  );

/** `PUT /reports/:id/attributions`: who writes which section (or outcome), the whole list. */
export const useSetAttributions = () =>
  useReportWrite(({ id, attributions }: { id: string; attributions: AttributionsPut['attributions'] }) =>
    apiSend<ReportDetail>('PUT', `${reportsBase}/${encodeURIComponent(id)}/attributions`, { attributions }),
  );

/** `POST /reports/:id/comments` */
export const useAddComment = () =>
  useReportWrite(({ id, input }: { id: string; input: CommentCreate }) =>
    apiSend<ReportDetail>('POST', `${reportsBase}/${encodeURIComponent(id)}/comments`, input),
  );

/** `POST /reports/:id/comments/:commentId/resolve` */
export const useResolveComment = () =>
  useReportWrite(({ id, commentId, resolved }: { id: string; commentId: string; resolved: boolean }) =>
    apiSend<ReportDetail>(
      'POST',
      `${reportsBase}/${encodeURIComponent(id)}/comments/${encodeURIComponent(commentId)}/resolve`,
      { resolved },
    ),
  );

export function closedPeriodsQuery(slug: string) {
  return queryOptions({
    queryKey: reportKeys.closedPeriods(slug),
    queryFn: ({ signal }) =>
      apiGet<{ items: ClosedPeriod[] }>(
        `${programmesBase}/${encodeURIComponent(slug)}/closed-periods`,
        signal,
      ),
  });
}

export function useClosedPeriods(slug: string) {
  return useQuery(closedPeriodsQuery(slug));
}

/** Closing or reopening a period locks or unlocks its reports: every report page must say so. */
function usePeriodWrite<A>(write: (args: A) => Promise<ClosedPeriod>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

/** `POST /programmes/:slug/closed-periods` */
export const useClosePeriod = (slug: string) =>
  usePeriodWrite((input: { start: string; end: string; reason: string }) =>
    apiSend<ClosedPeriod>('POST', `${programmesBase}/${encodeURIComponent(slug)}/closed-periods`, input),
  );

/** `POST /closed-periods/:id/reopen` */
export const useReopenPeriod = () =>
  usePeriodWrite(({ id, reason }: { id: string; reason: string }) =>
    apiSend<ClosedPeriod>('POST', `/api/v1/closed-periods/${encodeURIComponent(id)}/reopen`, { reason }),
  );

/** Where the Word or PDF document of a report is, in a language. */
export function reportExportUrl(id: string, format: 'docx' | 'pdf', lang: Locale): string {
  return `${reportsBase}/${encodeURIComponent(id)}/export?format=${format}&lang=${lang}`;
}

/** What a 409 on an autosave carries: the report as it is now, and each place both sides changed. */
export interface ReportConflict {
  report: ReportDetail;
  conflicts: { path: string; mine: FieldValue; theirs: FieldValue }[];
}

function isReportDetail(value: unknown): value is ReportDetail {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    'version' in value &&
    'model' in value &&
    typeof (value as { version: unknown }).version === 'number'
  );
}

/**
 * The current report a `version_conflict` carries: `{ report, conflicts }` for an autosave, the report itself
 * for a status change; null for any other error.
 */
export function conflictOf(error: unknown): ReportConflict | null {
  if (!(error instanceof ApiError) || error.code !== 'version_conflict') return null;
  const current = error.body?.error.current;
  if (typeof current === 'object' && current !== null && 'report' in current && 'conflicts' in current) {
    const { report, conflicts } = current as { report: unknown; conflicts: unknown };
    if (isReportDetail(report) && Array.isArray(conflicts)) {
      return { report, conflicts: conflicts as ReportConflict['conflicts'] };
    }
  }
  if (isReportDetail(current)) return { report: current, conflicts: [] };
  return null;
}
