/**
 * Property: text with characters Jalon does not accept — NUL, the C0 controls people paste from Excel or Word
 * (U+000B, U+0001, U+001F), noncharacters (U+FFFE, U+FFFF), lone surrogates — in any text field of any route's
 * body, in a path parameter (a slug, an id) or in a query string never makes the API answer 5xx, and nothing
 * Jalon refuses or cleans is ever stored (docs/decisions/0011-text-jalon-accepts.md).
 *
 * Each route gets a body that is valid as far as its OpenAPI description can tell (built from the JSON
 * schema, with real ids, codes and slugs of the demo data), with one of its strings made hostile.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureUser } from '../test/api-client.js';
import {
  aBudgetLine,
  aCatalyticFunding,
  aMeeting,
  anActivity,
  anAttachment,
  anExpense,
  anIndicatorValue,
  aProgramme,
  aReport,
  aWorkPlanActivity,
} from '../test/factories.js';
import { testEngines } from '../test/test-database.js';
import { testSuite } from '../test/test-suite.js';

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  default?: unknown;
};

interface Operation {
  method: string;
  path: string;
  body: Schema | undefined;
  query: { name: string; schema: Schema }[];
}

/** The characters under test, each inside ordinary words as a pasted text would hold them. */
const hostile = ['\u0000', '\u000B', '\u0001', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDC00'];
const taint = (value: string, char: string) => `${value.slice(0, 3)}${char}${value.slice(3)}`;
/** As a browser would send it; a lone surrogate has no UTF-8: its three bytes as WTF-8 writes them. */
const encode = (value: string) =>
  value
    .split(/([\uD800-\uDFFF])/)
    .map((part) =>
      /^[\uD800-\uDFFF]$/.test(part)
        ? [
            0xe0 | (part.charCodeAt(0) >> 12),
            0x80 | ((part.charCodeAt(0) >> 6) & 63),
            0x80 | (part.charCodeAt(0) & 63),
          ]
            .map((b) => `%${b.toString(16).toUpperCase()}`)
            .join('')
        : encodeURIComponent(part),
    )
    .join('');

/** What may never be stored: the refused characters and the controls Jalon cleans (tab, LF, CR are text). */
const notStored =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Values that make a string field valid, by its pattern. */
const patternCandidates = [
  'prosmed',
  'UNDP',
  'ML',
  'USD',
  '2024-03-31',
  '2023-Q4',
  'note',
  'fichier.xlsx',
  'abc',
  'quelqu.un@example.org',
];

describe.each(testEngines)('text Jalon does not accept, on every route, on %s', (engine) => {
  let operations: Operation[];
  let components: Record<string, Schema>;
  /** real ids of the data made below, by the path segment that names their kind */
  const ids = new Map<string, string>();
  /** values that make a string valid, by the name of its property */
  const known = new Map<string, string>([
    ['programme', 'prosmed'],
    ['currency', 'USD'],
    ['email', 'nouvelle.personne@example.org'],
  ]);
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await suite.database.db.execute(query)) as unknown as { rows: T[] }).rows;

  const suite = testSuite(engine, {
    data: async (database) => {
      // one object of every kind a route names, on a programme whose slug is `prosmed`
      const programme = await aProgramme(database, {
        code: 'PROSMED',
        startDate: '2023-01-01',
        framework: { outcomes: 2, outputs: 2 },
      });
      await aReport(database, programme, { year: 2024 });
      const activity = await anActivity(database, programme);
      await anAttachment(database, activity);
      await anIndicatorValue(database, programme.indicators.get('1.1.1')!);
      const line = await aBudgetLine(database, programme);
      await anExpense(database, programme, line);
      await aWorkPlanActivity(database, programme);
      await aCatalyticFunding(database, programme);
      await aMeeting(database, programme, {
        items: [{ kind: 'decision', text: { fr: 'Valider le plan d’action' } }],
      });
    },
  });
  beforeAll(async () => {
    const doc = (await suite.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: Schema }> };
            parameters?: { in: string; name: string; schema: Schema }[];
          }
        >
      >;
      components: { schemas: Record<string, Schema> };
    };
    components = doc.components.schemas;
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        body: op.requestBody?.content['application/json']?.schema,
        query: (op.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema })),
      })),
    );
    await ensureUser(suite.database, { email: 'awa@test.jalon' });
    const prosmed = "(select id from programmes where slug = 'prosmed')";
    const versions = `(select id from framework_versions where programme_id = ${prosmed})`;
    const tables: Record<string, string> = {
      users: "select id::text from users where email = 'awa@test.jalon'",
      'framework-versions': `select id::text from framework_versions where programme_id = ${prosmed} order by version desc limit 1`,
      outcomes: `select id::text from outcomes where framework_version_id in ${versions} limit 1`,
      outputs: `select id::text from outputs where framework_version_id in ${versions} limit 1`,
      indicators: `select id::text from indicators where framework_version_id in ${versions} limit 1`,
      indicatorId: `select id::text from indicators where framework_version_id in ${versions} limit 1`,
      reports: `select id::text from reports where status = 'draft' and programme_id = ${prosmed} limit 1`,
      'closed-periods': 'select id::text from closed_periods limit 1',
      activities: `select id::text from activities where programme_id = ${prosmed} limit 1`,
      attachments: 'select id::text from activity_attachments limit 1',
      'indicator-values': 'select id::text from indicator_values limit 1',
      'activity-imports': 'select id::text from imports limit 1',
      imports: 'select id::text from imports limit 1',
      'budget-lines': `select id::text from budget_lines where programme_id = ${prosmed} limit 1`,
      'workplan-activities': `select id::text from workplan_activities where programme_id = ${prosmed} limit 1`,
      activityId: `select id::text from workplan_activities where programme_id = ${prosmed} limit 1`,
      expenditures: 'select id::text from expenditures limit 1',
      'catalytic-funding': 'select id::text from catalytic_funding limit 1',
      meetings: `select id::text from governance_meetings where programme_id = ${prosmed} limit 1`,
      'governance-items': 'select id::text from governance_items limit 1',
      commentId: 'select id::text from report_comments limit 1',
    };
    for (const [kind, query] of Object.entries(tables)) {
      const [row] = await rows<{ id: string }>(sql.raw(query));
      ids.set(kind, row?.id ?? '00000000-0000-4000-8000-000000000000');
    }
    const codes: Record<string, string> = {
      output: `select code as id from outputs where framework_version_id in ${versions} order by code desc limit 1`,
      outcome: `select code as id from outcomes where framework_version_id in ${versions} order by code desc limit 1`,
      indicator: `select code as id from indicators where framework_version_id in ${versions} order by code desc limit 1`,
      line: `select code as id from budget_lines where programme_id = ${prosmed} limit 1`,
    };
    for (const [name, query] of Object.entries(codes)) {
      const [row] = await rows<{ id: string }>(sql.raw(query));
      if (row) known.set(name, row.id);
    }
    known.set('indicators', known.get('indicator')!);
  });

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? resolve(components[schema.$ref.split('/').pop()!]!) : schema;

  /** A value the schema accepts, as far as its shape tells; `name` is the property it is for. */
  function sample(input: Schema, name = '', depth = 0): unknown {
    const schema = resolve(input);
    if (depth > 8) return undefined;
    if ('const' in schema) return schema.const;
    if (schema.enum) return schema.enum.find((v) => v !== null) ?? schema.enum[0];
    if (schema.allOf?.length) return sample(schema.allOf[0]!, name, depth + 1);
    const options = schema.anyOf ?? schema.oneOf;
    if (options) {
      const usable = options.filter((o) => resolve(o).type !== 'null');
      return sample(usable[0] ?? options[0]!, name, depth + 1);
    }
    const type = [schema.type ?? (schema.properties ? 'object' : 'string')].flat().find((t) => t !== 'null');
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [key, property] of Object.entries(schema.properties ?? {})) {
          const value = sample(property, key, depth + 1);
          if (value !== undefined) out[key] = value;
        }
        return out;
      }
      case 'array': {
        const item = sample(schema.items ?? {}, name, depth + 1);
        return item === undefined
          ? []
          : Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
      }
      case 'integer':
      case 'number': {
        if (name === 'version') return 1;
        const min = schema.minimum ?? 0;
        const value = Math.max(min + (schema.exclusiveMinimum === true ? 1 : 0), 1);
        return schema.maximum !== undefined ? Math.min(value, schema.maximum) : value;
      }
      case 'boolean':
        return name === 'dryRun';
      default:
        return stringSample(schema, name);
    }
  }

  function stringSample(schema: Schema, name: string): string {
    if (known.has(name)) return known.get(name)!;
    if (schema.format === 'uuid') return ids.get(name) ?? ids.get('outputs')!;
    if (schema.format === 'date') return '2024-03-31';
    if (schema.format === 'date-time') return '2024-03-31T10:00:00Z';
    if (schema.format === 'email') return 'quelqu.un@example.org';
    if (schema.pattern) {
      const pattern = new RegExp(schema.pattern);
      return patternCandidates.find((c) => pattern.test(c)) ?? 'abc';
    }
    const text = 'Texte collé depuis Excel';
    return text.padEnd(schema.minLength ?? 0, '.').slice(0, schema.maxLength ?? text.length);
  }

  /** The paths to every string of a value. */
  function stringPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
    if (typeof value === 'string') return [at];
    if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...at, i]));
    if (value && typeof value === 'object')
      return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]));
    return [];
  }
  function withString(value: unknown, at: (string | number)[], change: (s: string) => string): unknown {
    if (at.length === 0) return change(value as string);
    const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
    copy[at[0]!] = withString(copy[at[0]!], at.slice(1), change);
    return copy;
  }

  /** The path with its parameters filled in: real ids and slugs, one of them hostile if asked. */
  function urlOf(op: Operation, hostileParam: number | null, char: string): string {
    let n = 0;
    return op.path.replace(/\{([^}]+)\}/g, (_whole, param: string) => {
      const segments = op.path.split('/');
      const kind = segments[segments.indexOf(`{${param}}`) - 1]!;
      const value =
        param === 'slug'
          ? 'prosmed'
          : param === 'agency'
            ? 'UNDP'
            : param === 'role'
              ? 'viewer'
              : param === 'commentId'
                ? ids.get('commentId')!
                : (ids.get(kind) ?? '00000000-0000-4000-8000-000000000000');
      return encode(n++ === hostileParam ? taint(value, char) : value);
    });
  }

  const offending = async () => {
    const tables = await rows<{ name: string }>(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const found: string[] = [];
    for (const { name } of tables) {
      for (const { r } of await rows<{ r: unknown }>(
        sql`select to_jsonb(x) as r from ${sql.identifier(name)} x`,
      )) {
        const text = typeof r === 'string' ? r : JSON.stringify(r);
        const parsed = typeof r === 'string' ? (JSON.parse(r) as unknown) : r;
        const walk = (v: unknown): void => {
          if (typeof v === 'string') {
            if (notStored.test(v)) found.push(`${name}: ${JSON.stringify(v).slice(0, 120)}`);
          } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
        };
        if (notStored.test(text) || /\\u00(0[0-8bcef]|1[0-9a-f])/i.test(text)) walk(parsed);
      }
    }
    return found;
  };

  it('starts from data that holds none of those characters', async () => {
    expect(await offending()).toEqual([]);
  });

  it('never answers 5xx, and stores none of them', async () => {
    const failures: string[] = [];
    // signing out would end the session every other request runs in
    for (const op of operations.filter((o) => !(o.method === 'DELETE' && o.path.endsWith('/session')))) {
      const params = (op.path.match(/\{[^}]+\}/g) ?? []).length;
      const body = op.body ? sample(op.body) : undefined;
      const strings = body === undefined ? [] : stringPaths(body);
      const query = op.query.map((q) => ({ name: q.name, value: String(sample(q.schema, q.name)) }));
      // where the hostile character goes: a path parameter, a query parameter, or a string of the body
      // (deleting is only tried with a hostile path: a valid one would really delete)
      const places = [
        ...Array.from({ length: params }, (_, i) => ({ kind: 'param' as const, i })),
        ...query.map((_, i) => ({ kind: 'query' as const, i })),
        ...(op.method === 'DELETE' ? [] : strings.map((_, i) => ({ kind: 'body' as const, i }))),
      ];
      if (places.length === 0) continue;
      await fc
        .assert(
          fc.asyncProperty(fc.constantFrom(...places), fc.constantFrom(...hostile), async (place, char) => {
            const url = urlOf(op, place.kind === 'param' ? place.i : null, char);
            const search = query
              .map(
                (q, i) =>
                  `${q.name}=${encode(place.kind === 'query' && place.i === i ? taint(q.value, char) : q.value)}`,
              )
              .join('&');
            const payload =
              body === undefined
                ? undefined
                : place.kind === 'body'
                  ? withString(body, strings[place.i]!, (s) => taint(s, char))
                  : body;
            const res = await suite.app.inject({
              method: op.method as 'POST',
              url: search ? `${url}?${search}` : url,
              ...(payload === undefined
                ? {}
                : { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
            });
            if (res.statusCode >= 500)
              failures.push(
                `${op.method} ${op.path} ${place.kind} ${JSON.stringify(char)} → ${res.statusCode}`,
              );
            expect(
              res.statusCode,
              `${op.method} ${url} ${JSON.stringify(payload)?.slice(0, 300)}`,
            ).toBeLessThan(500);
          }),
          { numRuns: 8, endOnFailure: true },
        )
        .catch((error: unknown) => {
          // every route is tried before the test fails: the message names them all
          if (!failures.some((f) => f.startsWith(`${op.method} ${op.path} `))) throw error;
        });
    }
    expect(failures).toEqual([]);
    expect(await offending()).toEqual([]);
  }, 600_000);
});
