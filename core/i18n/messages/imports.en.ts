import type { ServerCatalogue } from '../server-fr.js';

/** The imports sentences in English: typed against the French ones. */
export const importsEn: ServerCatalogue['imports'] = {};
