import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import {
  activityQuery,
  allAreasQuery,
  indicatorDataQuery,
  portfolioDashboardQuery,
  programmeDashboardQuery,
} from '../../api/field.js';
import { workPlanQuery } from '../../api/finance.js';
import { frameworkQuery, programmeQuery } from '../../api/programmes.js';
import { Loading } from '../../components/query-state.js';
import {
  loadActivitiesPage,
  loadActivityFormPage,
  loadActivityPage,
  loadImportPage,
  loadIndicatorPage,
  loadOutboxPage,
  loadPortfolioDashboardPage,
  loadProgrammeDashboardPage,
  loadQuarterlyPage,
} from './load.js';

/** The field-data pages, each its own chunk; loaders start the page's requests alongside the chunk. */
export function fieldRoutes(queryClient: QueryClient): RouteObject[] {
  // start the page's request with its chunk; never wait for it (the page shows its own loading)
  const prefetch = (started: Promise<void>) => {
    void started;
    return null;
  };
  return [
    {
      path: 'dashboard',
      loader: ({ request }) =>
        prefetch(
          queryClient.prefetchQuery(
            portfolioDashboardQuery(new URL(request.url).searchParams.get('period') ?? ''),
          ),
        ),
      lazy: async () => ({ Component: (await loadPortfolioDashboardPage()).PortfolioDashboardPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'programmes/:slug/dashboard',
      loader: ({ params, request }) =>
        prefetch(
          queryClient.prefetchQuery(
            programmeDashboardQuery(params.slug ?? '', new URL(request.url).searchParams.get('period') ?? ''),
          ),
        ),
      lazy: async () => ({ Component: (await loadProgrammeDashboardPage()).ProgrammeDashboardPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'programmes/:slug/activities',
      loader: ({ params }) => {
        const slug = params.slug ?? '';
        // with the list, what the activity form needs: read once online, the form then opens offline
        void queryClient.prefetchQuery(frameworkQuery(slug, undefined));
        void queryClient.prefetchQuery(workPlanQuery(slug));
        void queryClient.prefetchQuery(allAreasQuery());
        return prefetch(queryClient.prefetchQuery(programmeQuery(slug)));
      },
      lazy: async () => ({ Component: (await loadActivitiesPage()).ActivitiesPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'programmes/:slug/activities/new',
      lazy: async () => ({ Component: (await loadActivityFormPage()).ActivityFormPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'outbox',
      lazy: async () => ({ Component: (await loadOutboxPage()).OutboxPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'outbox/:recordId',
      lazy: async () => ({ Component: (await loadActivityFormPage()).ActivityFormPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'programmes/:slug/import',
      lazy: async () => ({ Component: (await loadImportPage()).ImportPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'activities/:id',
      loader: ({ params }) => prefetch(queryClient.prefetchQuery(activityQuery(params.id ?? ''))),
      lazy: async () => ({ Component: (await loadActivityPage()).ActivityPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'activities/:id/edit',
      loader: ({ params }) => prefetch(queryClient.prefetchQuery(activityQuery(params.id ?? ''))),
      lazy: async () => ({ Component: (await loadActivityFormPage()).ActivityFormPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'programmes/:slug/quarterly',
      lazy: async () => ({ Component: (await loadQuarterlyPage()).QuarterlyPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'indicators/:id',
      loader: ({ params, request }) => {
        const search = new URL(request.url).searchParams;
        const p = new URLSearchParams();
        for (const key of ['from', 'to']) if (search.get(key)) p.set(key, search.get(key)!);
        return prefetch(queryClient.prefetchQuery(indicatorDataQuery(params.id ?? '', p)));
      },
      lazy: async () => ({ Component: (await loadIndicatorPage()).IndicatorPage }),
      hydrateFallbackElement: <Loading />,
    },
  ];
}
