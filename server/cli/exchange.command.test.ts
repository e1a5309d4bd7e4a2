/** `jalon export programme --format iati|xlsx` and `jalon import` as a user runs them: real processes, real files. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateIatiActivities } from '../documents/iati/iati-schema.js';
import { aProgramme } from '../test/factories.js';
import { dataDirectoryWith } from '../test/test-database.js';

const run = promisify(execFile);
let dir: string;
const jalon = (args: string[]) =>
  run(process.execPath, ['bin/jalon.mjs', ...args], {
    env: { ...process.env, JALON_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
    maxBuffer: 64 * 1024 * 1024,
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jalon-exchange-cli-'));
  await dataDirectoryWith(join(dir, 'data'), async (database) => {
    // OHCHR convening: an agency whose IATI identifier Jalon does not know
    await aProgramme(database, {
      code: 'PBF/MLI/X-1',
      recipients: [{ organisation: 'OHCHR', convening: true, approvedBudget: 1_000_000 }],
      organisations: [
        {
          code: 'OHCHR',
          kind: 'un_agency',
          name: {
            fr: 'Haut-Commissariat des Nations Unies aux droits de l’homme',
            en: 'Office of the United Nations High Commissioner for Human Rights',
          },
          acronym: { fr: 'HCDH', en: 'OHCHR' },
        },
      ],
    });
    // a framework of version 1: 2 outcomes of 2 outputs, 2 indicators each (12 indicators)
    await aProgramme(database, {
      code: 'PBF/MLI/X-2',
      framework: { outcomes: 2, outputs: 2, indicators: 2 },
    });
  });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jalon export and import', () => {
  it('exports a programme as IATI XML that validates, its warnings on stderr', async () => {
    const { stdout, stderr } = await jalon(['export', 'programme', 'PBF/MLI/X-1', '--format', 'iati']);
    expect((await validateIatiActivities(stdout)).valid).toBe(true);
    // OHCHR, its convening agency, publishes it under its CRS channel identifier (decision 0019); what the IATI
    // rules keep out of the file (its budgets over the whole duration, rule 7.5.3) is said on stderr
    expect(stdout).toMatch(/<reporting-org ref="XM-DAC-41313" type="40">/);
    expect(stdout).toMatch(/<iati-identifier>XM-DAC-41313-/);
    expect(stderr).toMatch(/^! Non publiés \(règle IATI 7\.5\.3/m);
  }, 60_000);

  it('takes a framework out to Excel and back in as a new version, after a dry run that writes nothing', async () => {
    const file = join(dir, 'x-2.xlsx');
    const exported = await jalon(['export', 'programme', 'PBF/MLI/X-2', '--format', 'xlsx', '--out', file]);
    expect(exported.stdout.trim()).toBe(file);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    const dry = await jalon(['import', file, '--programme', 'PBF/MLI/X-2', '--dry-run']);
    expect(dry.stdout).toContain('Nouvelle version à créer : PBF/MLI/X-2');
    expect(dry.stdout).toContain('cadre v2 : 2 résultat(s), 4 produit(s), 12 indicateur(s)');
    expect(dry.stdout).toContain('Essai à blanc : rien n’a été écrit.');

    const done = await jalon([
      'import',
      file,
      '--programme',
      'PBF/MLI/X-2',
      '--label',
      'Revue',
      '--lang',
      'en',
    ]);
    expect(done.stdout).toContain('New version: PBF/MLI/X-2');
    expect(done.stdout).toContain('framework v2: 2 outcome(s)');
    const again = await jalon(['import', file, '--programme', 'PBF/MLI/X-2', '--dry-run']);
    expect(again.stdout).toContain('cadre v3');
  }, 120_000);

  it('imports a real IATI file and prints what it created and what it could not map', async () => {
    const { stdout } = await jalon([
      'import',
      'server/documents/iati/test-fixtures/nl-ngo-peacebuilding-disaggregated.xml',
    ]);
    expect(stdout).toMatch(/^Créé : NL-KVK-41160054-200733 — Selam Ahun! “Peace Now”/m);
    expect(stdout).toMatch(/^Créé : NL-KVK-41160054-200612/m);
    expect(stdout).toMatch(/^Non repris \(\d+\) :$/m);
    expect(stdout).toContain('NL-KVK-41160054-200612 › contact-info — Contacts non gardés.');
    // the same file again: refused with the reason, nothing written
    const twice = await jalon([
      'import',
      'server/documents/iati/test-fixtures/nl-ngo-peacebuilding-disaggregated.xml',
    ]).catch((e: { code: number; stdout: string }) => e);
    expect(twice).toMatchObject({ code: 1 });
    expect((twice as { stdout: string }).stdout).toMatch(
      /Un programme de code NL-KVK-41160054-200733 existe déjà/,
    );
  }, 120_000);

  it('refuses a malformed file with its reason and exit code 1', async () => {
    const error = await jalon(['import', 'server/documents/iati/test-fixtures/hostile/malformed.xml']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toMatch(
      /^jalon: Ce fichier n'est pas du XML bien formé \(ligne 5/,
    );
  }, 60_000);
});
