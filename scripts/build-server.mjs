// Compiles the server, the CLI and core to plain JavaScript in build/, once, and again only when a source
// changed: `jalon` and `npm start` then run compiled code instead of type-stripping ~700 files at every command
// (issue 20, decision 0030). Used by bin/jalon.mjs; `node scripts/build-server.mjs` builds ahead
// (npm start does, before it starts).
//
// Files are transpiled one for one (no bundle), so every relative path a module reads with
// `new URL('./x', import.meta.url)` still resolves: the non-TypeScript files beside them (migrations, geography,
// IATI schemas, demo photos) are copied, and build/web points at web/ for the built web app.
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
import { dirname, join, relative } from 'node:path';
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
  const entryPoints = [];
  const assets = [];
  for (const source of sourceDirs)
    walk(join(root, source), (path) => (path.endsWith('.ts') ? entryPoints.push(path) : assets.push(path)));
  // esbuild is loaded only to build: a command whose build is current does not pay for it (≈ 0.1 s)
  const { build } = await import('esbuild');
  await build({
    entryPoints,
    outdir: staging,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
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
