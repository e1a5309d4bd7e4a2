import type { ServerCatalogue } from '../server-fr.js';

/** The fieldRules sentences in English: typed against the French ones. */
export const fieldRulesEn: ServerCatalogue['fieldRules'] = {
  dashboards: {
    endBeforeStart: 'The end is before the start.',
  },
  geography: {
    ambiguousPlace: '“{{name}}” names several places: {{candidates}}. Give the code or the cercle.',
    unknownPlace:
      'Unknown place: “{{name}}”. Use a region, cercle or commune of Mali, or its code (ML-4.SEGOU).',
  },
};
