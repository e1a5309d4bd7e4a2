import type { ServerCatalogue } from '../server-fr.js';

/** The reportRules sentences in English: typed against the French ones. */
export const reportRulesEn: ServerCatalogue['reportRules'] = {};
