/** The field-data pages' chunks, loaded on navigation. */
export const loadProgrammeDashboardPage = () => import('./programme-dashboard-page.js');
export const loadPortfolioDashboardPage = () => import('./portfolio-dashboard-page.js');
export const loadIndicatorPage = () => import('./indicator-page.js');
export const loadActivitiesPage = () => import('../activities/activities-page.js');
export const loadActivityPage = () => import('../activities/activity-page.js');
export const loadActivityFormPage = () => import('../activities/activity-form-page.js');
export const loadImportPage = () => import('../activities/import-page.js');
export const loadQuarterlyPage = () => import('../activities/quarterly-page.js');
export const loadOutboxPage = () => import('../activities/outbox-page.js');
