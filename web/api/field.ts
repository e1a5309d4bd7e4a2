/**
 * Field data over the API: activities and their attachments, places of Mali, indicator data, dashboards and
 * imports. Reads are react-query options; writes are mutation hooks (through `write.ts`, with the CSRF token).
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActivityDetail, ActivityList, AreaRef, Attachment } from '../../core/contracts/activities.js';
import type { PortfolioDashboard, ProgrammeDashboard } from '../../core/contracts/dashboards.js';
import type { IndicatorData, IndicatorRuleInput } from '../../core/contracts/indicator-data.js';
import type { QuarterlyReport } from '../../core/contracts/quarterly-report.js';
import { defaultLocale, isLocale, type Locale } from '../../core/i18n/locale.js';
import { apiGet } from './client.js';
import { financeKeys } from './finance.js';
import { apiSend } from './write.js';

/**
 * The reader's language, sent with every request: the server words computed values ("872 dont 556 femmes")
 * and error messages in it. `document.documentElement.lang` follows the language switch (i18n.ts).
 */
export function lang(): Locale {
  const language = typeof document === 'undefined' ? undefined : document.documentElement.lang;
  return isLocale(language) ? language : defaultLocale;
}
const withLang = (path: string) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang()}`;

export const fieldKeys = {
  all: ['field'] as const,
  activities: (slug: string, params: string) =>
    [...fieldKeys.all, 'activities', slug, params, lang()] as const,
  activity: (id: string) => [...fieldKeys.all, 'activity', id, lang()] as const,
  dashboard: (slug: string, period: string) => [...fieldKeys.all, 'dashboard', slug, period, lang()] as const,
  portfolio: (period: string) => [...fieldKeys.all, 'portfolio', period, lang()] as const,
  indicator: (id: string, params: string) => [...fieldKeys.all, 'indicator', id, params, lang()] as const,
  areas: (q: string) => [...fieldKeys.all, 'areas', q] as const,
  quarterly: (slug: string, quarter: string) =>
    [...fieldKeys.all, 'quarterly', slug, quarter, lang()] as const,
};

const enc = encodeURIComponent;

export function activitiesQuery(slug: string, params: URLSearchParams) {
  const search = params.toString();
  return queryOptions({
    queryKey: fieldKeys.activities(slug, search),
    queryFn: ({ signal }) =>
      apiGet<ActivityList>(
        withLang(`/api/v1/programmes/${enc(slug)}/activities${search ? `?${search}` : ''}`),
        signal,
      ),
  });
}

export function activityQuery(id: string) {
  return queryOptions({
    queryKey: fieldKeys.activity(id),
    queryFn: ({ signal }) => apiGet<ActivityDetail>(withLang(`/api/v1/activities/${enc(id)}`), signal),
  });
}

export function programmeDashboardQuery(slug: string, period: string) {
  return queryOptions({
    queryKey: fieldKeys.dashboard(slug, period),
    queryFn: ({ signal }) =>
      apiGet<ProgrammeDashboard>(
        withLang(`/api/v1/programmes/${enc(slug)}/dashboard${period ? `?period=${enc(period)}` : ''}`),
        signal,
      ),
  });
}

export function portfolioDashboardQuery(period: string) {
  return queryOptions({
    queryKey: fieldKeys.portfolio(period),
    queryFn: ({ signal }) =>
      apiGet<PortfolioDashboard>(
        withLang(`/api/v1/dashboard${period ? `?period=${enc(period)}` : ''}`),
        signal,
      ),
  });
}

export function indicatorDataQuery(id: string, params: URLSearchParams) {
  const search = params.toString();
  return queryOptions({
    queryKey: fieldKeys.indicator(id, search),
    queryFn: ({ signal }) =>
      apiGet<IndicatorData>(
        withLang(`/api/v1/indicators/${enc(id)}/data${search ? `?${search}` : ''}`),
        signal,
      ),
  });
}

export function areasQuery(q: string) {
  return queryOptions({
    queryKey: fieldKeys.areas(q),
    queryFn: ({ signal }) =>
      apiGet<{ items: (AreaRef & { parentCode: string | null })[] }>(
        `/api/v1/geography/areas?q=${enc(q)}&limit=12`,
        signal,
      ),
    enabled: q.trim().length >= 2,
    staleTime: Infinity,
  });
}

/**
 * Every region, cercle and commune of Mali (763 areas, ~10 KB compressed), read once and searched on the
 * device: the place search of the activity form works offline from the copy the service worker keeps.
 */
export function allAreasQuery() {
  return queryOptions({
    queryKey: fieldKeys.areas('*'),
    queryFn: ({ signal }) =>
      apiGet<{ items: (AreaRef & { parentCode: string | null })[] }>(
        '/api/v1/geography/areas?limit=1000',
        signal,
      ),
    staleTime: Infinity,
  });
}

export function quarterlyQuery(slug: string, quarter: string) {
  return queryOptions({
    queryKey: fieldKeys.quarterly(slug, quarter),
    queryFn: ({ signal }) =>
      apiGet<QuarterlyReport>(
        withLang(`/api/v1/programmes/${enc(slug)}/quarterly-report?quarter=${enc(quarter)}`),
        signal,
      ),
  });
}

// ---- writes ----
// Each write is a mutation hook that reloads what it changes; the activity import's steps below are plain
// functions until the one import flow replaces that page.

/** A write under the same origin in the reader's language: JSON, or raw bytes (a file) — see `write.ts`. */
function fieldSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: { raw?: Blob } = {},
): Promise<T> {
  return apiSend<T>(method, withLang(path), body, options);
}

/** A write after which field data (activities, indicator data, dashboards, quarterly reports) is read again. */
function useFieldWrite<A, R>(
  write: (args: A) => Promise<R>,
  changes: () => readonly unknown[] = () => fieldKeys.all,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: changes() }),
  });
}

/** An activity's write: field data, and the work plans, whose planned activities follow the field. */
function useActivityWrite<A, R>(write: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: fieldKeys.all }),
        queryClient.invalidateQueries({ queryKey: financeKeys.all }),
      ]),
  });
}

// Recording and changing an activity go through the outbox (`web/api/outbox.ts`), online or not.
/** `DELETE /activities/:id` */
export const useDeleteActivity = () =>
  useActivityWrite((id: string) => fieldSend<null>('DELETE', `/api/v1/activities/${enc(id)}`));

export interface AttachmentMeta {
  kind: 'photo' | 'document';
  captionFr?: string;
  captionEn?: string;
  credit?: string;
  takenOn?: string;
}

/** `POST /activities/:id/attachments`: a photo or document, its bytes as the body; the activity reloads. */
export const useUploadAttachment = (activityId: string) =>
  useFieldWrite(
    ({ file, meta }: { file: File; meta: AttachmentMeta }) => {
      const params = new URLSearchParams({ kind: meta.kind, fileName: file.name });
      for (const key of ['captionFr', 'captionEn', 'credit', 'takenOn'] as const) {
        const value = meta[key]?.trim();
        if (value) params.set(key, value);
      }
      return fieldSend<Attachment>(
        'POST',
        `/api/v1/activities/${enc(activityId)}/attachments?${params}`,
        undefined,
        { raw: file },
      );
    },
    () => fieldKeys.activity(activityId),
  );
/** `DELETE /attachments/:id`; the activity reloads. */
export const useDeleteAttachment = (activityId: string) =>
  useFieldWrite(
    (id: string) => fieldSend<null>('DELETE', `/api/v1/attachments/${enc(id)}`),
    () => fieldKeys.activity(activityId),
  );

/** `PUT /indicators/:id/rule`: how the indicator is computed from activities (null: entered by hand). */
export const useSetIndicatorRule = (indicatorId: string) =>
  useFieldWrite((body: { rule: IndicatorRuleInput | null; version?: number }) =>
    fieldSend<IndicatorData>('PUT', `/api/v1/indicators/${enc(indicatorId)}/rule`, body),
  );
/** `POST /indicators/:id/values`: a value entered by hand. */
export const useAddIndicatorValue = (indicatorId: string) =>
  useFieldWrite(
    (body: {
      periodStart: string;
      periodEnd: string;
      value: { text: string };
      reason?: string | null;
      enteredBy?: string;
    }) => fieldSend<IndicatorData>('POST', `/api/v1/indicators/${enc(indicatorId)}/values`, body),
  );
/** `POST /indicators/:id/computed-values`: the computed value kept as the period's value. */
export const useKeepComputedValue = (indicatorId: string) =>
  useFieldWrite((body: { periodStart: string; periodEnd: string; enteredBy?: string }) =>
    fieldSend<IndicatorData>('POST', `/api/v1/indicators/${enc(indicatorId)}/computed-values`, body),
  );
/** `PATCH /indicator-values/:id`: a value corrected, with the version read (the one a 409 named, to replace it). */
export const useUpdateIndicatorValue = () =>
  useFieldWrite(
    ({ id, ...body }: { id: string; version: number; value: { text: string }; reason?: string | null }) =>
      fieldSend<IndicatorData>('PATCH', `/api/v1/indicator-values/${enc(id)}`, body),
  );
/** `DELETE /indicator-values/:id` */
export const useDeleteIndicatorValue = () =>
  useFieldWrite((id: string) => fieldSend<null>('DELETE', `/api/v1/indicator-values/${enc(id)}`));

/** `POST /programmes/:slug/quarterly-reports`: the quarter's report started; its page reloads. */
export const useStartQuarterlyReport = (slug: string, quarter: string) =>
  useFieldWrite(
    () =>
      fieldSend<QuarterlyReport>('POST', `/api/v1/programmes/${enc(slug)}/quarterly-reports`, { quarter }),
    () => fieldKeys.quarterly(slug, quarter),
  );
/**
 * `PATCH /reports/:id` from the quarterly page: one written part saved on a click (merged by the server, 409
 * on a clash); its page reloads. The report editor's autosave is the report saver's, not this.
 */
export const useSaveQuarterlyText = (slug: string, quarter: string) =>
  useFieldWrite(
    ({
      reportId,
      version,
      changes,
    }: {
      reportId: string;
      version: number;
      changes: { path: string; value: string | null }[];
    }) => fieldSend<unknown>('PATCH', `/api/v1/reports/${enc(reportId)}`, { version, changes }),
    () => fieldKeys.quarterly(slug, quarter),
  );

export const startQuarterlyReport = (slug: string, quarter: string) =>
  fieldSend<QuarterlyReport>('POST', `/api/v1/programmes/${enc(slug)}/quarterly-reports`, { quarter });
/** Saves written parts of a report (the reports module's autosave: merged, 409 on a clash). */
export const saveReportText = (
  reportId: string,
  version: number,
  changes: { path: string; value: string | null }[],
) => fieldSend<unknown>('PATCH', `/api/v1/reports/${enc(reportId)}`, { version, changes });
