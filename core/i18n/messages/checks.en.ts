import type { Catalogue } from '../fr.js';

/** The checks sentences in English: typed against the French ones. */
export const checksEn: Catalogue['checks'] = {};
