/**
 * `jalon import values` as a user runs it: a real process on a data directory of its own, a real file — a dry run
 * that writes nothing, every error by row and column with exit code 1, then the file written all at once.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProgramme } from '../test/factories.js';
import { dataDirectoryWith } from '../test/test-database.js';

const run = promisify(execFile);
const bin = resolve('bin/jalon.mjs');

describe('jalon import values', () => {
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
    dir = mkdtempSync(join(tmpdir(), 'jalon-values-'));
    // a programme whose output indicator 1.1.1 counts people (a number), in force from 2025
    await dataDirectoryWith(join(dir, 'data'), async (database) => {
      await aProgramme(database, { code: 'PBF/MLI/V-1' });
    });
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const header = 'Indicateur;Début de période;Fin de période;Valeur;Raisons;Saisi par';

  it('checks a file in a dry run and writes nothing, then writes it all at once', async () => {
    writeFileSync(
      join(dir, 'valeurs.csv'),
      `${header}\n1.1.1;2025-01-01;2025-12-31;24 dont 6 femmes;;CRSS\n`,
    );
    const dry = await jalon(['import', 'values', 'valeurs.csv', '--programme', 'PBF/MLI/V-1', '--dry-run']);
    expect(dry.stdout).toMatch(/valeurs\.csv : 1 ligne\(s\), 1 valeur\(s\), 0 erreur\(s\)\./);
    expect(dry.stdout).toMatch(/Essai à blanc : rien n’est écrit\./);
    // the dry run wrote nothing: the same file is written now, once
    const done = await jalon([
      'import',
      'values',
      'valeurs.csv',
      '--programme',
      'PBF/MLI/V-1',
      '--lang',
      'en',
    ]);
    expect(done.stdout).toMatch(
      /row 2 — 1\.1\.1 \(2025-01-01 → 2025-12-31\) « 24 dont 6 femmes » : new value/,
    );
    expect(done.stdout).toMatch(/Imported: 1 new value\(s\), 0 updated\./);
    // the same period again is an update of that value, said before it is written
    writeFileSync(
      join(dir, 'correction.csv'),
      `${header}\n1.1.1;2025-01-01;2025-12-31;26 dont 7 femmes;;CRSS\n`,
    );
    const again = await jalon(['import', 'values', 'correction.csv', '--programme', 'PBF/MLI/V-1']);
    expect(again.stdout).toMatch(
      /ligne 2 — 1\.1\.1 \(2025-01-01 → 2025-12-31\) « 26 dont 7 femmes » : Mise à jour de la valeur existante « 24 dont 6 femmes » \(version 1\)\./,
    );
    expect(again.stdout).toMatch(/Importé : 0 nouvelle\(s\) valeur\(s\), 1 mise\(s\) à jour\./);
  }, 240_000);

  it('refuses "beaucoup" for a number indicator at its row, and writes nothing', async () => {
    writeFileSync(join(dir, 'beaucoup.csv'), `${header}\n1.1.1;2026-01-01;2026-06-30;beaucoup;;\n`);
    const error = await fails(['import', 'values', 'beaucoup.csv', '--programme', 'PBF/MLI/V-1']);
    expect(error.code).toBe(1);
    expect(error.stdout).toMatch(
      /ligne 2, D \(Valeur\) — Cet indicateur se mesure par un nombre : « beaucoup » n’en est pas un\./,
    );
    expect(error.stdout).toMatch(/Rien n’est importé/);
  }, 60_000);

  it('prints every error by row and column, writes nothing, and exits with 1', async () => {
    writeFileSync(
      join(dir, 'erreurs.csv'),
      `${header}\n1.1.1;2025-01-01;2025-12-31;30;;\n9.9.9;2025-01-01;2025-12-31;3;;\n1.1.1;2025-12-31;2025-01-01;10;;\n`,
    );
    const error = await fails(['import', 'values', 'erreurs.csv', '--programme', 'PBF/MLI/V-1']);
    expect(error.code).toBe(1);
    expect(error.stdout).toMatch(/ligne 3, A \(Indicateur\) — Indicateur inconnu dans le cadre en vigueur/);
    expect(error.stdout).toMatch(/ligne 4, C \(Fin de période\) — La fin de période précède son début\./);
    expect(error.stdout).toMatch(/Rien n’est importé/);
  }, 180_000);
});
