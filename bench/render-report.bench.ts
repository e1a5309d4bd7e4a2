/**
 * Assembling a report (programme + framework + content → model, `getReportModel`) and rendering it as Word
 * (`renderReportDocx`). Baselines: for the render, the docx library packing the very document Jalon builds
 * (`packingSameDocument`: the same Word file with the raw library); a minimal document of the same model
 * written straight with `docx` (no layout blocks, labels or formatting: a third smaller) is in the note. For
 * the assembling, the report's and its programme's rows read by raw SQL (bench/raw-reads.ts).
 *
 * Data: a portfolio of 100 programmes the size of PROSMED (4 outcomes, 14 outputs, 53 indicators), each with a
 * draft annual report 2023 created pre-filled from the data, then given the narratives of the A-3 2020 report
 * of the seeds and a progress and reason for every indicator — a full report, assembled afresh on every read
 * (drafts are not frozen).
 *
 * Run: `npm run bench -- render-report`, or `npx tsx bench/render-report.bench.ts`.
 */
import {
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  PageOrientation,
} from 'docx';
import { eq } from 'drizzle-orm';
import type { ReportContent, ReportModel } from '../core/contracts/report.js';
import { reportDocument } from '../core/contracts/report.js';
import { textOf } from '../core/reports/checks.js';
import { operatorContext, type ServiceContext } from '../server/context.js';
import type { Database, Engine } from '../server/db/client.js';
import * as t from '../server/db/schema/index.js';
import { pbfMliA3Report2020 } from '../server/seed/reports/pbf-mli-a-3-2020.js';
import { renderReportDocx } from '../server/documents/docx/report-docx.js';
import { createReport, getReportModel } from '../server/modules/reports/reports.service.js';
import { measure, quick, runIfMain, timingOf, type BenchResult } from './measure.js';
import { rawFramework, rawProgramme } from './raw-reads.js';
import { fillPortfolio as fillProgrammes, openBenchEngine, PROGRAMMES } from './portfolio.js';

const RUNS = 100;

/** The portfolio, and one full draft report per programme; returns the reports' ids. */
async function fillReports(database: Database, ctx: ServiceContext): Promise<string[]> {
  await fillProgrammes(database);
  const seed = reportDocument.parse(pbfMliA3Report2020).content;
  const narratives = Object.values(seed.outcomes);
  const rows = Object.values(seed.indicators);
  const ids: string[] = [];
  for (let i = 1; i <= PROGRAMMES; i++) {
    const report = await createReport(ctx, `bench-${String(i).padStart(3, '0')}`, {
      type: 'annual',
      year: 2023,
    });
    const content: ReportContent = structuredClone(report.model.content);
    Object.assign(content.fields, seed.fields);
    report.model.outcomes.forEach((o, k) => {
      content.outcomes[o.code] = narratives[k % narratives.length]!;
    });
    const codes = report.model.outcomes.flatMap((o) => [
      ...o.indicators,
      ...o.outputs.flatMap((x) => x.indicators),
    ]);
    codes.forEach((row, k) => {
      const sample = rows[k % rows.length]!;
      content.indicators[row.code] = {
        progress: row.progress ?? sample.progress,
        reason: row.reason ?? sample.reason,
        included: true,
      };
    });
    await database.db.update(t.reports).set({ content }).where(eq(t.reports.id, report.id));
    ids.push(report.id);
  }
  return ids;
}

/** The baseline: the same model straight into `docx` — a title, a header table, the texts, the Part V table. */
export async function rawDocx(model: ReportModel): Promise<Buffer> {
  const cell = (text: string, width: number, columnSpan?: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...(columnSpan ? { columnSpan } : {}),
      children: text.split('\n').map((line) => new Paragraph(line)),
    });
  const table = (rows: TableRow[], widths: number[]) =>
    new Table({ rows, columnWidths: widths, layout: TableLayoutType.FIXED });
  const h = model.header;
  const facts: [string, string][] = [
    ['Pays', h.country],
    ['Type', model.type],
    ['Année', String(model.year)],
    ['Titre', model.programme.title.fr],
    ['Numéro', h.fundCode ?? model.programme.code],
    ['Agences', h.recipients.map((r) => r.acronym.fr).join('\n')],
    ['Date de fin', h.endDate],
    ['Budget', h.recipients.map((r) => `${r.acronym.fr} ${r.budget ?? ''}`).join('\n')],
    ['Total', String(h.totalBudget)],
  ];
  const texts = [
    ...Object.entries(model.content.fields).map(([k, v]) => [k, textOf(v)] as const),
    ...Object.entries(model.content.outcomes).flatMap(([code, o]) =>
      Object.entries(o.fields).map(([k, v]) => [`${code} ${k}`, textOf(v)] as const),
    ),
  ];
  const widths = [3600, 1700, 2000, 2000, 2700, 2570];
  const indicatorRows = model.outcomes.flatMap((o) => [
    new TableRow({ children: [cell(`Résultat ${o.code} ${o.statement.fr}`, 14570, 6)] }),
    ...[...o.indicators, ...o.outputs.flatMap((x) => x.indicators)].map(
      (r) =>
        new TableRow({
          children: [
            `${r.code}\n${r.title.fr}`,
            r.baseline?.text ?? '',
            r.endTarget?.text ?? '',
            r.milestones.map((m) => m.value.text).join('\n'),
            r.progress ?? '',
            r.reason ?? '',
          ].map((text, i) => cell(text, widths[i]!)),
        }),
    ),
  ]);
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            children: [new TextRun({ text: 'RAPPORT DE PROGRÈS DE PROJET PBF', bold: true })],
          }),
          table(
            facts.map(([l, v]) => new TableRow({ children: [cell(l, 3400), cell(v, 6238)] })),
            [3400, 6238],
          ),
          ...texts.flatMap(([label, text]) => [
            new Paragraph({ children: [new TextRun({ text: label, bold: true })] }),
            ...text.split('\n').map((line) => new Paragraph(line)),
          ]),
        ],
      },
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          table(
            [
              new TableRow({ tableHeader: true, children: widths.map((w, i) => cell(`col ${i + 1}`, w)) }),
              ...indicatorRows,
            ],
            widths,
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * The fair baseline of the render: the docx library packing (`Packer.toBuffer`: XML and zip) the very document
 * Jalon builds — what the same Word file costs with the raw library, whoever lays it out. The document of each
 * run is built by `renderReportDocx` with the packing held back, then packed alone and timed.
 */
async function packingSameDocument(models: Awaited<ReturnType<typeof getReportModel>>[]) {
  const pack = Packer.toBuffer.bind(Packer);
  let built: Document | undefined;
  const holdBack = async (document: Document) => {
    built = document;
    return Buffer.alloc(0);
  };
  const times: number[] = [];
  let bytes = 0;
  const runs = quick ? 20 : RUNS;
  try {
    for (let k = 0; k < runs + 10; k++) {
      const { model, template } = models[k % models.length]!;
      (Packer as unknown as { toBuffer: typeof holdBack }).toBuffer = holdBack;
      await renderReportDocx(model, template, 'fr');
      (Packer as unknown as { toBuffer: typeof pack }).toBuffer = pack;
      const start = performance.now();
      const buffer = await pack(built!);
      if (k >= 10) times.push(performance.now() - start); // the first ten warm up
      bytes = buffer.length;
    }
  } finally {
    (Packer as unknown as { toBuffer: typeof pack }).toBuffer = pack;
  }
  const minimalBytes = (await rawDocx(models[0]!.model)).length;
  return {
    timing: timingOf('docx packing the same document', times, process.memoryUsage().rss / 1024 / 1024),
    bytes,
    minimalBytes,
  };
}

export async function renderReportBench(engine: Engine): Promise<BenchResult[]> {
  const { database, query, close } = await openBenchEngine(engine);
  try {
    const ctx: ServiceContext = operatorContext(database.db);
    const ids = await fillReports(database, ctx);
    let i = 0;
    const nextId = () => ids[i++ % ids.length]!;
    // models assembled once, for the render-only and baseline runs
    const models = await Promise.all(ids.map((id) => getReportModel(ctx, id)));
    const rows = models[0]!.model.outcomes.flatMap((o) => [
      ...o.indicators,
      ...o.outputs.flatMap((x) => x.indicators),
    ]);
    if (rows.length !== 53 || !rows.every((r) => r.progress)) throw new Error('unexpected report model');
    let m = 0;
    const nextModel = () => models[m++ % models.length]!;
    const check = (bytes: Buffer) => {
      if (bytes.length < 10_000) throw new Error('unexpected document');
    };

    const assemble = await measure('assemble report model', RUNS, async () => {
      const { model } = await getReportModel(ctx, nextId());
      if (model.outcomes.length !== 4) throw new Error('unexpected model');
    });
    const render = await measure('render Word, 53-indicator report', RUNS, async () => {
      const { model, template } = nextModel();
      check(await renderReportDocx(model, template, 'fr'));
    });
    const both = await measure('assemble + render Word', RUNS, async () => {
      const { model, template } = await getReportModel(ctx, nextId());
      check(await renderReportDocx(model, template, 'fr'));
    });
    const minimal = await measure('same model, raw docx minimal document', RUNS, async () => {
      check(await rawDocx(nextModel().model));
    });
    const packing = await packingSameDocument(models);
    const rawRows = await measure('raw SQL: the report and its programme’s rows', RUNS, async () => {
      const id = nextId();
      const [report] = await query('select * from reports where id = $1', [id]);
      const [p] = await query('select slug from programmes where id = $1', [report!.programme_id]);
      await Promise.all([rawProgramme(query, String(p!.slug)), rawFramework(query, String(p!.slug))]);
    });
    const kb = (b: number) => `${Math.round(b / 1024)} KB`;
    return [
      {
        ...render,
        baseline: packing.timing,
        note: `baseline: docx packing Jalon's own document (${kb(packing.bytes)}); a minimal raw docx document of the same model: ${minimal.medianMs.toFixed(0)} ms (${kb(packing.minimalBytes)}), ratio ${(render.medianMs / minimal.medianMs).toFixed(2)}`,
      },
      { ...assemble, baseline: rawRows },
      { ...both, baseline: { ...packing.timing, medianMs: packing.timing.medianMs + rawRows.medianMs } },
    ];
  } finally {
    await close();
  }
}

await runIfMain(import.meta.url, renderReportBench);
