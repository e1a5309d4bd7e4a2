import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  maxImportBytes,
  type ImportIssue,
  type ImportPreview,
  type ImportTarget,
} from '../../core/contracts/exchange.js';
import { programmeSlugOf } from '../../core/domain/programme-slug.js';
import { isLocale, localize, type Locale } from '../../core/i18n/locale.js';
import { tIn } from '../../core/i18n/t.js';
import { AppError } from '../errors.js';
import { newVersionTarget } from '../modules/imports/kinds/programme-file.kind.js';
import { importProgrammeFile, previewProgrammeFile } from '../modules/imports/programme-file.service.js';
import { openMigrated } from './open.js';
import { operatorContext } from '../context.js';

export interface ImportOptions {
  /** import the file's framework as a new version of this programme (its code) */
  programme?: string;
  label?: string;
  effectiveDate?: string;
  reason?: string;
  dryRun?: boolean;
  lang?: string;
}

/** What the file would create (or created) and what could not be mapped, as lines of text. */
export function describeImport(preview: ImportPreview, locale: Locale, done: boolean): string[] {
  const say = tIn(locale);
  const lines = [
    `${say('imports.cli.programmeFile.file')} ${preview.fileName} (${preview.format === 'iati' ? (preview.detail ?? 'IATI') : `Excel${preview.detail ? ` — ${preview.detail}` : ''}`})`,
  ];
  for (const p of preview.programmes) {
    const verb =
      p.action === 'create'
        ? done
          ? say('imports.cli.programmeFile.created')
          : say('imports.cli.programmeFile.toCreate')
        : done
          ? say('imports.cli.programmeFile.newVersion')
          : say('imports.cli.programmeFile.newVersionToCreate');
    const fw = p.frameworkVersion
      ? say('imports.cli.programmeFile.framework', {
          version: p.frameworkVersion.version,
          outcomes: p.frameworkVersion.outcomes,
          outputs: p.frameworkVersion.outputs,
          indicators: p.frameworkVersion.indicators,
        })
      : say('imports.cli.programmeFile.noFramework');
    const colon = say('imports.cli.programmeFile.colon');
    lines.push(
      `${verb}${colon} ${p.code} — ${localize(p.title, locale)} (${fw}, ${p.values} ${say('imports.cli.programmeFile.values')}) [${p.slug}]`,
    );
  }
  const section = (severity: ImportIssue['severity'], title: string) => {
    const issues = preview.issues.filter((i) => i.severity === severity);
    if (!issues.length) return;
    lines.push('', `${title} (${issues.length})${say('imports.cli.programmeFile.colon')}`);
    for (const i of issues)
      lines.push(`  - ${i.where}${i.count && i.count > 1 ? ` (${i.count}×)` : ''} — ${i.message}`);
  };
  section('error', say('imports.cli.programmeFile.errors'));
  section('unmapped', say('imports.cli.programmeFile.notMapped'));
  section('note', say('imports.cli.programmeFile.notes'));
  return lines;
}

/**
 * `jalon import <file> [--programme <code>] [--dry-run]`: imports an IATI activity file or a framework workbook
 * in one transaction, and prints what it created and what it could not map. With `--programme`, the file's
 * framework becomes a new version of that programme. `--dry-run` prints the preview and writes nothing.
 */
export async function importCommand(file: string, options: ImportOptions): Promise<void> {
  const locale = options.lang ?? 'fr';
  if (!isLocale(locale)) throw new Error(`Unknown language "${locale}": use fr or en.`);
  const say = tIn(locale);
  const size = statSync(file).size;
  if (size > maxImportBytes)
    throw new Error(
      say('imports.cli.programmeFile.tooLarge', { file, megabytes: Math.round(size / 1024 / 1024) }),
    );
  const fileName = basename(file);
  const today = new Date().toISOString().slice(0, 10);
  const target: ImportTarget = options.programme
    ? newVersionTarget(programmeSlugOf(options.programme), fileName, today, options)
    : { kind: 'new_programmes' };
  const request = { fileName, bytes: readFileSync(file), target };
  const database = await openMigrated();
  try {
    const ctx = operatorContext(database.db, locale);
    const preview = await previewProgrammeFile(ctx, request);
    if (options.dryRun || !preview.canImport) {
      console.log(describeImport(preview, locale, false).join('\n'));
      if (!preview.canImport) process.exitCode = 1;
      else console.log(`\n${say('imports.cli.programmeFile.dryRun')}`);
      return;
    }
    const result = await importProgrammeFile(ctx, request);
    console.log(describeImport(result, locale, true).join('\n'));
  } catch (error) {
    // a file refused as a whole: its reason, in the reader's language
    if (error instanceof AppError && error.details.issues?.length)
      throw new AppError(error.code, error.details.issues.map((i) => i.message).join('\n'));
    throw error;
  } finally {
    await database.close();
  }
}
