import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { frameworkQuery, programmeQuery } from './api/programmes.js';
import { Layout } from './components/layout.js';
import { Loading } from './components/query-state.js';
import { RouteError } from './components/route-error.js';
import { NotFoundPage } from './features/not-found-page.js';
import { PortfolioPage } from './features/portfolio/portfolio-page.js';
import { loadProgrammePage } from './features/programme/load.js';

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
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}
