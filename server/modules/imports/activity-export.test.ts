/**
 * The activities export (`activities.xlsx`) read whole and compared with a golden file: what it says, cell by
 * cell, with its formats, widths, bold header and frozen row. The golden was written by the export as it was
 * before it streamed (one workbook in memory), so the streaming export writes the same workbook. Pages of a
 * few activities make the keyset paging cross days shared by several activities.
 */
import { readFileSync } from 'node:fs';
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
const golden: unknown = JSON.parse(
  readFileSync(new URL('./__golden__/activity-export.json', import.meta.url), 'utf8'),
);

/** Everything a reader of the workbook sees, activity ids replaced by their order of appearance. */
async function contentOf(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ids = new Map<string, string>();
  const plain = (v: ExcelJS.CellValue): unknown => {
    if (v instanceof Date) return v.toISOString();
    if (typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(v)) {
      if (!ids.has(v)) ids.set(v, `activity ${ids.size + 1}`);
      return ids.get(v);
    }
    return v;
  };
  return wb.worksheets.map((ws) => {
    const rows: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells.push({
          c,
          v: plain(cell.value),
          ...(cell.numFmt ? { numFmt: cell.numFmt } : {}),
          ...(cell.font?.bold ? { bold: true } : {}),
          ...(cell.fill && 'fgColor' in cell.fill ? { fill: cell.fill.fgColor?.argb } : {}),
        });
      });
      rows.push({ n, ...(row.height ? { height: row.height } : {}), cells });
    });
    return {
      name: ws.name,
      frozen: (ws.views ?? []).map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit })),
      widths: (ws.columns ?? []).map((c) => c.width ?? null),
      rows,
    };
  });
}

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
    configureExportPages(2000);
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
      expect(await contentOf(res.rawPayload)).toEqual(golden);
    });

  it('writes the header alone when no activity matches', async () => {
    const res = await app.inject({
      url: `/api/v1/programmes/${programme.slug}/activities.xlsx?from=2021-01-01&to=2021-12-31&lang=en`,
    });
    expect(res.statusCode).toBe(200);
    const [activities] = await contentOf(res.rawPayload);
    expect(activities!.name).toBe('Activities');
    expect(activities!.rows).toHaveLength(1);
  });

  it('answers 404 for a programme that does not exist, before any byte of a workbook', async () => {
    const res = await app.inject({ url: '/api/v1/programmes/no-such-programme/activities.xlsx' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
