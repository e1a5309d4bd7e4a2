import type { ServerCatalogue } from '../server-fr.js';

/** The cli sentences in English: typed against the French ones. */
export const cliEn: ServerCatalogue['cli'] = {
  expenditure: {
    imported:
      'Imported: {{rows}} rows, {{total}} — {{created}} new, {{updated}} replaced, {{unchanged}} unchanged.',
    checked:
      'Checked (nothing written): {{rows}} rows, {{total}} — {{created}} new, {{updated}} replaced, {{unchanged}} unchanged.',
    refused: '{{file}} refused, nothing was written:',
  },
};
