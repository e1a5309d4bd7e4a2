import type { ServerCatalogue } from '../server-fr.js';

/** The fieldRules sentences in English: typed against the French ones. */
export const fieldRulesEn: ServerCatalogue['fieldRules'] = {};
