import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { programmeSlugOf } from '../../core/domain/programme-slug.js';
import { isLocale } from '../../core/i18n/locale.js';
import { exportProgrammeDocument } from '../modules/programme-documents/programme-document.export.js';
import { openMigrated } from './open.js';
import { operatorContext } from '../context.js';

export interface ExportProgrammeOptions {
  format: string;
  out?: string;
  lang?: string;
  /** the framework version of an Excel export; the one in force when left out */
  frameworkVersion?: string;
}

const formats = ['json', 'iati', 'xlsx'];

/**
 * `jalon export programme <code> --format json|iati|xlsx [--out file]`: the programme with its whole framework
 * (JSON), as an IATI 2.03 activity file, or its framework as an Excel workbook. Text goes to stdout unless
 * `--out` is given; a workbook goes to `--out`, or to a file named after the programme in the current directory.
 * The IATI export's warnings (what it could not publish faithfully) go to stderr.
 */
export async function exportProgrammeCommand(code: string, options: ExportProgrammeOptions): Promise<void> {
  if (!formats.includes(options.format)) {
    throw new Error(`Unknown format "${options.format}": use ${formats.join(', ')}.`);
  }
  const locale = options.lang ?? 'fr';
  if (!isLocale(locale)) throw new Error(`Unknown language "${locale}": use fr or en.`);
  const version = options.frameworkVersion;
  if (version !== undefined && !/^[1-9]\d*$/.test(version))
    throw new Error(`Unknown framework version "${version}": write its number, e.g. 2.`);
  // reads only, no transaction: one connection, its catalogue caches warmed once (10 were opened for the
  // export's concurrent reads, each a server process and an authentication); on PGlite, the brief command's
  // engine (its WebAssembly without TurboFan's recompilations, a small cache: half the command's CPU)
  const database = await openMigrated(undefined, { connections: 1, brief: true });
  try {
    const ctx = operatorContext(database.db, locale);
    const slug = programmeSlugOf(code);
    const write = (text: string) => {
      if (options.out) {
        writeFileSync(options.out, text);
        console.error(resolve(options.out));
      } else process.stdout.write(text);
    };
    if (options.format === 'json') {
      write(`${JSON.stringify(await exportProgrammeDocument(ctx, slug), null, 2)}\n`);
    } else if (options.format === 'iati') {
      // the exchange formats load ExcelJS, the XML builder and the ZIP libraries (≈ 1 s of a command's
      // start): only the commands that need them pay for them
      const { exportProgrammeIati } = await import('../modules/exchange/exchange.service.js');
      const out = await exportProgrammeIati(ctx, slug);
      write(out.xml);
      for (const w of out.warnings) console.error(`! ${w}`);
    } else {
      const { exportFrameworkWorkbook } = await import('../modules/exchange/exchange.service.js');
      const out = await exportFrameworkWorkbook(
        ctx,
        slug,
        version === undefined ? undefined : Number(version),
      );
      const file = resolve(options.out ?? out.fileName);
      writeFileSync(file, out.bytes);
      console.log(file);
    }
  } finally {
    await database.close();
  }
}
