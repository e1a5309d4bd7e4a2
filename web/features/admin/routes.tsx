import type { RouteObject } from 'react-router';
import { Loading } from '../../components/query-state.js';

/**
 * The pages of people and trust, each its own chunk: accounts (administrators), one's password, a
 * programme's change history, and the reports due.
 */
export function trustRoutes(): RouteObject[] {
  return [
    {
      path: 'admin/users',
      lazy: async () => ({ Component: (await import('./users-page.js')).UsersPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'admin/users/:id',
      lazy: async () => ({ Component: (await import('./user-page.js')).UserPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'account/password',
      lazy: async () => ({ Component: (await import('./password-page.js')).PasswordPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'programmes/:slug/audit',
      lazy: async () => ({ Component: (await import('../audit/audit-page.js')).AuditPage }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: 'due',
      lazy: async () => ({ Component: (await import('../due/due-page.js')).DuePage }),
      hydrateFallbackElement: <Loading />,
    },
  ];
}
