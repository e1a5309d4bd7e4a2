/**
 * The activities export (`activities.xlsx`) read whole and compared with a golden file: what it says, cell by
 * cell, with its formats, widths, bold header and frozen row. The golden was written by the export as it was
 * before it streamed (one workbook in memory), so the streaming export writes the same workbook. Pages of a
 * few activities make the keyset paging cross days shared by several activities.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../documents/xlsx/exceljs.js';
import type { Database } from '../../db/client.js';
import { testApp } from '../../test/api-client.js';
import { anActivity, anIndicatorValue, aProgramme, type MadeProgramme } from '../../test/factories.js';
import { anIndicatorRule } from '../../test/indicator-rule-factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';
import { configureExportPages } from './spreadsheets.service.js';

/** What the export wrote before it streamed, read as `contentOf` reads it (the golden's history: git log). */
const goldenFile = new URL('./__golden__/activity-export.json', import.meta.url);
const golden: unknown = JSON.parse(readFileSync(goldenFile, 'utf8'));

/**
 * Everything a reader of the workbook sees. Activities of one day come in the order of their ids (random):
 * rows are compared as a set, each reference named by its activity's title, and their order checked apart.
 */
async function contentOf(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const plain = (v: ExcelJS.CellValue): unknown => (v instanceof Date ? v.toISOString() : v);
  const order: [string, string][] = [];
  const sheets = wb.worksheets.map((ws, sheet) => {
    const rows: { height?: number; cells: unknown[] }[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // an empty text is a blank cell to every reader (the workbook in memory wrote it, the stream does not)
        if (cell.value === '') return;
        let v = plain(cell.value);
        if (sheet === 0 && n > 1 && c === 1) {
          order.push([String(plain(row.getCell(4).value)), String(v)]);
          v = `reference of ${String(row.getCell(2).value)}`;
        }
        cells.push({
          c,
          v,
          ...(cell.numFmt ? { numFmt: cell.numFmt } : {}),
          ...(cell.font?.bold ? { bold: true } : {}),
          ...(cell.fill && 'fgColor' in cell.fill ? { fill: cell.fill.fgColor?.argb } : {}),
        });
      });
      rows.push({ ...(row.height ? { height: row.height } : {}), cells });
    });
    const [head, ...data] = rows;
    if (sheet === 0) data.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    return {
      name: ws.name,
      frozen: (ws.views ?? []).map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit })),
      widths: (ws.columns ?? []).map((c) => c.width ?? null),
      rows: head ? [head, ...data] : [],
    };
  });
  return { sheets, order };
}

/** Oldest first, and by id within a day (the order the keyset pages follow). */
const inExportOrder = (order: [string, string][]) =>
  order.every(([date, id], i) => {
    const [before, beforeId] = order[i - 1] ?? ['', ''];
    return before < date || (before === date && beforeId <= id);
  });

describe.each(testEngines)('activities export on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let programme: MadeProgramme;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    programme = await aProgramme(database, {
      startDate: '2023-01-01',
      firstTransferDate: '2023-01-15',
      endDate: '2025-12-31',
      framework: { outcomes: 1, outputs: 2, indicators: 2, effectiveDate: '2023-01-01' },
    });
    // several activities on one day (the pages end inside it), some with several categories, one with none
    const days = [
      '2024-02-03',
      '2024-02-03',
      '2024-02-03',
      '2024-03-10',
      '2024-03-10',
      '2024-05-01',
      '2024-06-30',
    ];
    for (const [i, startDate] of days.entries())
      await anActivity(database, programme, {
        startDate,
        endDate: i % 3 === 0 ? null : startDate,
        title: { fr: `Activité ${i + 1}`, ...(i % 2 ? { en: `Activity ${i + 1}` } : {}) },
        kind: i % 2 ? 'training' : 'dialogue',
        partner: i === 2 ? 'ONG AZHAR' : null,
        description: i === 4 ? 'Deux jours, à la mairie' : null,
        indicators: i % 2 ? ['1.1.1', '1.2.1'] : [],
        places:
          i === 5
            ? [{ area: 'Bandiagara', note: 'Salle de la mairie' }, { area: 'Mopti' }]
            : [{ area: 'Bandiagara', note: null }],
        quantity: i === 6 ? 3 : null,
        quantityUnit: i === 6 ? 'émissions radio' : null,
        participants:
          i === 3
            ? []
            : [
                { category: 'community_members', sex: 'female', ageGroup: 'age_18_35', count: 12 + i },
                { category: 'community_members', sex: 'male', ageGroup: 'under_18', count: 3 },
                ...(i % 2
                  ? [
                      {
                        category: 'local_authorities' as const,
                        sex: 'male' as const,
                        ageGroup: 'age_36_plus' as const,
                        count: 4,
                      },
                    ]
                  : []),
              ],
      });
    await anIndicatorRule(database, programme.indicators.get('1.2.1')!, {
      kind: 'count_activities',
      scope: 'programme',
    });
    await anIndicatorValue(database, programme.indicators.get('1.1.1')!, {
      periodStart: '2024-01-01',
      periodEnd: '2024-06-30',
      value: { text: '45' },
    });
    app = await testApp(database);
  });
  afterAll(async () => {
    // back to the server's own pages: the next file of this worker shares the module (vitest.config.ts)
    configureExportPages(null);
    await app.close();
    await database.close();
  });

  for (const pageSize of [2, 2000])
    it(`writes today's workbook, in pages of ${pageSize}`, async () => {
      configureExportPages(pageSize);
      const res = await app.inject({
        url: `/api/v1/programmes/${programme.slug}/activities.xlsx?from=2024-01-01&to=2024-12-31&lang=fr`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${programme.code.replace(/\//g, '-')}-activites-2024-12-31.xlsx"`,
      );
      const { sheets, order } = await contentOf(res.rawPayload);
      if (process.env.JALON_WRITE_GOLDEN) writeFileSync(goldenFile, JSON.stringify(sheets, null, 2));
      expect(sheets).toEqual(golden);
      expect(order).toHaveLength(9);
      expect(inExportOrder(order)).toBe(true);
    });

  it('writes the header alone when no activity matches', async () => {
    const res = await app.inject({
      url: `/api/v1/programmes/${programme.slug}/activities.xlsx?from=2021-01-01&to=2021-12-31&lang=en`,
    });
    expect(res.statusCode).toBe(200);
    const [activities] = (await contentOf(res.rawPayload)).sheets;
    expect(activities!.name).toBe('Activities');
    expect(activities!.rows).toHaveLength(1);
  });

  it('answers 404 for a programme that does not exist, before any byte of a workbook', async () => {
    const res = await app.inject({ url: '/api/v1/programmes/no-such-programme/activities.xlsx' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
