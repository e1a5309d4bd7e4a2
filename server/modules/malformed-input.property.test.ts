/**
 * Property: whatever malformed input reaches any route of the OpenAPI description — random JSON bodies,
 * random path parameters and query strings — the answer is a 4xx with a readable message, never a 5xx, and
 * when it is refused the database is unchanged (no new row in the audit trail, which every change writes to).
 * Bodies, queries and report paths carry keys naming the prototype (`__proto__`, `constructor`, `prototype`,
 * issue 12) too, and after every run Object.prototype has no new own property.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { aProgramme } from '../test/factories.js';
import { testSuite } from '../test/test-suite.js';

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
}

const auditCount = async (database: Database) =>
  (
    (await database.db.execute(sql`select count(*)::int as n from audit_events`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows[0]!.n;

describe('malformed input on every route', () => {
  let operations: Operation[];
  /** a draft report, so that hostile report paths reach the merge */
  let report: { id: string; version: number };
  const cleanPrototype = Object.getOwnPropertyNames(Object.prototype);
  const cleanObject = Object.getOwnPropertyNames(Object);
  const suite = testSuite('pglite', {
    data: async (database) => {
      await aProgramme(database, { code: 'PBF/MLI/B-1' });
    },
  });
  beforeAll(async () => {
    report = (
      await suite.app.inject({
        method: 'POST',
        url: '/api/v1/programmes/pbf-mli-b-1/reports',
        payload: { type: 'semi_annual', year: 2025 },
      })
    ).json();
    const doc = (await suite.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        hasBody: Boolean(op.requestBody),
      })),
    );
  });
  afterAll(async () => {
    // a failing run must not leave the other test files of this worker polluted
    for (const name of Object.getOwnPropertyNames(Object.prototype))
      if (!cleanPrototype.includes(name)) delete (Object.prototype as Record<string, unknown>)[name];
    for (const name of Object.getOwnPropertyNames(Object))
      if (!cleanObject.includes(name)) delete (Object as unknown as Record<string, unknown>)[name];
  });

  const expectUnpolluted = () => {
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(cleanPrototype);
    expect(Object.getOwnPropertyNames(Object)).toEqual(cleanObject);
    expect(({} as Record<string, unknown>).progress).toBeUndefined();
  };

  const prototypeKeys = ['__proto__', 'constructor', 'prototype'];
  const hostileKey = fc.constantFrom(...prototypeKeys);
  /** an object written as JSON text and read back with JSON.parse: `__proto__` is an own key, as a client sends it */
  const jsonObject = (value: fc.Arbitrary<unknown>) =>
    fc
      .array(fc.tuple(fc.oneof(hostileKey, fc.string({ maxLength: 12 })), value), {
        minLength: 1,
        maxLength: 4,
      })
      .map((entries) =>
        JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`),
      );
  const hostileObject = jsonObject(
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), jsonObject(fc.jsonValue({ maxDepth: 2 }))),
  );
  /** report paths through the prototype, as in issue 12 */
  const hostilePaths = [
    'indicators.__proto__.progress',
    'outcomes.__proto__.rating',
    'indicators.constructor.progress',
    'indicators.constructor.prototype.progress',
    'outcomes.constructor.fields.progress_summary',
    'outcomes.1.fields.__proto__',
    'fields.prototype',
  ];
  const hostilePatch = fc.record({
    version: fc.integer({ min: 1, max: 3 }),
    changes: fc.array(
      fc.record({
        path: fc.constantFrom(...hostilePaths),
        value: fc.constantFrom<unknown>('x', 'on_track', true, null),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  });
  const hostileQueryName = fc.constantFrom(
    ...prototypeKeys,
    '__proto__[progress]',
    'constructor[prototype][progress]',
    'constructor.prototype.progress',
  );

  const segment = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      'pbf-mli-b-1',
      '00000000-0000-4000-8000-000000000000',
      '../../etc/passwd',
      '%00',
      "' or 1=1 --",
      '9'.repeat(400),
      ...prototypeKeys,
    ),
    // read when generated: the draft report exists by then
    fc.constant(null).map(() => report.id),
  );
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.constantFrom({ version: -1 }, { changes: [{ path: 'fields.x', value: {} }] }),
    hostileObject,
    hostilePatch,
  );

  it('never answers 5xx, and a refused request changes nothing', async () => {
    // writes that only admins may make and that legitimately succeed on random input (sign-out) are fine;
    // deleting is left out: a random id never names an existing object, and a valid one would be a real change
    for (const op of operations.filter((o) => o.method !== 'DELETE')) {
      await fc.assert(
        fc.asyncProperty(
          segment,
          segment,
          body,
          fc.oneof(fc.string({ maxLength: 30 }), hostileQueryName),
          async (a, b, payload, query) => {
            const url = op.path
              .replace(/\{[^}]+\}/, encodeURIComponent(a))
              .replace(/\{[^}]+\}/g, encodeURIComponent(b));
            const before = await auditCount(suite.database);
            const res = await suite.app.inject({
              method: op.method as 'POST',
              url: `${url}?${encodeURIComponent(query)}=${encodeURIComponent(a)}`,
              ...(op.hasBody
                ? { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }
                : {}),
            });
            expect(
              res.statusCode,
              `${op.method} ${url} ${JSON.stringify(payload).slice(0, 200)}`,
            ).toBeLessThan(500);
            if (res.statusCode >= 400) {
              expect(
                res.json().error?.message,
                `${op.method} ${url}: ${res.body.slice(0, 300)}`,
              ).toBeTruthy();
              expect(await auditCount(suite.database)).toBe(before);
            }
          },
        ),
        { numRuns: 12 },
      );
    }
    expectUnpolluted();
  }, 240_000);

  it('refuses keys naming the prototype on every route, and Object.prototype stays as it was', async () => {
    const parse = (text: string) => JSON.parse(text) as unknown;
    const current = () => report.version;
    const bodies = () => [
      ...hostilePaths.map((path) => ({ version: current(), changes: [{ path, value: 'x' }] })),
      { version: current(), changes: [{ path: 'outcomes.__proto__.rating', value: 'on_track' }] },
      parse(
        `{"version":${current()},"__proto__":{"progress":"x"},"changes":[{"path":"fields.x","value":"x"}]}`,
      ),
      parse('{"constructor":{"prototype":{"progress":"x"}}}'),
      parse('{"constructor":"x","prototype":{"progress":"x"},"__proto__":{"progress":"x"}}'),
      parse(
        '{"columns":{"__proto__":"x","constructor":"y","prototype":"z"},"defaults":{"__proto__":{"progress":"x"}}}',
      ),
      parse('{"amounts":{"__proto__":1,"constructor":2,"prototype":3},"targets":{"constructor":null}}'),
      parse('{"title":{"__proto__":{"progress":"x"},"fr":"x"},"code":"__proto__"}'),
      parse('{"code":"constructor","statement":{"fr":"x"},"version":1}'),
    ];
    for (const op of operations.filter((o) => o.method !== 'DELETE')) {
      const url = op.path
        .replace(/\{(id)\}/, report.id)
        .replace(/\{slug\}/, 'pbf-mli-b-1')
        .replace(/\{agency\}/, 'UNWOMEN')
        .replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const payload of op.hasBody ? bodies() : [undefined]) {
        for (const query of ['__proto__[progress]=x&constructor=x&prototype=x', '__proto__=x']) {
          const before = await auditCount(suite.database);
          const res = await suite.app.inject({
            method: op.method as 'POST',
            url: `${url}?${query}`,
            ...(payload !== undefined
              ? { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }
              : {}),
          });
          const what = `${op.method} ${url}?${query} ${JSON.stringify(payload)}`;
          expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.json().error?.message, what).toBeTruthy();
            expect(await auditCount(suite.database), what).toBe(before);
          } else if (op.method === 'PATCH' && url.includes('/reports/')) {
            report.version = res.json().version;
          }
          expectUnpolluted();
        }
      }
    }
  }, 240_000);
});
