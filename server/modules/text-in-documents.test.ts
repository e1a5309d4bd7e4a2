/**
 * Text stored before Jalon cleaned what it accepts (docs/decisions/0011-text-jalon-accepts.md) may still hold
 * U+000B (a line break pasted from Excel or Word), other C0 controls or a noncharacter: every writer makes a
 * valid file of it anyway — the public IATI export (valid against the IATI schema), the Word documents, the
 * workbooks — and the CSV of the change history cannot start a formula. Files read in are cleaned the same way
 * as typed text.
 */
import { sql } from 'drizzle-orm';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { validateIatiActivities } from '../documents/iati/iati-schema.js';
import { readDocx } from '../documents/docx/docx-text.js';
import ExcelJS from '../documents/xlsx/exceljs.js';
import { aBudgetLine, anActivity, aProgramme, aReport } from '../test/factories.js';
import { testEngines } from '../test/test-database.js';
import { testSuite } from '../test/test-suite.js';
import { auditCsv } from './audit/audit.service.js';

/** What legacy text holds: a pasted line break, two other controls and a noncharacter. */
const legacy = (words: string) => `${words}\u000Bsuite\u0001du\u001Ftexte\uFFFE fin`;

/** Characters XML 1.0 cannot carry, written as they are or as character references. */
const notXml =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#(x0*([0-8bcef]|1[0-9a-f]|fffe|ffff)|0*([0-8]|1[1-9]|2[0-9]|3[01]|65534|65535));/i;

/** Every XML part of an Office file: well formed, and without a character XML 1.0 cannot carry. */
async function officeXmlParts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/.test(name)) continue;
    parts[name] = await entry.async('string');
  }
  return parts;
}
async function expectValidOffice(bytes: Buffer) {
  for (const [name, xml] of Object.entries(await officeXmlParts(bytes))) {
    expect(notXml.exec(xml)?.[0], `${name} carries a character XML cannot`).toBeUndefined();
    expect(XMLValidator.validate(xml), name).toBe(true);
  }
}

describe.each(testEngines)('legacy text in the documents Jalon writes, on %s', (engine) => {
  let reportId: string;
  let slugs: string[];
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await suite.database.db.execute(query)) as unknown as { rows: T[] }).rows;

  const suite = testSuite(engine, {
    data: async (database) => {
      // a joint programme with activities in 2023-Q4, a budget and a draft annual report, and a project
      const since2023 = { startDate: '2023-01-01', framework: { outputs: 2, effectiveDate: '2023-01-01' } };
      const joint = await aProgramme(database, { ...since2023, kind: 'joint_programme' });
      const project = await aProgramme(database, since2023);
      slugs = [joint.slug, project.slug];
      await anActivity(database, joint, { startDate: '2023-11-14' });
      await anActivity(database, joint, {
        kind: 'sensitisation',
        title: { fr: 'Causerie sur le foncier à Kala' },
        startDate: '2023-12-05',
        organisation: 'UNWOMEN',
        places: [{ area: 'Niono' }],
      });
      await aBudgetLine(database, joint, { amounts: { '2023': 80_000, '2024': 60_000 } });
      const draft = await aReport(database, joint, {
        year: 2023,
        content: {
          fields: { overall_status: 'Les activités ont repris dans les communes de Kala et Niono.' },
          outcomes: { '1': { fields: { progress_summary: 'Deux causeries sur le foncier ont eu lieu.' } } },
        },
      });
      // as an older Jalon stored it: straight into the tables, nothing cleaned
      for (const slug of slugs) {
        const programme = sql`(select id from programmes where slug = ${slug})`;
        const versions = sql`(select id from framework_versions where programme_id = ${programme})`;
        await database.db.execute(
          sql`update programmes set title_fr = ${legacy('Titre')}, title_en = ${legacy('Title')}, summary_fr = ${legacy('Résumé')} where slug = ${slug}`,
        );
        await database.db.execute(
          sql`update outcomes set statement_fr = ${legacy('Effet')}, statement_en = ${legacy('Outcome')} where framework_version_id in ${versions}`,
        );
        await database.db.execute(
          sql`update outputs set statement_fr = ${legacy('Produit')}, statement_en = ${legacy('Output')} where framework_version_id in ${versions}`,
        );
        await database.db.execute(
          sql`update indicators set title_fr = ${legacy('Indicateur')}, title_en = ${legacy('Indicator')}, notes = ${legacy('Note')} where framework_version_id in ${versions}`,
        );
        await database.db.execute(
          sql`update activities set title_fr = ${legacy('Activité')} where programme_id = ${programme}`,
        );
      }
      const [report] = await rows<{ id: string; content: unknown }>(
        // a report not yet accepted: its document is assembled from the tables as they are now
        sql`select r.id::text as id, r.content from reports r where r.id = ${draft.id} and r.frozen_model is null`,
      );
      reportId = report!.id;
      // every text a person wrote in the report gets the same characters
      const taint = (v: unknown): unknown =>
        typeof v === 'string' && v.length > 3
          ? legacy(v)
          : Array.isArray(v)
            ? v.map(taint)
            : v && typeof v === 'object'
              ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, taint(x)]))
              : v;
      const content = typeof report!.content === 'string' ? JSON.parse(report!.content) : report!.content;
      await database.db.execute(
        sql`update reports set content = ${JSON.stringify(taint(content))}::jsonb where id = ${reportId}`,
      );
    },
  });

  it('the public IATI export stays valid against the IATI schema', async () => {
    for (const slug of slugs) {
      const res = await suite.app.inject({ url: `/api/v1/programmes/${slug}/export/iati` });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(notXml.exec(res.body)?.[0]).toBeUndefined();
      const validation = await validateIatiActivities(res.body);
      expect(validation.errors).toEqual([]);
      // the pasted line break is kept as one, the other controls as spaces
      expect(res.body).toContain('Titre\nsuite du texte fin');
    }
  });

  it('the Word report is a valid document that says what was written', async () => {
    for (const lang of ['fr', 'en']) {
      const res = await suite.app.inject({
        url: `/api/v1/reports/${reportId}/export?format=docx&lang=${lang}`,
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      await expectValidOffice(res.rawPayload);
      const text = await readDocx(res.rawPayload);
      expect(JSON.stringify(text)).toContain(lang === 'fr' ? 'Effet' : 'Outcome');
    }
  });

  it('the quarterly Word report is a valid document', async () => {
    const res = await suite.app.inject({
      url: `/api/v1/programmes/${slugs[0]}/quarterly-report/document?quarter=2023-Q4&format=docx&lang=fr`,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    await expectValidOffice(res.rawPayload);
  });

  it('the workbooks are valid and read back', async () => {
    for (const url of [
      `/api/v1/programmes/${slugs[0]}/export/xlsx?lang=fr`,
      `/api/v1/programmes/${slugs[0]}/activities.xlsx?lang=fr`,
      `/api/v1/programmes/${slugs[0]}/activity-template.xlsx?lang=en`,
      `/api/v1/programmes/${slugs[0]}/finance/export?lang=fr`,
    ]) {
      const res = await suite.app.inject({ url });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      await expectValidOffice(res.rawPayload);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.length).toBeGreaterThan(0);
    }
  });

  it('the change history as CSV never starts a cell with a formula', () => {
    const csv = auditCsv([
      {
        id: 1,
        at: '2026-01-01T00:00:00Z',
        actor: { id: null, label: '=HYPERLINK("http://example.org","clic")' },
        action: 'update',
        entity: 'programmes',
        entityId: '+33 6 12',
        before: null,
        after: { title: '@SUM(A1)' },
      },
    ]);
    const cells = csv.trim().split('\n')[1]!;
    expect(cells).not.toMatch(/(^|,)"?[=+\-@]/);
    expect(cells).toContain(`"'=HYPERLINK(""http://example.org"",""clic"")"`);
    expect(cells).toContain(`'+33 6 12`);
  });
});
