/**
 * `jalon import activities` and `jalon export report … quarterly` as a user runs them: real processes on a data
 * directory of their own (a programme of UNDP and UN Women with a quarter of activities and its quarterly
 * report), real files.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../documents/docx/docx-text.js';
import { exportCsv, readXlsForm } from '../test/kobo-export.js';
import { aProgramme, aQuarterlyReport } from '../test/factories.js';
import { aQuarterOfKeyFigures } from '../test/report-factories.js';
import { dataDirectoryWith } from '../test/test-database.js';

const run = promisify(execFile);
const bin = resolve('bin/jalon.mjs');

describe('jalon field data commands', () => {
  let dir: string;
  const jalon = (args: string[]) =>
    run(process.execPath, [bin, ...args], {
      cwd: dir,
      env: { ...process.env, JALON_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
      maxBuffer: 16 * 1024 * 1024,
    });
  const fails = (args: string[]) =>
    jalon(args).then(
      () => {
        throw new Error('expected the command to fail');
      },
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jalon-field-'));
    await dataDirectoryWith(join(dir, 'data'), async (database) => {
      // UNDP (PNUD) convening with UN Women, not WFP; outputs 1.1 to 4.3, which the quarterly figures count
      const programme = await aProgramme(database, {
        code: 'PBF/MLI/F-1',
        startDate: '2021-07-01',
        firstTransferDate: '2021-07-15',
        endDate: '2025-12-31',
        places: ['Mopti', 'Djenné', 'Ségou', 'Niono', 'Koulikoro'],
        framework: { outcomes: 4, outputs: 3, effectiveDate: '2021-07-01' },
      });
      await aQuarterOfKeyFigures(database, programme, { start: '2023-10-16' });
      await aQuarterlyReport(database, programme, { quarter: '2023-Q4' });
    });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const header =
    'Référence;Intitulé;Type;Date de début;Agence;Lieux;Catégorie de participants;Femmes 18-35 ans';

  it('checks a file in a dry run, prints every error by row and column, and exits with 1', async () => {
    writeFileSync(
      join(dir, 'bad.csv'),
      `${header}\nC-1;Causerie;sensibilisation;2024-02-30;UNWOMEN;Djenne;Autres;10\nC-2;Atelier;atelier;2024-02-12;WFP;Kati;Autres;4\n`,
    );
    const error = await fails(['import', 'activities', 'bad.csv', '--programme', 'PBF/MLI/F-1', '--dry-run']);
    expect(error.code).toBe(1);
    expect(error.stdout).toMatch(
      /bad\.csv : 2 ligne\(s\), 0 activité\(s\), 0 déjà importée\(s\), 2 erreur\(s\)\./,
    );
    expect(error.stdout).toMatch(/ligne 2, D \(Date de début\) — « 2024-02-30 » n’est pas une date/);
    expect(error.stdout).toMatch(
      /ligne 3, E \(Agence\) — « WFP » n’est pas une agence récipiendaire de PBF\/MLI\/F-1/,
    );
    expect(error.stdout).toMatch(/Rien n’est importé/);
  }, 60_000);

  it('imports a corrected file all at once, and a second time adds nothing', async () => {
    writeFileSync(
      join(dir, 'good.csv'),
      `${header}\nC-1;Causerie;sensibilisation;2024-02-10;UNWOMEN;Djenne;Autres;10\nC-2;Atelier;atelier;2024-02-12;PNUD;Kati;Autres;4\n`,
    );
    const first = await jalon([
      'import',
      'activities',
      'good.csv',
      '--programme',
      'PBF/MLI/F-1',
      '--lang',
      'en',
    ]);
    expect(first.stdout).toMatch(/Imported: 2 activities, 14 participant\(s\)/);
    const second = await jalon([
      'import',
      'activities',
      'good.csv',
      '--programme',
      'PBF/MLI/F-1',
      '--lang',
      'en',
    ]);
    expect(second.stdout).toMatch(/0 activities, 2 already imported, 0 error\(s\)/);
    expect(second.stdout).toMatch(/Nothing new to import\./);
  }, 60_000);

  it('writes the programme’s XLSForm, and imports a Kobo export of it with no mapping, once', async () => {
    const written = await jalon(['export', 'xlsform', 'PBF/MLI/F-1', '--out', 'f-1.xlsx']);
    expect(written.stdout.trim()).toBe(join(dir, 'f-1.xlsx'));
    const form = await readXlsForm(readFileSync(join(dir, 'f-1.xlsx')));
    const answers = {
      jalon_programme: 'pbf-mli-f-1',
      jalon_version: form.settings.version!,
      title: 'Formation des COFO',
      kind: 'training',
      agency: form.choices.find((c) => c.list_name === 'agency')!.name!,
      start_date: '2025-05-06',
      count_basis: 'distinct',
      region: 'ML-4',
      cercle: 'ML-4.SEGOU',
      categories: 'pupils',
      n_pupils_f_u18: 7,
      total_participants: 7,
    };
    writeFileSync(join(dir, 'kobo.csv'), exportCsv(form, [{ uuid: 'cli-0001', answers }], 'kobo'));
    const args = ['import', 'activities', 'kobo.csv', '--programme', 'PBF/MLI/F-1', '--lang', 'en'];
    expect((await jalon(args)).stdout).toMatch(/Imported: 1 activity, 7 participant\(s\)/);
    expect((await jalon(args)).stdout).toMatch(/0 activities, 1 already imported, 0 error\(s\)/);
  }, 180_000);

  it('writes the quarterly report of 2023-Q4 as Word', async () => {
    const { stdout } = await jalon([
      'export',
      'report',
      'PBF/MLI/F-1',
      'quarterly',
      '2023-Q4',
      '--format',
      'docx',
      '--lang',
      'fr',
      '--out',
      'q4.docx',
    ]);
    expect(stdout.trim()).toBe(join(dir, 'q4.docx'));
    const doc = await readDocx(readFileSync(join(dir, 'q4.docx')));
    expect(doc.paragraphs.join('\n')).toMatch(/RAPPORT TRIMESTRIEL[\s\S]*Octobre – Décembre 2023/);
    expect(doc.tables[0]!.map((row) => row[1]).join(' ')).toMatch(
      /8 infrastructures de paix[\s\S]*41 \(1 femme\)[\s\S]*25 agents et officiers de police judiciaire[\s\S]*272 \(110 filles\)/i,
    );
    const wrong = await fails(['export', 'report', 'PBF/MLI/F-1', 'quarterly', '2023-Q5']);
    expect(wrong.stderr).toMatch(/Unknown quarter "2023-Q5"/);
  }, 60_000);
});
