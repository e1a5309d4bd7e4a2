/**
 * The one step of an activities import (`runImportOnce`, what `jalon import activities` calls): the file is read,
 * checked and written in ONE pass, all or nothing. The reader of spreadsheets is the real one, watched: how many
 * times the rows of a file are opened. The writer's batches are made of two activities, so that a file of a few
 * rows is written in several batches before an error or a closed period is met in its last rows.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportCommitResult, ImportPreview } from '../../../core/contracts/activity-import.js';
import type { Database } from '../../db/client.js';
import { operatorContext } from '../../context.js';
import { aClosedPeriod, aProgramme, type MadeProgramme } from '../../test/factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';
import { commitImport, recordOf, runImportOnce, uploadImport } from './imports.service.js';

const opened = vi.hoisted(() => ({ rows: 0 }));

// the real reader, its rows counted each time a pass opens them
vi.mock('../../documents/xlsx/activities-reader.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../documents/xlsx/activities-reader.js')>();
  return {
    ...real,
    openSpreadsheet: async (...args: Parameters<typeof real.openSpreadsheet>) => {
      const sheet = await real.openSpreadsheet(...args);
      const rows = sheet.rows.bind(sheet);
      sheet.rows = () => {
        opened.rows++;
        return rows();
      };
      return sheet;
    },
  };
});
vi.mock('../activities/activity-bulk.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../activities/activity-bulk.js')>()),
  BULK_BATCH: 2,
}));

const header =
  'Référence;Intitulé;Type;Date de début;Agence;Lieux;Catégorie de participants;Femmes 18-35 ans';
/** Rows P-1… with these start dates, in Mopti, of 3 women each. */
const csvOf = (dates: string[], prefix = 'P') =>
  `${header}\n${dates.map((d, i) => `${prefix}-${i + 1};Causerie ${i + 1};sensibilisation;${d};UNDP;Mopti;Autres;3`).join('\n')}\n`;

describe.each(testEngines)('a one-step import of activities on %s', (engine) => {
  let database: Database;
  let programme: MadeProgramme;
  const count = async (table: 'activities' | 'imports') =>
    (
      (await database.db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} where programme_id = ${programme.id}`,
      )) as unknown as { rows: { n: number }[] }
    ).rows[0]!.n;
  const once = (csv: string, options: { dryRun?: boolean; fileName?: string } = {}) =>
    runImportOnce<ImportCommitResult>(
      operatorContext(database.db),
      'activities',
      programme.slug,
      Buffer.from(csv),
      { fileName: options.fileName ?? 'terrain.csv', dryRun: options.dryRun ?? false, skipEmpty: true },
    );
  const detailOf = (preview: Awaited<ReturnType<typeof once>>['preview']) => {
    const {
      id: _id,
      createdAt: _at,
      ...rest
    } = preview.read.detail(recordOf(preview.row, 'terrain.csv', new Date(0))) as ImportPreview;
    return rest;
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
    programme = await aProgramme(database);
  });
  afterAll(() => database.close());
  beforeEach(() => {
    opened.rows = 0;
  });

  it('reads the rows of the file once, and writes every activity with its import', async () => {
    const done = await once(csvOf(['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05']));
    expect(opened.rows).toBe(1);
    expect(done.result).toMatchObject({ created: 5, skipped: 0, participants: 15 });
    expect(done.result!.id).toBe(done.preview.row!.id);
    expect(done.preview.row).toMatchObject({ status: 'committed', rowCount: 5, itemCount: 5 });
    const [kept] = (
      (await database.db.execute(
        sql`select row_count, item_count, status, format from imports where id = ${done.result!.id}`,
      )) as unknown as { rows: Record<string, unknown>[] }
    ).rows;
    expect(kept).toEqual({ row_count: 5, item_count: 5, status: 'committed', format: 'csv' });
    expect(await count('activities')).toBe(5);
    // the trail reads the file's row kept first and counted last as one creation, with its final counts
    const trail = (
      (await database.db.execute(
        sql`select action, after from audit_events where entity = 'imports' and entity_id = ${done.result!.id} order by id`,
      )) as unknown as { rows: { action: string; after: Record<string, unknown> }[] }
    ).rows;
    expect(trail[0]!.action).toBe('insert');
    expect(trail.at(-1)!.after).toMatchObject({ row_count: 5, item_count: 5 });

    // the same file again: nothing new, nothing kept (`skipEmpty`)
    const again = await once(csvOf(['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05']));
    expect(again.result).toBeNull();
    expect(again.preview.row).toBeNull();
    expect(again.preview.read).toMatchObject({ itemCount: 0, rowCount: 5 });
    expect(await count('activities')).toBe(5);
    expect(await count('imports')).toBe(1);
  });

  it('writes nothing for a file whose error is in its last row, and says it as the dry run does', async () => {
    const dates = ['2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-05', '2025-04-31'];
    const csv = csvOf(dates, 'E');
    const dry = await once(csv, { dryRun: true });
    const done = await once(csv);
    expect(done.result).toBeNull();
    expect(done.preview.row).toBeNull();
    expect(done.preview.read.errorCount).toBe(1);
    expect(done.preview.read.issues).toEqual(dry.preview.read.issues);
    expect(done.preview.read.issues[0]!.where).toMatchObject({ row: 7, column: 'D (Date de début)' });
    const detail = detailOf(done.preview);
    expect(detail).toEqual(detailOf(dry.preview));
    expect(detail).toMatchObject({ rowCount: 6, activityCount: 5, errorCount: 1 });
    expect(detail.sample).toHaveLength(5);
    expect(await count('activities')).toBe(5);
    expect(await count('imports')).toBe(1);
  });

  it('refuses a file meeting a closed period in its last rows as the commit does, and writes nothing', async () => {
    await aClosedPeriod(database, programme, { start: '2025-05-01', end: '2025-05-31' });
    const dates = ['2025-04-10', '2025-04-11', '2025-04-12', '2025-04-13', '2025-04-14', '2025-05-20'];
    const csv = csvOf(dates, 'L');
    // the two steps: the same refusal, at the commit
    const ctx = operatorContext(database.db);
    const kept = await uploadImport(ctx, 'activities', programme.slug, Buffer.from(csv), {
      fileName: 'terrain.csv',
    });
    const twoSteps = await commitImport(ctx, kept.row!.id, { version: 1 }).catch((e: unknown) => e);
    const oneStep = await once(csv).catch((e: unknown) => e);
    expect(oneStep).toBeInstanceOf(Error);
    expect(oneStep).toMatchObject({ code: 'locked' });
    expect(JSON.stringify(oneStep)).toBe(JSON.stringify(twoSteps));
    expect((oneStep as Error).message).toBe((twoSteps as Error).message);
    expect(await count('activities')).toBe(5);
    expect(await count('imports')).toBe(2); // the kept file of the two steps, previewed

    // a closed period and an error after it: the errors first, as the preview says them
    const withError = await once(`${csv}L-7;Causerie;sensibilisation;2025-04-15;WFP;Mopti;Autres;3\n`);
    expect(withError.result).toBeNull();
    expect(withError.preview.read.errorCount).toBe(1);
    expect(withError.preview.read.issues[0]!.where).toMatchObject({ row: 8, column: 'E (Agence)' });
    expect(await count('activities')).toBe(5);
  });

  it('reads the rows of one reference apart the way of two passes', async () => {
    const csv = `${header}\nR-1;Atelier;atelier;2025-06-10;UNDP;Mopti;Autres;3\nR-2;Causerie;sensibilisation;2025-06-11;UNDP;Mopti;Autres;4\nR-3;Causerie;sensibilisation;2025-06-12;UNDP;Mopti;Autres;4\nR-1;Atelier;atelier;2025-06-10;UNDP;Mopti;Autres;5\n`;
    const done = await once(csv);
    expect(done.result).toMatchObject({ created: 3, participants: 16 });
    expect(done.preview.row).toMatchObject({ rowCount: 4, itemCount: 3 });
    expect(await count('activities')).toBe(8);
    expect(await count('imports')).toBe(3);
  });
});
