import type { ServerCatalogue } from '../server-fr.js';

/** The cli sentences in English: typed against the French ones. */
export const cliEn: ServerCatalogue['cli'] = {};
