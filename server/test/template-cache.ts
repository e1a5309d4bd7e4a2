/**
 * The PGlite templates of the test databases (a migrated data directory, with or without the demo seed) kept
 * across runs under node_modules/.cache/jalon-test-templates, named by a hash of what they are made of:
 *
 * - empty: the migrations and the PGlite version;
 * - seeded: that, and every source file of core/ and server/ but the tests (the seed writes through the
 *   services, so a change of a service may change the demo data).
 *
 * A template is made on first use by the Vitest worker that asks for it, under a lock file (the other workers
 * wait for it rather than make it twice on two cores), written to a temporary name then renamed into place:
 * a reader finds the whole file or none.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export const templateCacheFolder = process.env.JALON_TEST_TEMPLATE_CACHE
  ? process.env.JALON_TEST_TEMPLATE_CACHE
  : join(root, 'node_modules', '.cache', 'jalon-test-templates');

export type TemplateKind = 'empty' | 'seeded';

function filesUnder(folder: string, keep: (path: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path, keep));
    else if (keep(path)) found.push(path);
  }
  return found.sort();
}

function hashOf(files: string[], extra: string): string {
  const hash = createHash('sha256').update(extra);
  for (const file of files)
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

const keys = new Map<TemplateKind, string>();

/** The name a template of this kind has for the sources as they are now. */
export function templateKey(kind: TemplateKind): string {
  let key = keys.get(kind);
  if (key) return key;
  const pglite = JSON.parse(
    readFileSync(join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
  ) as { version: string };
  const migrations = filesUnder(join(root, 'server', 'db', 'migrations'), () => true);
  const sources =
    kind === 'seeded'
      ? [join(root, 'core'), join(root, 'server')].flatMap((folder) =>
          filesUnder(
            folder,
            (path) =>
              !path.endsWith('.test.ts') &&
              !path.startsWith(join(root, 'server', 'test') + sep) &&
              !path.includes(`${join('server', 'db', 'migrations')}`),
          ),
        )
      : [];
  key = `${kind}-${hashOf([...migrations, ...sources], `pglite ${pglite.version}`)}`;
  keys.set(kind, key);
  return key;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** a lock left by a worker that died while making a template: the seeded one takes ≈ 80 s on a busy machine */
const staleLockMs = 10 * 60_000;

/**
 * The bytes of the cached template of this kind, made by `make` if no run made it yet. Safe when several
 * workers (or runs) ask at once: one makes it, the others wait for the file.
 */
export async function cachedTemplate(
  kind: TemplateKind,
  make: () => Promise<Uint8Array<ArrayBuffer>>,
): Promise<Uint8Array<ArrayBuffer>> {
  mkdirSync(templateCacheFolder, { recursive: true });
  const file = join(templateCacheFolder, `${templateKey(kind)}.tar`);
  const lock = `${file}.lock`;
  for (;;) {
    if (existsSync(file)) return readFileSync(file);
    let fd: number | undefined;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // another worker makes it: wait for its file, unless its lock is stale
      try {
        if (Date.now() - statSync(lock).mtimeMs > staleLockMs) rmSync(lock, { force: true });
      } catch {
        // the lock went between the two calls: the file is there, or the maker failed and we try again
      }
      await sleep(250);
      continue;
    }
    try {
      if (existsSync(file)) return readFileSync(file);
      const bytes = await make();
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
      return bytes;
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
}

/** Removes the templates of older sources (not used for three days), so the cache does not grow forever. */
export function pruneTemplateCache(): void {
  if (!existsSync(templateCacheFolder)) return;
  const current = new Set((['empty', 'seeded'] as const).map((kind) => `${templateKey(kind)}.tar`));
  const old = Date.now() - 3 * 24 * 3600_000;
  for (const name of readdirSync(templateCacheFolder)) {
    if (current.has(name) || name.endsWith('.lock')) continue;
    const path = join(templateCacheFolder, name);
    try {
      if (statSync(path).mtimeMs < old) rmSync(path, { force: true });
    } catch {
      // removed by another run meanwhile
    }
  }
}
