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
  processes: {
    pgliteOne:
      '{{asked}} processes asked for, but the embedded database (PGlite) has a single owner: Jalon runs as one process (set DATABASE_URL to run several on PostgreSQL).',
    running: '{{workers}} server processes on the same port (primary pid {{pid}}).',
    workerDied: 'Server process {{pid}} stopped ({{how}}); another starts in {{seconds}} s.',
    failedToStart: 'Server process {{pid}} stopped before it was ready: Jalon stops (see its error above).',
    stopping: '{{signal}}: stopping the server processes…',
  },
};
