// Compiles the server, the CLI and core to plain JavaScript in build/, once, and again only when a source
// changed: `jalon` and `npm start` then run compiled code instead of type-stripping ~700 files at every command
// (issue 20, decision 0030). Used by bin/jalon.mjs; `node scripts/build-server.mjs` builds ahead
// (npm start does, before it starts).
//
// The sources are bundled (with zod and drizzle-orm), split at each `import()` so that a command loads only its
// own chunks; every `import.meta.url` is rewritten to the URL its module would have in a file-for-file build, so
// every relative path a module reads with `new URL('./x', import.meta.url)` still resolves: the non-TypeScript
// files (migrations, geography, IATI schemas, demo photos) are copied where they are in the sources, and
// build/web points at web/ for the built web app.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildRoot = join(root, 'build');
const sourceDirs = ['core', 'server'];
const isTest = (name) => /\.(test|e2e)\.ts$/.test(name) || name === 'test-fixtures' || name === 'test';

function walk(dir, visit) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || isTest(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else visit(path);
  }
}

/** The newest modification time of the sources the build is made of (a few milliseconds for ~1,000 files). */
function newestSource() {
  let newest = statSync(join(root, 'package-lock.json')).mtimeMs;
  for (const dir of sourceDirs)
    walk(join(root, dir), (path) => (newest = Math.max(newest, statSync(path).mtimeMs)));
  return Math.floor(newest);
}

/**
 * The packages bundled with the sources: pure ESM of many small modules (zod: ~95, drizzle-orm: ~110 for a
 * command), imported by no package left outside (a second copy of zod or drizzle would not know the first's
 * objects). Every other package is imported from node_modules as it is: some read files beside themselves
 * (PGlite's WebAssembly, Fastify's plugins), some are CommonJS.
 */
const inlinedPackages = new Set(['zod', 'drizzle-orm', 'fastify-type-provider-zod']);
/** Where the bundle is, in a version directory: where server/cli/main.ts would be compiled (bin/jalon.mjs). */
const bundleDir = 'server/cli';
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * esbuild plugin: leaves packages outside the bundle but for `inlinedPackages`; and in each source, makes
 * `import.meta.url` the URL the module would have in a file-for-file build (`new URL('./data/…',
 * import.meta.url)` then finds the data files copied beside it), computed from the bundle's own place so that
 * the version directory may be renamed.
 */
function sourcesAndInlinedPackages() {
  return {
    name: 'jalon-sources',
    setup(build) {
      // Zod's namespace (`import { z } from 'zod'`, and its `core`) re-exports every one of its 64 locales'
      // messages (≈ 400 KB of the bundle, parsed and run at every start); Jalon uses only the English default,
      // which Zod's schemas import themselves. `z.locales` holds only `en` in the build (no code asks for another).
      build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
        /[\\/]node_modules[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir)
          ? { path: join(args.resolveDir, '..', 'locales', 'en-only.js'), namespace: 'zod-en-only' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'zod-en-only' }, (args) => ({
        contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};\n`,
        resolveDir: dirname(args.path),
        loader: 'js',
      }));
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { external: true };
        return inlinedPackages.has(packageOf(args.path)) ? undefined : { external: true };
      });
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        let contents = await readFile(args.path, 'utf8');
        if (contents.includes('import.meta.url')) {
          const compiled = relative(root, args.path).split(sep).join('/').replace(/\.ts$/, '.js');
          const fromBundle = posix.relative(bundleDir, compiled);
          contents = contents.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
          );
        }
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** Where the built server finds each language's catalogues (`catalogues.<locale>.json`), in a version directory. */
const cataloguesDir = 'core/i18n';
const catalogueSource = join(root, 'core', 'i18n', 'catalogue-source.ts');

/**
 * Every language's catalogues as the sources hold them (core/i18n/catalogue-source.ts, run once here):
 * `{ [locale]: { screens, server } }`, plain data.
 */
export async function catalogueData() {
  const { build } = await import('esbuild');
  const { outputFiles } = await build({
    entryPoints: [catalogueSource],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  const code = outputFiles[0].text;
  const source = await import(`data:text/javascript,${encodeURIComponent(code)}`);
  return Object.fromEntries(source.catalogueLocales.map((locale) => [locale, source.readCatalogues(locale)]));
}

/**
 * esbuild plugin: core/i18n/catalogue-source.ts, which imports every language's catalogues (289 KB of modules,
 * ≈ 40 ms of CPU to compile at every start and command), becomes a module of the same exports that reads a
 * language's catalogues from the JSON `writeCatalogues` wrote, when `t` first asks for that language
 * (issue 20, item 4; decision 0030). `locales`: the languages written.
 */
export function cataloguesAsData(locales) {
  // the chunks sit in `bundleDir`: the JSON files' place from there
  const fromBundle = posix.relative(bundleDir, cataloguesDir);
  return {
    name: 'jalon-catalogues-as-data',
    setup(build) {
      build.onResolve({ filter: /(^|\/)catalogue-source\.js$/ }, (args) =>
        join(args.resolveDir, args.path.replace(/\.js$/, '.ts')) === catalogueSource
          ? { path: catalogueSource, namespace: 'jalon-catalogues-as-data' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'jalon-catalogues-as-data' }, () => ({
        contents: [
          `import { readFileSync } from 'node:fs';`,
          `export const catalogueLocales = ${JSON.stringify(locales)};`,
          `export function readCatalogues(locale) {`,
          `  if (!catalogueLocales.includes(locale)) return undefined;`,
          `  const file = new URL(${JSON.stringify(`${fromBundle}/catalogues.`)} + locale + '.json', import.meta.url);`,
          `  return JSON.parse(readFileSync(file, 'utf8'));`,
          `}`,
          '',
        ].join('\n'),
        loader: 'js',
      }));
    },
  };
}

/** Writes each language's catalogues (`catalogueData()`) where `cataloguesAsData` reads them, under `dir`. */
export function writeCatalogues(dir, data) {
  mkdirSync(join(dir, cataloguesDir), { recursive: true });
  for (const [locale, catalogues] of Object.entries(data))
    writeFileSync(join(dir, cataloguesDir, `catalogues.${locale}.json`), JSON.stringify(catalogues));
}

/**
 * The compiled tree of the sources as they are now: build/<newest source time>/, made when missing.
 *
 * Each version is built in a directory of its own and renamed into place, so commands starting together (the
 * tests start dozens) each see a whole build, and a server still running on an older version keeps its files;
 * versions older than the two newest are removed.
 */
export async function currentBuild() {
  const version = String(newestSource());
  const dir = join(buildRoot, version);
  if (existsSync(join(dir, '.complete'))) return dir;
  const started = performance.now();
  // stderr: a command's standard output may be the data it exports
  process.stderr.write('Compiling the server (once, and again only when its sources change)… ');
  const staging = join(buildRoot, `.staging-${process.pid}-${Date.now()}`);
  const assets = [];
  for (const source of sourceDirs)
    walk(join(root, source), (path) => path.endsWith('.ts') || assets.push(path));
  // esbuild is loaded only to build: a command whose build is current does not pay for it (≈ 0.1 s)
  const { build } = await import('esbuild');
  // One bundle, split at each `import()`: the CLI's entry and each command's code (cli/main.ts loads them
  // lazily) are chunks of a few files rather than hundreds of modules — Node 20 spends about a millisecond per
  // ESM module it resolves, reads and links, more than the code itself costs to run (issue 20, item 4).
  // It sits where server/cli/main.ts would be compiled, beside the data files copied below.
  const out = join(staging, bundleDir);
  const catalogues = await catalogueData();
  await build({
    entryPoints: [join(root, 'server', 'cli', 'main.ts')],
    outdir: out,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // a stack trace names the sources with `node --enable-source-maps`
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [cataloguesAsData(Object.keys(catalogues)), sourcesAndInlinedPackages()],
  });
  writeCatalogues(staging, catalogues);
  for (const path of assets) {
    const target = join(staging, relative(root, path));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(path, target);
  }
  // server/app.ts serves `../web/dist` relative to itself
  symlinkSync(join('..', '..', 'web'), join(staging, 'web'));
  writeFileSync(join(staging, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(staging, '.complete'), version);
  try {
    renameSync(staging, dir);
  } catch {
    // another command built the same version at the same moment: theirs is identical
    rmSync(staging, { recursive: true, force: true });
  }
  const versions = readdirSync(buildRoot)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const old of versions.slice(2)) rmSync(join(buildRoot, old), { recursive: true, force: true });
  process.stderr.write(`${Math.round(performance.now() - started)} ms\n`);
  return dir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await currentBuild();
}
