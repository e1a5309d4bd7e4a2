/** What is due and who is late: the reports the Fund expects from the programmes one follows. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DueReport } from '../../core/contracts/due.js';
import type { ReportingCalendar, ReportingCalendarUpdate } from '../../core/contracts/reporting-calendar.js';
import { apiGet } from './client.js';
import { apiSend } from './write.js';

export type DueItem = DueReport;

export function dueQuery() {
  return queryOptions({
    queryKey: ['due'] as const,
    queryFn: ({ signal }) => apiGet<{ items: DueItem[] }>('/api/v1/due', signal),
    staleTime: 5 * 60_000,
  });
}
export const useDue = (enabled = true) => useQuery({ ...dueQuery(), enabled });

export const calendarKeys = { of: (slug: string) => ['calendar', slug] as const };

export function calendarQuery(slug: string) {
  return queryOptions({
    queryKey: calendarKeys.of(slug),
    queryFn: ({ signal }) =>
      apiGet<ReportingCalendar>(`/api/v1/programmes/${encodeURIComponent(slug)}/calendar`, signal),
  });
}
export const useCalendar = (slug: string) => useQuery(calendarQuery(slug));

/** Replaces the whole calendar (what the screen shows is what is saved); what is due follows it. */
export function useReplaceCalendar(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportingCalendarUpdate) =>
      apiSend<ReportingCalendar>('PUT', `/api/v1/programmes/${encodeURIComponent(slug)}/calendar`, body),
    onSuccess: (calendar) => {
      queryClient.setQueryData(calendarKeys.of(slug), calendar);
      void queryClient.invalidateQueries({ queryKey: ['due'] });
      void queryClient.invalidateQueries({ queryKey: ['my-work'] });
    },
  });
}
