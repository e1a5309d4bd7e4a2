/**
 * What a first visit downloads before the app can show anything: the files web/dist/index.html loads by
 * itself (entry script, modulepreloads, stylesheets), at the size the server sends them — the build's
 * precompressed .br files (vite.config.ts), else the file itself.
 * `npx tsx scripts/first-load.ts [dist]` prints the figures of a build.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryFilesOf } from '../vite.config.js';

/** The budget of the issue "Scale and speed": JavaScript and CSS of the first load, compressed. */
export const firstLoadBudgetBytes = 250 * 1024;

export interface FirstLoadFile {
  path: string;
  bytes: number;
  brotli: number;
}

export function measureFirstLoad(dist: string): { files: FirstLoadFile[]; brotli: number; bytes: number } {
  const files = entryFilesOf(readFileSync(join(dist, 'index.html'), 'utf8')).map((path) => {
    const file = join(dist, path);
    const bytes = statSync(file).size;
    const brotli = existsSync(`${file}.br`) ? statSync(`${file}.br`).size : bytes;
    return { path, bytes, brotli };
  });
  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    brotli: files.reduce((sum, file) => sum + file.brotli, 0),
  };
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'web/dist';
  const { files, bytes, brotli } = measureFirstLoad(dist);
  for (const file of files)
    console.log(`${kilobytes(file.brotli).padStart(9)} ${kilobytes(file.bytes).padStart(9)}  ${file.path}`);
  console.log(`${kilobytes(brotli).padStart(9)} ${kilobytes(bytes).padStart(9)}  first load (brotli, raw)`);
}
