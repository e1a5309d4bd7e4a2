/**
 * The header the service worker sets on an answer that comes from its cache (the ISO date it was saved): one
 * name for the worker, the API client and the outbox. A module of its own so that the worker's bundle imports
 * nothing else (no React).
 */
export const cachedHeader = 'x-jalon-cached';
