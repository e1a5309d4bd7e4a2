/**
 * The round trip through a database (issue 17, item 6): each demo programme exported to IATI, imported into a
 * fresh empty Jalon, exported from there — the two files say the same, element by element. About the demo
 * programmes themselves, so it reads the seed.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../core/contracts/exchange.js';
import type { Database } from '../../db/client.js';
import { testApp } from '../../test/api-client.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');
/** the file without its head comment (what the first export held back is not in the file to read back) */
const body = (xml: string) => xml.replace(/<!--[^]*?-->\n/, '');

/** every line of `a` that `b` does not have at the same place, both ways */
function differences(a: string, b: string): string[] {
  const [x, y] = [body(a).split('\n'), body(b).split('\n')];
  const out: string[] = [];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if (x[i] !== y[i]) out.push(`${i + 1}: ${x[i] ?? '∅'}\n   ≠ ${y[i] ?? '∅'}`);
  return out;
}

// the co-funding project before the programme that names it (its identifier is read from its own export)
const demo = ['pbf-mli-a-1', 'pbf-mli-a-2', 'pbf-mli-a-3', 'prosmed'];

describe.each(testEngines)('IATI round trip through a fresh database, on %s', (engine) => {
  let source: Database;
  let target: Database;
  let from: FastifyInstance;
  let to: FastifyInstance;
  beforeAll(async () => {
    [source, target] = await Promise.all([
      createTestDatabase(engine, { seed: true }),
      createTestDatabase(engine, { seed: false }),
    ]);
    [from, to] = await Promise.all([testApp(source), testApp(target)]);
  });
  afterAll(async () => {
    await Promise.all([from.close(), to.close()]);
    await Promise.all([source.close(), target.close()]);
  });

  const exported = async (app: FastifyInstance, slug: string) => {
    const res = await app.inject({ url: `/api/v1/programmes/${slug}/export/iati` });
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };

  it.each(demo)('%s: export → import → export gives the same file', async (slug) => {
    const first = await exported(from, slug);
    const res = await to.inject({
      method: 'POST',
      url: '/api/v1/imports',
      payload: { fileName: `${slug}.xml`, content: b64(first) },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as ImportResult).created.map((c) => c.slug)).toEqual([slug]);
    const second = await exported(to, slug);
    expect(differences(first, second)).toEqual([]);
  });
});
