/** react-query hooks for programmes, their detail and their results framework. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Framework, Portfolio, ProgrammeDetail } from '../../core/contracts/programme-api.js';
import { expandFramework } from '../../core/domain/framework-answer.js';
import { apiGet } from './client.js';

const base = '/api/v1/programmes';

export const programmeKeys = {
  all: ['programmes'] as const,
  list: () => [...programmeKeys.all, 'list'] as const,
  detail: (slug: string) => [...programmeKeys.all, 'detail', slug] as const,
  /** `undefined` = the version in force, whatever its number */
  framework: (slug: string, version: number | undefined) =>
    [...programmeKeys.all, 'framework', slug, version ?? 'in-force'] as const,
};

export function programmesQuery() {
  return queryOptions({
    queryKey: programmeKeys.list(),
    queryFn: ({ signal }) => apiGet<Portfolio>(base, signal),
  });
}

export function programmeQuery(slug: string) {
  return queryOptions({
    queryKey: programmeKeys.detail(slug),
    queryFn: ({ signal }) => apiGet<ProgrammeDetail>(`${base}/${encodeURIComponent(slug)}`, signal),
  });
}

export function frameworkQuery(slug: string, version: number | undefined) {
  const search = version === undefined ? '' : `?version=${version}`;
  return queryOptions({
    queryKey: programmeKeys.framework(slug, version),
    // the answer is compact (core/domain/framework-answer.ts); the pages read the whole tree
    queryFn: async ({ signal }) =>
      expandFramework(
        await apiGet<Framework>(`${base}/${encodeURIComponent(slug)}/framework${search}`, signal),
      ),
  });
}

export function useProgrammes() {
  return useQuery(programmesQuery());
}

export function useProgramme(slug: string) {
  return useQuery(programmeQuery(slug));
}

/**
 * Keeps the previously shown version of the same programme on screen while another one loads, so the page
 * does not jump; never another programme's framework.
 */
export function useFramework(slug: string, version: number | undefined) {
  return useQuery({
    ...frameworkQuery(slug, version),
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === 'framework' && previousQuery.queryKey[3] === slug ? previous : undefined,
  });
}
