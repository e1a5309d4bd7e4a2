import './styles/base.js';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './api/query-client.js';
import { AppProviders } from './app.js';
import { startI18n } from './i18n/i18n.js';
import { registerOfflineWorker } from './lib/offline-worker.js';
import { createRoutes } from './routes.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

const i18n = await startI18n();
const queryClient = createQueryClient();
const router = createBrowserRouter(createRoutes(queryClient));

createRoot(root).render(
  <StrictMode>
    <AppProviders i18n={i18n} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);

// the service worker keeps the shell and the last data read for offline use; never in development, where
// it would serve yesterday's code
if (import.meta.env.PROD) registerOfflineWorker(queryClient);
