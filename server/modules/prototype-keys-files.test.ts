/**
 * Issue 12: files whose names and codes are `__proto__`, `constructor` or `prototype` — IATI attributes,
 * elements and result references, a framework workbook's codes and headers, a CSV's headers and the mapping
 * that points at them — are read or refused with a readable message, never a 500, and Object.prototype stays
 * as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview as ActivityImportPreview } from '../../core/contracts/activity-import.js';
import type { ImportPreview } from '../../core/contracts/exchange.js';
import { programmeDocument } from '../../core/contracts/programme-document.js';
import { ImportRefused } from '../documents/import-refused.js';
import { readIatiActivities } from '../documents/iati/iati-reader.js';
import ExcelJS from '../documents/xlsx/exceljs.js';
import { writeFrameworkWorkbook } from '../documents/xlsx/framework-writer.js';
import { aFrameworkDocument, aProgramme } from '../test/factories.js';
import { testEngines } from '../test/test-database.js';
import { testSuite } from '../test/test-suite.js';

const cleanPrototype = Object.getOwnPropertyNames(Object.prototype);
const cleanObject = Object.getOwnPropertyNames(Object);
const expectUnpolluted = () => {
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(cleanPrototype);
  expect(Object.getOwnPropertyNames(Object)).toEqual(cleanObject);
};
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

describe.each(testEngines)('files naming the prototype on %s', (engine) => {
  let iati: string;
  let slug: string;
  // outcome 1 with an indicator coded 1.1 and an output 1.1 (numbered as PBF projects do), 2024–2026
  const framework = aFrameworkDocument({ effectiveDate: '2024-01-01' });
  framework.outcomes[0]!.indicators![0]!.code = '1.1';
  const suite = testSuite(engine, {
    data: async (database) => {
      ({ slug } = await aProgramme(database, { startDate: '2024-01-01', frameworks: [framework] }));
    },
  });
  beforeAll(async () => {
    iati = (await suite.app.inject({ url: `/api/v1/programmes/${slug}/export/iati` })).body;
  });
  afterAll(async () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype))
      if (!cleanPrototype.includes(name)) delete (Object.prototype as Record<string, unknown>)[name];
    for (const name of Object.getOwnPropertyNames(Object))
      if (!cleanObject.includes(name)) delete (Object as unknown as Record<string, unknown>)[name];
  });

  const preview = (fileName: string, content: Uint8Array | string, lang = 'fr') =>
    suite.app.inject({
      method: 'POST',
      url: `/api/v1/imports/preview?lang=${lang}`,
      payload: { fileName, content: b64(content) },
    });

  it('refuses an IATI file with attributes or elements named like the prototype, with a readable reason', async () => {
    for (const [name, xml] of [
      ['__proto__', iati.replace('<iati-activity ', '<iati-activity __proto__="x" ')],
      ['prototype', iati.replace('<iati-activity ', '<iati-activity prototype="x" ')],
      [
        'constructor',
        iati.replace('</iati-activity>', '<constructor><progress>x</progress></constructor></iati-activity>'),
      ],
    ] as const) {
      expect(xml).not.toBe(iati);
      expect(() =>
        readIatiActivities(Buffer.from(xml), { locale: 'fr', fileName: 'x.xml', today: '2026-11-26' }),
      ).toThrow(ImportRefused);
      for (const lang of ['fr', 'en']) {
        const res = await preview('hostile.xml', xml, lang);
        expect(res.statusCode, `${name}: ${res.body.slice(0, 300)}`).toBe(400);
        const message = res.json().error.issues?.[0]?.message ?? res.json().error.message;
        expect(message).toContain(name);
        expect(message).toMatch(lang === 'fr' ? /Ce fichier/ : /This file/);
      }
    }
    expectUnpolluted();
  });

  it('does not take IATI result references named like the prototype as codes', async () => {
    const outcome = /<reference vocabulary="99" code="1"\/>/;
    expect(iati).toMatch(outcome);
    // Jalon's files give an indicator's code as the first line of its description (the result carries the
    // reference: IATI allows it at one level only); the first one is outcome 1's indicator 1.1
    const codeLine = /<description>\s*<narrative xml:lang="fr">Code : 1\.1(?=[\n<])/;
    expect(iati).toMatch(codeLine);
    const jalons = iati
      .replace(outcome, '<reference vocabulary="99" code="constructor"/>')
      .replace(codeLine, (m) => m.replace('Code : 1.1', 'Code : __proto__'));
    // another publisher's file gives it as the indicator's reference
    const others = iati
      .replace(outcome, '<reference vocabulary="99" code="constructor"/>')
      .replace(codeLine, (m) => `<reference vocabulary="99" code="__proto__"/>${m}`);
    for (const xml of [jalons, others]) {
      expect(xml).toMatch(/__proto__/);
      const res = await preview('hostile.xml', xml);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const body: ImportPreview = res.json();
      expect(body.canImport).toBe(false);
      const errors = body.issues.filter((i) => i.severity === 'error').map((i) => `${i.where}: ${i.message}`);
      expect(errors).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/outcomes\.0\.code: .*constructor/),
          expect.stringMatching(/indicators\.0\.code: .*__proto__/),
        ]),
      );
    }
    expectUnpolluted();
  });

  it('refuses framework workbook codes named like the prototype, and reads headers named so as unknown', async () => {
    const doc = programmeDocument.parse(
      (await suite.app.inject({ url: `/api/v1/programmes/${slug}/export` })).json(),
    );
    const framework = structuredClone(doc.frameworks.at(-1)!);
    framework.outcomes[0]!.code = '__proto__';
    framework.outcomes[0]!.indicators[0]!.code = 'constructor';
    const bytes = await writeFrameworkWorkbook({
      programme: { ...doc, code: 'PBF/MLI/PROTO' },
      framework,
      locale: 'fr',
    });
    // a column and a programme field named like the prototype
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const sheet of wb.worksheets) {
      const header = sheet.getRow(1);
      header.getCell(header.cellCount + 1).value = '__proto__';
      header.getCell(header.cellCount + 2).value = 'prototype';
    }
    const programmeSheet = wb.worksheets.find((w) => /programme/i.test(w.name))!;
    programmeSheet.addRow(['__proto__', 'x']);
    programmeSheet.addRow(['constructor', 'x']);
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await preview('hostile.xlsx', edited);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body: ImportPreview = res.json();
    expect(body.canImport).toBe(false);
    const errors = body.issues.filter((i) => i.severity === 'error').map((i) => `${i.where}: ${i.message}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/outcomes\.0\.code: .*__proto__/),
        expect.stringMatching(/outcomes\.0\.indicators\.0\.code: .*constructor/),
      ]),
    );
    expectUnpolluted();
  });

  it('reads a CSV whose headers are named like the prototype, with a mapping pointing at them', async () => {
    const csv = [
      '__proto__,constructor,prototype,Agence',
      'Causerie sur la cohésion sociale,2024-02-05,x,UNWOMEN',
      'Atelier de dialogue,2024-03-01,y,UNWOMEN',
    ].join('\n');
    const upload = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/activity-imports?fileName=proto.csv&lang=fr`,
      payload: Buffer.from(csv),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(upload.statusCode, upload.body.slice(0, 300)).toBe(201);
    const first: ActivityImportPreview = upload.json();
    expect(first.columns.map((c) => c.header)).toEqual(['__proto__', 'constructor', 'prototype', 'Agence']);
    const mapping = {
      sheet: null,
      columns: {
        title: '__proto__',
        startDate: 'constructor',
        description: 'prototype',
        organisation: 'Agence',
      },
      defaults: { kind: 'sensitisation' },
    };
    const put = await suite.app.inject({
      method: 'PUT',
      url: `/api/v1/activity-imports/${first.id}/mapping?lang=fr`,
      payload: { version: first.version, mapping },
    });
    expect(put.statusCode, put.body.slice(0, 300)).toBe(200);
    const mapped: ActivityImportPreview = put.json();
    expect(mapped.errors).toEqual([]);
    expect(mapped.sample.map((a) => [a.title, a.startDate])).toEqual([
      ['Causerie sur la cohésion sociale', '2024-02-05'],
      ['Atelier de dialogue', '2024-03-01'],
    ]);
    // a mapping whose own keys name the prototype is refused as a whole
    for (const text of [
      `{"version":${mapped.version},"mapping":{"columns":{"__proto__":{"title":"x"}}}}`,
      `{"version":${mapped.version},"mapping":{"columns":{"constructor":"x","prototype":"y"}}}`,
      `{"version":${mapped.version},"mapping":{"columns":{"title":"__proto__"},"defaults":{"constructor":{"prototype":{"x":1}}}}}`,
    ]) {
      const res = await suite.app.inject({
        method: 'PUT',
        url: `/api/v1/activity-imports/${first.id}/mapping?lang=fr`,
        payload: text,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode, `${text}: ${res.body.slice(0, 300)}`).toBe(400);
      expect(res.json().error.message).toBeTruthy();
    }
    expectUnpolluted();
  });
});
