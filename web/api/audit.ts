/** The audit trail: who changed what, when, and what it was before (read only). */
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEvent } from '../../core/contracts/audit.js';
import { apiGet } from './client.js';

export interface AuditFilter {
  /** events of everything that belongs to this programme */
  programme?: string | undefined;
  /** one table: `indicators`, `activities`, `reports`… */
  entity?: string | undefined;
  /** one object (with `entity`) */
  id?: string | undefined;
  action?: 'insert' | 'update' | 'delete' | undefined;
  /** part of the author's e-mail */
  actor?: string | undefined;
  /** days, YYYY-MM-DD, both included */
  from?: string | undefined;
  to?: string | undefined;
}

const filterKeys = ['programme', 'entity', 'id', 'action', 'actor', 'from', 'to'] as const;

/** The query string of a filter, without paging (also the CSV export's). */
export function auditSearch(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

export const auditCsvUrl = (filter: AuditFilter) =>
  `/api/v1/audit?${auditSearch(filter, { format: 'csv', limit: '500' })}`;

export interface AuditPage {
  items: AuditEvent[];
  /** names of the ids the events hold */
  labels: Record<string, string>;
}

/** Newest first, `pageSize` at a time; the next page starts before the oldest event shown. */
export function auditQuery(filter: AuditFilter, pageSize = 20) {
  return infiniteQueryOptions({
    queryKey: ['audit', ...filterKeys.map((k) => filter[k] ?? ''), pageSize] as const,
    queryFn: ({ pageParam, signal }) =>
      apiGet<AuditPage>(
        `/api/v1/audit?${auditSearch(filter, {
          limit: String(pageSize),
          ...(pageParam ? { before: String(pageParam) } : {}),
        })}`,
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) =>
      last.items.length === pageSize ? last.items[last.items.length - 1]!.id : undefined,
  });
}

export const useAudit = (filter: AuditFilter, options: { pageSize?: number; enabled?: boolean } = {}) =>
  useInfiniteQuery({ ...auditQuery(filter, options.pageSize), enabled: options.enabled ?? true });
