/** `npm run openapi`: writes docs/api/openapi.json, the committed description of the API. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { openApiDocument } from '../server/openapi-document.js';

mkdirSync('docs/api', { recursive: true });
writeFileSync('docs/api/openapi.json', `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
console.log('docs/api/openapi.json written');
