import type { ServerCatalogue } from '../server-fr.js';

/** The financeRules sentences in English: typed against the French ones. */
export const financeRulesEn: ServerCatalogue['financeRules'] = {};
