/**
 * Importing 100,000 activity rows from a spreadsheet (`jalon import activities`, `runImportOnce`): the workbook
 * streamed and read, every row checked (agency, dates, places of Mali resolved by name, indicators,
 * participant cells), then everything written in one transaction with `unnest` of arrays — the import row,
 * 100,000 activities, their indicator links and places, and 400,000 participant rows.
 *
 * Data: Jalon's template layout, one activity per row, for PROSMED: 50 cercles written with and without
 * accents, 8 kinds, 4 agencies, 4 participant cells per row. Measured once (it writes), with the peak memory
 * above the level before the import; the CSV of the same rows too. Baseline: the same rows' activities
 * with their indicator link, place and participants inserted by one raw `INSERT … SELECT` per table into the
 * same tables (same indexes, keys and audit triggers; no reading, no checking) — the ratio is what
 * reading and checking a spreadsheet costs on top of writing it.
 *
 * Run: `npm run bench -- import-activities`, or `npx tsx bench/import-activities.bench.ts`.
 */
import ExcelJS from '../server/documents/xlsx/exceljs.js';
import { PassThrough } from 'node:stream';
import { activityKinds } from '../core/contracts/activity-vocabulary.js';
import { categoryLabels, kindLabels } from '../core/activities/labels.js';
import type { Engine } from '../server/db/client.js';
import { fieldHeader, templateFields } from '../server/documents/xlsx/activities-layout.js';
import type { ImportCommitResult } from '../core/contracts/activity-import.js';
import { runImportOnce } from '../server/modules/imports/imports.service.js';
import { cerclesByRegion } from '../scripts/geography/mali-names.js';
import { once, runIfMain, size, type BenchResult } from './measure.js';
import { openFieldEngine, withPeakMemory } from './field-engine.js';
import { operatorContext } from '../server/context.js';

const ROWS = size('JALON_BENCH_IMPORT_ROWS', 100_000, 10_000);
const cercles = Object.values(cerclesByRegion).flat();
const accented: Record<string, string> = {
  Segou: 'Ségou',
  Djenne: 'Djénné',
  Diema: 'Diéma',
  Menaka: 'Ménaka',
};
const agencies = ['UNDP', 'PNUD', 'UNWOMEN', 'ONUDC'];
const categories = ['community_members', 'women_youth_associations', 'local_authorities', 'pupils'] as const;

function row(i: number): Record<string, string | number> {
  const cercle = cercles[i % cercles.length]!;
  const month = 1 + (i % 12);
  return {
    reference: `BENCH-${i}`,
    title: `Séance de sensibilisation n° ${i} sur la cohésion sociale`,
    kind: kindLabels[activityKinds[i % activityKinds.length]!].fr,
    startDate: `2024-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    organisation: agencies[i % agencies.length]!,
    partner: 'ONG partenaire',
    output: '1.3',
    indicators: '1.3.2',
    places: i % 3 ? (accented[cercle] ?? cercle) : cercle.toUpperCase(),
    category: categoryLabels[categories[i % categories.length]!].fr,
    'female.age_18_35': 10 + (i % 7),
    'female.unknown': i % 5,
    'male.age_36_plus': 5 + (i % 4),
    'unknown.unknown': i % 3,
  };
}

async function workbook(): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('Activités');
  ws.addRow(templateFields.map((f) => fieldHeader(f, 'fr'))).commit();
  for (let i = 0; i < ROWS; i++) {
    const r = row(i);
    ws.addRow(templateFields.map((f) => r[f] ?? null)).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

function csv(): Buffer {
  const header = templateFields.map((f) => fieldHeader(f, 'fr')).join(';');
  const lines = [header];
  for (let i = 0; i < ROWS; i++) {
    const r = row(i);
    lines.push(templateFields.map((f) => String(r[f] ?? '')).join(';'));
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

export async function importActivitiesBench(engine: Engine): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const format of ['xlsx', 'csv'] as const) {
    const { database, query, close } = await openFieldEngine(engine);
    try {
      const bytes = format === 'xlsx' ? await workbook() : csv();
      const ctx = operatorContext(database.db);
      const dry = await withPeakMemory(() =>
        runImportOnce<ImportCommitResult>(ctx, 'activities', 'prosmed', bytes, {
          fileName: `bench.${format}`,
          dryRun: true,
        }),
      );
      if (dry.result.preview.read.errorCount)
        throw new Error(
          `bench file has errors: ${JSON.stringify(dry.result.preview.read.issues.slice(0, 3))}`,
        );
      const run = await withPeakMemory(() =>
        runImportOnce<ImportCommitResult>(ctx, 'activities', 'prosmed', bytes, {
          fileName: `bench.${format}`,
          dryRun: false,
        }),
      );
      const created = run.result.result?.created ?? 0;
      if (created !== ROWS) throw new Error(`imported ${created} activities, expected ${ROWS}`);
      // baseline: the same rows (activities, their indicator link and place, 4 participant rows each) written
      // by raw SQL, no reading or checking; the same tables, so the same indexes, keys and audit triggers
      const [p] = await query("select id from programmes where slug = 'prosmed'", []);
      const [org] = await query("select id from organisations where code = 'UNDP'", []);
      const ids = Array.from({ length: ROWS }, (_, i) => i);
      const start = performance.now();
      await query('begin', []);
      await query(
        `insert into activities (programme_id, kind, title_fr, start_date, organisation_id, output_code, external_id)
         select $1::uuid, 'sensitisation', 'Séance ' || i, ('2024-01-01'::date + (i % 300)), $2::uuid, '1.3', 'RAW-' || i
           from unnest($3::int[]) as i`,
        [p!.id, org!.id, ids],
      );
      await query(
        `insert into activity_indicators (activity_id, indicator_code)
         select a.id, '1.3.2' from activities a where a.external_id like 'RAW-%'`,
        [],
      );
      await query(
        `insert into activity_places (activity_id, area_code)
         select a.id, c.codes[1 + substr(a.external_id, 5)::int % array_length(c.codes, 1)]
           from activities a, (select array_agg(code order by code) as codes from admin_areas where level = 'cercle') c
          where a.external_id like 'RAW-%'`,
        [],
      );
      await query(
        `insert into activity_participants (activity_id, programme_id, activity_date, category, sex, age_group,
                                            organisation_id, count)
         select a.id, a.programme_id, a.start_date, 'community_members', s::participant_sex, 'unknown',
                a.organisation_id, 5
           from activities a cross join unnest(array['female','male','unknown','female']) as s
          where a.external_id like 'RAW-%'`,
        [],
      );
      await query('commit', []);
      const rawMs = performance.now() - start;
      const mb = (bytes.length / 1024 / 1024).toFixed(1);
      results.push(once(`import ${ROWS} activity rows, .${format} ${mb} MB, dry run`, dry.ms, dry.peakMb));
      results.push({
        ...once(`import ${ROWS} activity rows, .${format} ${mb} MB, all-or-nothing`, run.ms, run.peakMb),
        baseline: once('raw SQL insert of the same rows', rawMs, 0),
      });
    } finally {
      await close();
    }
  }
  return results;
}

await runIfMain(import.meta.url, importActivitiesBench);
