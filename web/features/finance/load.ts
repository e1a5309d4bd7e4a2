/** The finance page's chunk, loaded on navigation. */
export const loadFinancePage = () => import('./finance-page.js');
