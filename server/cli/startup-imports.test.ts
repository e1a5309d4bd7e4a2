/**
 * What a command loads before it does anything (issue 20, item 4: a command ≤ 0.5 s): building Zod's schemas is
 * ≈ 0.1–0.2 s of CPU, so neither the `jalon` entry (`--help`) nor the database schema, which every command
 * with the database loads, may reach Zod by a static import. The enums' lists are plain data
 * (`core/vocabulary/`, `core/contracts/*-vocabulary.ts`); a command's own code comes by `import()`.
 *
 * And what `jalon start` loads before its first answer (a server ready ≤ 2 s, ≤ 250 MB): not the libraries of
 * what few requests use — the OpenAPI description and its page, the IATI files, e-mail, passwords, Word and
 * Excel files, the web app's file server — which their code loads by `import()` when first used.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * What `entry` loads by static imports (type-only imports are erased): source files as paths from the root,
 * packages by name.
 */
async function staticallyLoaded(entry: string): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: [`${root}/${entry}`],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'unused',
    logLevel: 'silent',
  });
  const seen = new Set<string>();
  const walk = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const i of metafile.inputs[path]?.imports ?? []) if (i.kind === 'import-statement') walk(i.path);
  };
  walk(entry);
  return [...seen];
}

const zodOf = (files: string[]) => files.filter((f) => f === 'zod' || f.startsWith('zod/'));

/** Packages a started server loads only when a request needs them. */
const loadedOnUse = [
  '@fastify/swagger',
  '@fastify/swagger-ui',
  '@fastify/static',
  'nodemailer',
  '@node-rs/argon2',
  'xmlbuilder2',
  'fast-xml-parser',
  'xmllint-wasm',
  'exceljs',
  'docx',
  // COPY on PostgreSQL (server/db/copy.ts): a server on PGlite never needs it
  'pg-copy-streams',
  // the ZIP of a streamed workbook (server/documents/xlsx/streamed-xlsx.ts), required by the first one written
  'fflate',
];
const packagesOf = (files: string[], names: string[]) =>
  files.filter((f) => names.some((name) => f === name || f.startsWith(`${name}/`)));

describe('what a command loads at start', () => {
  it('the database schema reaches no Zod', async () => {
    const files = await staticallyLoaded('server/db/schema/index.ts');
    expect(files).toContain('core/vocabulary/programmes.ts');
    expect(zodOf(files)).toEqual([]);
  });

  it('the `jalon` entry reaches no Zod (its commands are loaded when run)', async () => {
    const files = await staticallyLoaded('server/cli/main.ts');
    expect(files).toContain('server/cli/main.ts');
    expect(zodOf(files)).toEqual([]);
  });

  it('the configuration, `AppError` and a brief command reach no Zod (it is built by what describes the API)', async () => {
    // every command reads the configuration and its services throw AppError; `jalon export programme` reads
    // the database and prints: none of them needs a schema of Zod's (≈ 40–80 ms of CPU to load and build)
    for (const entry of ['server/config.ts', 'server/errors.ts', 'server/cli/export.command.ts']) {
      const files = await staticallyLoaded(entry);
      expect(files).toContain(entry);
      expect({ entry, zod: zodOf(files) }).toEqual({ entry, zod: [] });
    }
    expect(await staticallyLoaded('server/errors.ts')).toContain('core/errors/error-status.ts');
  });

  it('`jalon start` reaches none of the libraries loaded on use before its first answer', async () => {
    // start.command.ts, then the serving process's own code (./serve.ts, imported when it serves)
    const files = [
      ...(await staticallyLoaded('server/cli/start.command.ts')),
      ...(await staticallyLoaded('server/cli/serve.ts')),
    ];
    expect(files).toContain('server/app.ts');
    expect(files).toContain('fastify');
    expect(packagesOf(files, loadedOnUse)).toEqual([]);
  });

  it('the code loaded on use does reach them (the check can fail)', async () => {
    const files = [
      ...(await staticallyLoaded('server/plugins/openapi-docs.ts')),
      ...(await staticallyLoaded('server/documents/iati/iati-writer.ts')),
      ...(await staticallyLoaded('server/documents/iati/iati-schema.ts')),
    ];
    expect(packagesOf(files, loadedOnUse)).toEqual(
      expect.arrayContaining(['@fastify/swagger', '@fastify/swagger-ui', 'xmlbuilder2', 'xmllint-wasm']),
    );
  });

  it('a contract does reach Zod (the check can fail)', async () => {
    expect(zodOf(await staticallyLoaded('core/contracts/programme-document.ts'))).not.toEqual([]);
    expect(zodOf(await staticallyLoaded('core/errors/error-codes.ts'))).not.toEqual([]);
  });
});
