import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { frameworkQuery, programmeQuery } from './api/programmes.js';
import { reportQuery, reportsQuery } from './api/reports.js';
import { financeOverviewQuery } from './api/finance.js';
import { Layout } from './components/layout.js';
import { Loading } from './components/query-state.js';
import { RouteError } from './components/route-error.js';
import { SignInPage } from './features/auth/sign-in-page.js';
import { NotFoundPage } from './features/not-found-page.js';
import { PortfolioPage } from './features/portfolio/portfolio-page.js';
import { loadProgrammePage } from './features/programme/load.js';
import { loadReportPage, loadReportsPage } from './features/reports/load.js';
import { loadFinancePage } from './features/finance/load.js';
import { fieldRoutes } from './features/dashboard/routes.js';
import { trustRoutes } from './features/admin/routes.js';

/**
 * The app's routes. The programme page (framework tree, tables, and behind it the chart) is its own chunk,
 * loaded through the router's `lazy` so the header shows progress meanwhile; its loader only starts the
 * programme's requests, in parallel with the chunk, and never waits for them (the page shows its own loading).
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      element: <Layout />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <PortfolioPage /> },
        { path: 'sign-in', element: <SignInPage /> },
        {
          path: 'programmes/:slug',
          loader: ({ params, request }) => {
            const slug = params.slug ?? '';
            void queryClient.prefetchQuery(programmeQuery(slug));
            if (!new URL(request.url).searchParams.has('version')) {
              void queryClient.prefetchQuery(frameworkQuery(slug, undefined));
            }
            return null;
          },
          lazy: async () => ({ Component: (await loadProgrammePage()).ProgrammePage }),
          hydrateFallbackElement: <Loading />,
        },
        {
          path: 'programmes/:slug/reports',
          loader: ({ params }) => {
            const slug = params.slug ?? '';
            void queryClient.prefetchQuery(reportsQuery(slug));
            void queryClient.prefetchQuery(programmeQuery(slug));
            return null;
          },
          lazy: async () => ({ Component: (await loadReportsPage()).ReportsPage }),
          hydrateFallbackElement: <Loading />,
        },
        {
          path: 'programmes/:slug/finance',
          loader: ({ params }) => {
            const slug = params.slug ?? '';
            void queryClient.prefetchQuery(programmeQuery(slug));
            void queryClient.prefetchQuery(financeOverviewQuery(slug, undefined));
            return null;
          },
          lazy: async () => ({ Component: (await loadFinancePage()).FinancePage }),
          hydrateFallbackElement: <Loading />,
        },
        {
          path: 'reports/:id',
          loader: ({ params }) => {
            void queryClient.prefetchQuery(reportQuery(params.id ?? ''));
            return null;
          },
          lazy: async () => ({ Component: (await loadReportPage()).ReportPage }),
          hydrateFallbackElement: <Loading />,
        },
        {
          path: 'programmes/:slug/calendar',
          lazy: async () => ({ Component: (await import('./features/due/calendar-page.js')).CalendarPage }),
          hydrateFallbackElement: <Loading />,
        },
        {
          path: 'import',
          lazy: async () => ({ Component: (await import('./features/exchange/import-page.js')).ImportPage }),
          hydrateFallbackElement: <Loading />,
        },
        {
          path: 'notifications',
          lazy: async () => ({
            Component: (await import('./features/my-work/notifications-page.js')).NotificationsPage,
          }),
          hydrateFallbackElement: <Loading />,
        },
        ...fieldRoutes(queryClient),
        ...trustRoutes(),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}
