import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document.js';

describe('docs/api/openapi.json', () => {
  it('is the description the server publishes (run `npm run openapi` after changing a route)', async () => {
    const committed = JSON.parse(readFileSync('docs/api/openapi.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(await openApiDocument())));
  });
});
