import type { ServerCatalogue } from '../server-fr.js';

/** The documents sentences in English: typed against the French ones. */
export const documentsEn: ServerCatalogue['documents'] = {};
