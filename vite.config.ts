import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { build, defineConfig, type Plugin } from 'vite';

const workerSource = fileURLToPath(new URL('web/sw/service-worker.ts', import.meta.url));

/** What the built service worker knows of its build (`__JALON_BUILD__` in web/sw/service-worker.ts). */
export interface BuildManifest {
  /** changes with every build whose files change: a new worker, hence a new precache */
  id: string;
  /** the app shell: index.html and the scripts and styles it loads before anything else */
  shell: string[];
  /** every hashed file of the build; cached chunks of older builds are dropped */
  assets: string[];
  /**
   * the pages of field capture (the activity form, the activities, the outbox) with every chunk and stylesheet
   * they import: kept at install, so the form opens offline after any first visit (decision 0017)
   */
  field: string[];
}

/** The source files whose chunks make field capture work offline. */
const fieldPages = [
  /web\/features\/activities\/activity-form-page\.tsx$/,
  /web\/features\/activities\/activities-page\.tsx$/,
  /web\/features\/activities\/outbox-page\.tsx$/,
  /web\/components\/outbox-status\.tsx$/,
];

interface BundleChunk {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/** The files of the field pages' chunks and of everything they import statically. */
export function fieldFilesOf(bundle: Record<string, { type: string }>): string[] {
  const chunks = Object.values(bundle).filter((f): f is BundleChunk => f.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const files = new Set<string>();
  const visit = (chunk: BundleChunk | undefined) => {
    if (!chunk || files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  for (const chunk of chunks) {
    if (fieldPages.some((page) => page.test(chunk.facadeModuleId ?? ''))) visit(chunk);
  }
  return [...files].map((name) => `/${name}`).sort();
}

/** The files index.html loads by itself: the entry script, its modulepreloads, its stylesheets. */
export function entryFilesOf(indexHtml: string): string[] {
  return [...indexHtml.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/assets\/[^"]+)"/g)].map(
    (m) => m[1]!,
  );
}

/**
 * Builds web/sw/service-worker.ts into the classic script `sw.js` at the root of the build (a worker's scope
 * is its folder), with this build's shell and file list written in. Runs after the app is written, so it
 * lists exactly the files the server will serve.
 */
function serviceWorker(): Plugin {
  return {
    name: 'jalon:service-worker',
    apply: 'build',
    writeBundle: {
      sequential: true,
      async handler(output, bundle) {
        const dir = output.dir;
        if (!dir) return;
        const index = bundle['index.html'];
        if (!index || index.type !== 'asset') return;
        const assets = Object.keys(bundle)
          .filter((name) => name.startsWith('assets/'))
          .map((name) => `/${name}`)
          .sort();
        const shell = ['/index.html', ...entryFilesOf(String(index.source))];
        const id = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 12);
        const field = fieldFilesOf(bundle).filter((file) => !shell.includes(file));
        if (field.length === 0) throw new Error('the field pages were not found in the build');
        const manifest: BuildManifest = { id, shell, assets, field };
        const result = await build({
          configFile: false,
          logLevel: 'warn',
          define: { __JALON_BUILD__: JSON.stringify(manifest) },
          build: {
            write: false,
            minify: true,
            emptyOutDir: false,
            copyPublicDir: false,
            rolldownOptions: {
              input: workerSource,
              output: { format: 'iife', entryFileNames: 'sw.js' },
            },
          },
        });
        const chunk = [result]
          .flat()
          .flatMap((r) => ('output' in r ? r.output : []))
          .find((file) => file.type === 'chunk');
        if (!chunk || chunk.type !== 'chunk') throw new Error('the service worker did not build');
        await writeFile(join(dir, 'sw.js'), chunk.code);
      },
    },
  };
}

/**
 * Writes `.br` (quality 11) and `.gz` (level 9) beside every text file of the build; the server sends them as
 * they are (@fastify/static preCompressed). Brotli 11 is too slow to run per request but 10 % smaller than what
 * the server compresses on the fly: on 400 kbit/s, a third of a second less for the first load.
 */
function precompress(): Plugin {
  return {
    name: 'jalon:precompress',
    apply: 'build',
    writeBundle: {
      sequential: true,
      order: 'post',
      async handler(output) {
        const dir = output.dir;
        if (!dir) return;
        const files = await listFiles(dir);
        const brotli = promisify(brotliCompress);
        const gzipped = promisify(gzip);
        await Promise.all(
          files
            .filter((file) => /\.(?:js|css|html|json|svg|txt)$/.test(file))
            .map(async (file) => {
              const content = await readFile(file);
              if (content.length < 1024) return;
              const br = await brotli(content, {
                params: {
                  [zlib.BROTLI_PARAM_QUALITY]: 11,
                  [zlib.BROTLI_PARAM_SIZE_HINT]: content.length,
                },
              });
              const gz = await gzipped(content, { level: 9 });
              if (br.length < content.length) await writeFile(`${file}.br`, br);
              if (gz.length < content.length) await writeFile(`${file}.gz`, gz);
            }),
        );
      },
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if ((await stat(path)).isFile()) files.push(path);
  }
  return files;
}

// The web app lives in web/ and is served, once built, by the Fastify server from web/dist.
export default defineConfig(({ command }) => {
  // A build started from the test suite (ensureWebBuilt) inherits Vitest's NODE_ENV=test, which would bundle
  // React's development build (four times larger) and leave the service worker out: a build is the real app.
  if (command === 'build' && process.env.NODE_ENV === 'test') process.env.NODE_ENV = 'production';
  return {
    root: 'web',
    plugins: [react(), serviceWorker(), precompress()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 900,
      rolldownOptions: {
        output: {
          // The first load was 35 files, most under 1 KB (Mantine's small components, the API helpers) shared
          // with lazy pages: at 400 ms a round trip and six connections, their requests cost more than their
          // bytes. Two groups make it 13 files for 2 KB more, and the first visit 0.6 s faster
          // (docs/performance.md, "The web app on a slow link").
          codeSplitting: {
            groups: [
              {
                name: 'mantine-base',
                test: /node_modules[\\/]@mantine[\\/]core[\\/].*(Text|Title|Paper|Badge|Box|VisuallyHidden|Skeleton|SimpleGrid|ActionIcon|SegmentedControl|Input|TextInput|PasswordInput|utils|core)[\\/]/,
              },
              // the outbox (and Dexie under it) is not for the first load: the pages that use it load it
              { name: 'app-common', test: /[\\/]web[\\/](api|lib)[\\/](?!outbox|photo)/ },
            ],
          },
        },
      },
    },
    server: { port: 5173, proxy: { '/api': 'http://localhost:3000', '/iati': 'http://localhost:3000' } },
  };
});
