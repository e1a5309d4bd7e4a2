/** The reports pages' chunks, loaded on navigation (the editor is the heaviest page of the app). */
export const loadReportsPage = () => import('./reports-page.js');
export const loadReportPage = () => import('./report-page.js');
