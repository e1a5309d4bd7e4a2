import type { Catalogue } from '../fr.js';

/** The errorCodes sentences in English: typed against the French ones. */
export const errorCodesEn: Catalogue['errorCodes'] = {};
