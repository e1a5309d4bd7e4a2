/** What is due and who is late: the reports the Fund expects from the programmes one follows. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DueReport } from '../../core/contracts/due.js';
import { apiGet } from './client.js';

export type DueItem = DueReport;

export function dueQuery() {
  return queryOptions({
    queryKey: ['due'] as const,
    queryFn: ({ signal }) => apiGet<{ items: DueItem[] }>('/api/v1/due', signal),
    staleTime: 5 * 60_000,
  });
}
export const useDue = (enabled = true) => useQuery({ ...dueQuery(), enabled });
