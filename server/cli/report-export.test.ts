/**
 * `jalon export report` as a user runs it: a real process on a data directory of its own (a programme of
 * OHCHR and UNDP with its annual report of 2020), writing real files.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../documents/docx/docx-text.js';
import { aProgramme, aReport } from '../test/factories.js';
import { moreOrganisations } from '../test/report-factories.js';
import { dataDirectoryWith } from '../test/test-database.js';

const run = promisify(execFile);
const bin = resolve('bin/jalon.mjs');

describe('jalon export report', () => {
  let dir: string;
  /** runs `jalon` in the data directory, which is also its working directory */
  const jalon = (args: string[]) =>
    run(process.execPath, [bin, ...args], {
      cwd: dir,
      env: { ...process.env, JALON_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
      maxBuffer: 16 * 1024 * 1024,
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jalon-report-'));
    await dataDirectoryWith(join(dir, 'data'), async (database) => {
      const programme = await aProgramme(database, {
        code: 'PBF/MLI/R-1',
        startDate: '2020-03-09',
        firstTransferDate: '2020-03-09',
        endDate: '2022-08-03',
        recipients: [
          { organisation: 'OHCHR', convening: true, approvedBudget: 1_026_157.82 },
          { organisation: 'UNDP', approvedBudget: 1_000_017.72 },
        ],
        organisations: [moreOrganisations.OHCHR],
      });
      await aReport(database, programme, { type: 'annual', year: 2020 });
    });
  }, 120_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the Word document of a report under its default name and prints the path', async () => {
    const { stdout } = await jalon(['export', 'report', 'PBF/MLI/R-1', 'annual', '2020', '--format', 'docx']);
    const path = join(dir, 'PBF-MLI-R-1-annual-2020-fr.docx');
    expect(stdout.trim()).toBe(path);
    const { paragraphs, tables } = await readDocx(readFileSync(path));
    expect(paragraphs[0]).toBe('RAPPORT DE PROGRÈS DE PROJET PBF');
    expect(tables.find((t) => t[0]?.[0] === 'Agence récipiendaire')?.[1]).toEqual([
      'HCDH',
      '1\u202f026\u202f157,82\u00a0$US',
    ]);
  }, 60_000);

  it('writes the PDF in English where --out says', async () => {
    const out = join(dir, 'r1-en.pdf');
    const { stdout } = await jalon([
      'export',
      'report',
      'PBF/MLI/R-1',
      'annual',
      '2020',
      '--format',
      'pdf',
      '--lang',
      'en',
      '--out',
      out,
    ]);
    expect(stdout.trim()).toBe(out);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/Lang (en)');
  }, 60_000);

  it('refuses an unknown type, format or language, and says when the report does not exist', async () => {
    /** what a failing run printed (the whole of it, so a failure shows why) */
    const refusal = (args: string[]) =>
      jalon(['export', 'report', ...args]).then(
        () => 'succeeded',
        (error: { code?: number; stderr?: string }) => `exit ${error.code}: ${error.stderr?.trim()}`,
      );
    expect(await refusal(['PBF/MLI/R-1', 'monthly', '2020'])).toBe(
      'exit 1: jalon: Unknown report type "monthly": use semi-annual, annual, final, quarterly.',
    );
    expect(await refusal(['PBF/MLI/R-1', 'annual', '20'])).toBe(
      'exit 1: jalon: Unknown year "20": write it with four digits, e.g. 2020.',
    );
    expect(await refusal(['PBF/MLI/R-1', 'annual', '2020', '--format', 'odt'])).toBe(
      'exit 1: jalon: Unknown format "odt": use docx or pdf.',
    );
    expect(await refusal(['PBF/MLI/R-1', 'annual', '2020', '--lang', 'de'])).toBe(
      'exit 1: jalon: Unknown language "de": use fr or en.',
    );
    expect(await refusal(['PBF/MLI/R-1', 'semi-annual', '2021'])).toBe(
      'exit 1: jalon: Report not found: PBF/MLI/R-1 semi_annual 2021',
    );
  }, 120_000);
});
