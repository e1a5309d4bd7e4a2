/**
 * Exchange through the API on every engine: IATI and Excel exports of programmes the test writes (a project of
 * four agencies and a joint programme it co-funds, both on a framework with every kind of indicator; a
 * programme with a bit of every kind of data), previews that write nothing, imports that write everything or
 * nothing, real IATI files in, Jalon's own files back in. That the demo programmes export is in seed.test.ts.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from '../../documents/xlsx/exceljs.js';
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '../../../core/contracts/exchange.js';
import type { Framework, FrameworkTree, ProgrammeDetail } from '../../../core/contracts/programme-api.js';
import { expandFramework } from '../../../core/domain/framework-answer.js';
import type { Database } from '../../db/client.js';
import { validateIatiActivities } from '../../documents/iati/iati-schema.js';
import { testApp } from '../../test/api-client.js';
import { aProgramme, aProgrammeWithEverything } from '../../test/factories.js';
import {
  aDetailedFrameworkDocument,
  aDetailedProject,
  detailedFrameworkCounts,
} from '../../test/framework-factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../documents/iati/test-fixtures/${name}`, import.meta.url));
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/**
 * The programmes of the first describe: E-1, a project of four agencies, co-funds PAIX-JUSTICE, a joint
 * programme with two versions of its framework (the second in force); E-2 has a bit of every kind of data.
 */
async function exchangeProgrammes(database: Database) {
  const project = await aDetailedProject(database, { code: 'PBF/MLI/E-1' });
  await aProgramme(database, {
    code: 'PAIX-JUSTICE',
    kind: 'joint_programme',
    startDate: '2021-07-01',
    firstTransferDate: '2021-07-15',
    endDate: '2025-12-31',
    cofundingProjects: [{ code: project.code }],
    frameworks: [
      aDetailedFrameworkDocument({ version: 1, effectiveDate: '2021-07-01' }),
      aDetailedFrameworkDocument({ version: 2, effectiveDate: '2022-06-01' }),
    ],
  });
  await aProgrammeWithEverything(database, { code: 'PBF/MLI/E-2' });
}

/** A framework without what the database gives each copy (ids, row versions, values). */
function shape(f: FrameworkTree) {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => !['id', 'version', 'latestValue'].includes(k))
          .map(([k, x]) => [k, strip(x)]),
      );
    return v;
  };
  return strip({ outcomes: f.outcomes, alignments: f.alignments });
}

describe.each(testEngines)('exchange on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await exchangeProgrammes(database);
    app = await testApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const count = async (table: string) =>
    Number(
      (
        (await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n,
    );
  const framework = async (slug: string, version?: number): Promise<FrameworkTree> =>
    expandFramework(
      (
        await app.inject({
          url: `/api/v1/programmes/${slug}/framework${version ? `?version=${version}` : ''}`,
        })
      ).json<Framework>(),
    );
  const preview = (payload: object, lang = 'fr') =>
    app.inject({ method: 'POST', url: `/api/v1/imports/preview?lang=${lang}`, payload });
  const importFile = (payload: object, lang = 'fr') =>
    app.inject({ method: 'POST', url: `/api/v1/imports?lang=${lang}`, payload });

  it.each(['pbf-mli-e-1', 'paix-justice', 'pbf-mli-e-2'])(
    'exports %s as IATI 2.03 XML that validates against the schema',
    async (slug) => {
      const res = await app.inject({ url: `/api/v1/programmes/${slug}/export/iati` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${slug}-iati.xml"`);
      expect(Number(res.headers['x-jalon-warnings'])).toBeGreaterThan(0);
      expect((await validateIatiActivities(res.body)).valid).toBe(true);
    },
  );

  it('names the co-funding project of a joint programme by its own IATI identifier', async () => {
    const res = await app.inject({ url: '/api/v1/programmes/paix-justice/export/iati' });
    expect(res.body).toContain('<related-activity ref="XM-DAC-41313-PBF-MLI-E-1" type="4"/>');
  });

  it('exports a framework version as an Excel workbook, in the reader’s language', async () => {
    const fr = await app.inject({ url: '/api/v1/programmes/paix-justice/export/xlsx' });
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(fr.headers['content-disposition']).toBe('attachment; filename="paix-justice-cadre-v2.xlsx"');
    expect(fr.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const en = await app.inject({ url: '/api/v1/programmes/paix-justice/export/xlsx?version=1&lang=en' });
    expect(en.headers['content-disposition']).toBe('attachment; filename="paix-justice-framework-v1.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Results framework',
      'Activities',
      'Alignments',
      'Programme',
      'Read me',
    ]);
    expect(
      (await app.inject({ url: '/api/v1/programmes/paix-justice/export/xlsx?version=9' })).statusCode,
    ).toBe(404);
  });

  it('takes a framework through Excel and back as a new version, unchanged, after a preview that writes nothing', async () => {
    const exported = await app.inject({ url: '/api/v1/programmes/paix-justice/export/xlsx' });
    const body = {
      fileName: 'paix-justice-cadre-v2.xlsx',
      content: b64(exported.rawPayload),
      target: {
        kind: 'new_version',
        programme: 'paix-justice',
        label: { fr: 'Revue à mi-parcours', en: 'Mid-term review' },
        effectiveDate: '2024-01-01',
        reason: { fr: 'Cadre revu en atelier', en: 'Framework reviewed in a workshop' },
      },
    };
    const before = await count('framework_versions');
    const seen = await preview(body);
    expect(seen.statusCode).toBe(200);
    const p = seen.json() as ImportPreview;
    expect(p).toMatchObject({ format: 'xlsx', canImport: true, detail: 'Cadre de résultats' });
    expect(p.programmes).toEqual([
      expect.objectContaining({
        code: 'PAIX-JUSTICE',
        action: 'new_version',
        exists: true,
        frameworkVersion: expect.objectContaining({ version: 3, ...detailedFrameworkCounts }),
      }),
    ]);
    expect(await count('framework_versions')).toBe(before);

    const done = await importFile(body);
    expect(done.statusCode).toBe(201);
    expect((done.json() as ImportResult).created).toEqual([
      { slug: 'paix-justice', code: 'PAIX-JUSTICE', frameworkVersion: 3 },
    ]);
    const v2 = await framework('paix-justice', 2);
    const v3 = await framework('paix-justice', 3);
    expect(v3).toMatchObject({
      version: 3,
      label: body.target.label,
      effectiveDate: '2024-01-01',
      inForce: true,
    });
    expect(shape(v3)).toEqual(shape(v2));
  });

  it('creates a new programme from a workbook, and refuses one whose code is taken', async () => {
    const exported = await app.inject({ url: '/api/v1/programmes/pbf-mli-e-1/export/xlsx' });
    const taken = await preview({ fileName: 'e1.xlsx', content: b64(exported.rawPayload) });
    expect(taken.json()).toMatchObject({
      canImport: false,
      programmes: [{ code: 'PBF/MLI/E-1', exists: true }],
    });
    expect((taken.json() as ImportPreview).issues[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/existe déjà/),
    });
    const refused = await importFile({ fileName: 'e1.xlsx', content: b64(exported.rawPayload) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues[0]).toMatchObject({
      path: 'body.content',
      message: expect.stringMatching(/Un programme de code PBF\/MLI\/E-1 existe déjà/),
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    wb.getWorksheet('Programme')!.getCell('B1').value = 'PBF/MLI/E-1-COPIE';
    const copy = Buffer.from(await wb.xlsx.writeBuffer());
    const created = await importFile({ fileName: 'e1-copie.xlsx', content: b64(copy) });
    expect(created.statusCode).toBe(201);
    expect((created.json() as ImportResult).created).toEqual([
      { slug: 'pbf-mli-e-1-copie', code: 'PBF/MLI/E-1-COPIE', frameworkVersion: 1 },
    ]);
    expect(shape(await framework('pbf-mli-e-1-copie'))).toEqual(shape(await framework('pbf-mli-e-1')));
  });

  it('imports the real Cordaid file: two programmes with their values, recorded as imported', async () => {
    const body = { fileName: 'cordaid.xml', content: b64(fixture('nl-ngo-peacebuilding-disaggregated.xml')) };
    const p = (await preview(body)).json() as ImportPreview;
    expect(p).toMatchObject({ format: 'iati', detail: 'IATI 2.03', canImport: true });
    expect(p.programmes.map((x) => [x.code, x.action, x.exists])).toEqual([
      ['NL-KVK-41160054-200733', 'create', false],
      ['NL-KVK-41160054-200612', 'create', false],
    ]);
    expect(p.issues.some((i) => i.severity === 'unmapped' && i.where.endsWith('› contact-info'))).toBe(true);
    const res = await importFile(body);
    expect(res.statusCode).toBe(201);
    const programme: ProgrammeDetail = (
      await app.inject({ url: '/api/v1/programmes/nl-kvk-41160054-200612' })
    ).json();
    expect(programme).toMatchObject({ country: 'AF', currency: 'EUR', kind: 'project' });
    const fw = await framework('nl-kvk-41160054-200612');
    const values = fw.outcomes
      .flatMap((o) => [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)])
      .map((i) => i.latestValue)
      .filter((v) => v !== null);
    expect(values.length).toBeGreaterThan(5);
    expect(new Set(values.map((v) => v!.provenance))).toEqual(new Set(['imported']));
  });

  it('imports the real UN Women 2.02 file, matching the Peacebuilding Fund to the catalogue', async () => {
    const res = await importFile({
      fileName: 'unwomen.xml',
      content: b64(fixture('unwomen-bdi-hti-results-v202.xml')),
    });
    expect(res.statusCode).toBe(201);
    const haiti: ProgrammeDetail = (
      await app.inject({ url: '/api/v1/programmes/xm-dac-41146-hti-d-1-5' })
    ).json();
    expect(haiti.donors.map((d) => d.organisation.code)).toContain('PBF');
    expect(haiti.recipients.map((r) => r.organisation.code)).toEqual(['UNWOMEN']);
  });

  it('refuses a malformed file with its line, and writes nothing', async () => {
    const before = await count('programmes');
    const res = await importFile({ fileName: 'broken.xml', content: b64(fixture('hostile/malformed.xml')) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'body.content', message: expect.stringMatching(/pas du XML bien formé \(ligne 5/) }],
    });
    const en = await preview(
      { fileName: 'bomb.xml', content: b64(fixture('hostile/entity-expansion.xml')) },
      'en',
    );
    expect(en.statusCode).toBe(400);
    expect(en.json().error.issues[0].message).toMatch(/DOCTYPE declaration or entities/);
    const notAFile = await preview({
      fileName: 'photo.jpg',
      content: b64(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2])),
    });
    expect(notAFile.json().error.issues[0].message).toMatch(
      /ni un fichier IATI \(XML\) ni un classeur Excel/,
    );
    expect(await count('programmes')).toBe(before);
  });

  it('refuses bodies that are not base64, too large, or aim at an unknown programme', async () => {
    const notBase64 = await preview({ fileName: 'x.xml', content: 'ceci n’est pas du base64 !' });
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json().error.issues[0].path).toBe('body.content');
    const huge = await app.inject({
      method: 'POST',
      url: '/api/v1/imports/preview',
      payload: JSON.stringify({ fileName: 'x.xml', content: 'A'.repeat(12 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
    const unknown = await preview({
      fileName: 'x.xml',
      content: b64(fixture('hostile/parent-children-v201.xml')),
      target: {
        kind: 'new_version',
        programme: 'nope',
        label: { fr: 'v' },
        effectiveDate: '2024-01-01',
        reason: { fr: 'r' },
      },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses a file of several programmes as one new framework version', async () => {
    const res = await preview({
      fileName: 'cordaid.xml',
      content: b64(fixture('nl-ngo-peacebuilding-disaggregated.xml')),
      target: {
        kind: 'new_version',
        programme: 'pbf-mli-e-1',
        label: { fr: 'v' },
        effectiveDate: '2024-01-01',
        reason: { fr: 'r' },
      },
    });
    expect(res.json()).toMatchObject({ canImport: false });
    expect(res.json().issues[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/donne 2 programmes/),
    });
  });

  it('writes all of a file or nothing: a failure on its second programme leaves no trace of the first', async () => {
    const xml = (id: string, reason: string) => `
      <iati-activity xml:lang="fr"><iati-identifier>${id}</iati-identifier>
        <title><narrative>${id}</narrative></title>
        <activity-date type="1" iso-date="2023-01-01"/><activity-date type="3" iso-date="2024-12-31"/>
        <recipient-country code="ML"/>
        <result type="2"><title><narrative>R</narrative></title>
          <indicator measure="1"><title><narrative>I</narrative></title>
            <period><period-start iso-date="2023-01-01"/><period-end iso-date="2023-12-31"/>
              <actual value="5"><comment><narrative>${reason}</narrative></comment></actual></period>
          </indicator></result>
      </iati-activity>`;
    const file = `<iati-activities version="2.03">${xml('XI-IATI-T-ATOMIC-1', 'ok')}${xml('XI-IATI-T-ATOMIC-2', 'boom')}</iati-activities>`;
    // a real failure inside the transaction, raised by the database itself on the second programme's value
    await database.db.execute(
      sql.raw(`create or replace function jalon_test_boom() returns trigger language plpgsql as $$
        begin raise exception 'boom (test trigger)'; end $$`),
    );
    await database.db.execute(
      sql.raw(`create trigger jalon_test_boom before insert on indicator_values
        for each row when (new.reason = 'boom') execute function jalon_test_boom()`),
    );
    try {
      const before = await count('programmes');
      const res = await importFile({ fileName: 'atomic.xml', content: b64(file) });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('internal');
      expect(await count('programmes')).toBe(before);
      expect((await app.inject({ url: '/api/v1/programmes/xi-iati-t-atomic-1' })).statusCode).toBe(404);
    } finally {
      await database.db.execute(sql.raw('drop trigger jalon_test_boom on indicator_values'));
      await database.db.execute(sql.raw('drop function jalon_test_boom()'));
    }
    const again = await importFile({ fileName: 'atomic.xml', content: b64(file) });
    expect(again.statusCode).toBe(201);
    expect((again.json() as ImportResult).created.map((c) => c.code)).toEqual([
      'XI-IATI-T-ATOMIC-1',
      'XI-IATI-T-ATOMIC-2',
    ]);
  });
});

describe.each(testEngines)('a programme through IATI into another Jalon, on %s', (engine) => {
  let source: Database;
  let target: Database;
  let from: FastifyInstance;
  let to: FastifyInstance;
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(engine), createTestDatabase(engine)]);
    await aDetailedProject(source, { code: 'PBF/MLI/E-1' });
    [from, to] = await Promise.all([testApp(source), testApp(target)]);
  });
  afterAll(async () => {
    await Promise.all([from.close(), to.close()]);
    await Promise.all([source.close(), target.close()]);
  });

  it('keeps the framework and the values of a project, and says which budgets IATI would refuse', async () => {
    const xml = (await from.inject({ url: '/api/v1/programmes/pbf-mli-e-1/export/iati' })).body;
    const res = await to.inject({
      method: 'POST',
      url: '/api/v1/imports',
      payload: { fileName: 'e1.xml', content: b64(xml) },
    });
    expect(res.statusCode).toBe(201);
    expect((res.json() as ImportResult).created).toEqual([
      { slug: 'pbf-mli-e-1', code: 'PBF/MLI/E-1', frameworkVersion: 1 },
    ]);
    const [a, b] = (await Promise.all(
      [from, to].map(async (app) => (await app.inject({ url: '/api/v1/programmes/pbf-mli-e-1' })).json()),
    )) as [ProgrammeDetail, ProgrammeDetail];
    // E-1 has stated budgets over 2020–2022 and no yearly budget lines here: IATI refuses a budget longer than a
    // year (rule 7.5.3), so they are held back and listed at the head of the file rather than published
    expect(xml).toMatch(/<!--[^]*7\.5\.3[^]*-->\s*<iati-activities/);
    expect(xml).not.toContain('<budget ');
    expect(b.recipients.map((r) => r.organisation.code)).toEqual(
      a.recipients.map((r) => r.organisation.code),
    );
    // IATI publishes the expenditure Jalon records (none for E-1), never amounts derived from the reports'
    // implementation rates: the rate of E-1's report does not travel through IATI
    expect(a.financialSnapshots[0]).toMatchObject({ asOf: '2020-11-30', implementationRate: 18 });
    expect(b.financialSnapshots).toEqual([]);
    const [fa, fb] = (await Promise.all(
      [from, to].map(async (app) =>
        expandFramework(
          (await app.inject({ url: '/api/v1/programmes/pbf-mli-e-1/framework' })).json<Framework>(),
        ),
      ),
    )) as [FrameworkTree, FrameworkTree];
    const carried = (f: FrameworkTree) =>
      f.outcomes
        .flatMap((o) => [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)])
        .map((i) => ({
          code: i.code,
          title: i.title,
          baseline: i.baseline && { text: i.baseline.text, spec: i.baseline.spec },
          // what IATI carries: targets with a value, milestones with a date
          targets: i.targets
            .filter((t) => t.value !== null && (t.kind !== 'milestone' || t.date))
            .map((t) => ({ kind: t.kind, year: t.year, text: t.value?.text, spec: t.value?.spec })),
          latest: i.latestValue && { text: i.latestValue.value?.text, periodEnd: i.latestValue.periodEnd },
        }));
    expect(carried(fb)).toEqual(carried(fa));
  });
});

describe.each(testEngines)('who may import, on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await aProgramme(database, { code: 'PAIX-JUSTICE', kind: 'joint_programme' });
    await aProgramme(database, { code: 'PBF/MLI/I-2' });
    app = await testApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lets a coordinator import a new framework version of their programme, and nothing else', async () => {
    const coordinator = await testApp(database, {
      as: {
        email: 'coord.import@test.jalon',
        memberships: [{ programme: 'paix-justice', role: 'coordinator' }],
      },
    });
    try {
      const exported = await app.inject({ url: '/api/v1/programmes/paix-justice/export/xlsx' });
      const version = (programme: string) => ({
        fileName: 'cadre.xlsx',
        content: b64(exported.rawPayload),
        target: {
          kind: 'new_version',
          programme,
          label: { fr: 'Revue', en: 'Review' },
          effectiveDate: '2025-01-01',
          reason: { fr: 'Atelier', en: 'Workshop' },
        },
      });
      const post = (url: string, payload: object) =>
        coordinator.inject({ method: 'POST', url: `${url}?lang=fr`, payload });
      expect((await post('/api/v1/imports/preview', version('paix-justice'))).statusCode).toBe(200);
      const other = await post('/api/v1/imports', version('pbf-mli-i-2'));
      expect(other.statusCode).toBe(403);
      expect(other.json().error.issues[0].path).toBe('body.target.programme');
      const programmes = await post('/api/v1/imports', { ...version('paix-justice'), target: undefined });
      expect(programmes.statusCode).toBe(403);
      expect(programmes.json().error.issues[0].path).toBe('body.target');
    } finally {
      await coordinator.close();
    }
  });
});
