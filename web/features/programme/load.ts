/** The programme page's chunk, loaded on navigation, or earlier when a link to it is hovered or focused. */
export const loadProgrammePage = () => import('./programme-page.js');
