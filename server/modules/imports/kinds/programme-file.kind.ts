/**
 * A programme file: IATI XML from any publisher, or a results framework workbook (the format is detected),
 * creating programmes (an administrator's decision) or a new framework version of one programme (its
 * coordinator's). Reading and writing: `exchange/exchange.service.ts`; who may: `exchange/import-access.ts`.
 */
import {
  importTarget,
  type ImportIssue as ExchangeIssue,
  type ImportPreview,
  type ImportResult,
  type ImportTarget,
} from '../../../../core/contracts/exchange.js';
import type { ImportIssue } from '../../../../core/contracts/imports.js';
import { locales } from '../../../../core/i18n/locale.js';
import type { ServerMessageKey } from '../../../../core/i18n/server-fr.js';
import { t } from '../../../../core/i18n/t.js';
import { planImport, writeImportPlan, type ImportPlan } from '../../exchange/exchange.service.js';
import { importAccess } from '../../exchange/import-access.js';
import type { ImportKind } from '../import-kind.js';

export interface ProgrammeFileOptions {
  target: ImportTarget;
}

/** A default the new version keeps in every language, so that each reader reads it in theirs. */
const inEveryLanguage = (key: ServerMessageKey, file: string) =>
  Object.fromEntries(locales.map((locale) => [locale, t(locale, key, { file })])) as {
    fr: string;
    en?: string;
  };

/**
 * A programme file as a new framework version of one programme: what the importer said, and for what they
 * left out, the file's name in every language (`Import de …` / `Import of …`) and today.
 */
export function newVersionTarget(
  programme: string,
  fileName: string,
  today: string,
  given: { label?: string | undefined; effectiveDate?: string | undefined; reason?: string | undefined },
): ImportTarget {
  return {
    kind: 'new_version',
    programme,
    label: given.label
      ? { fr: given.label }
      : inEveryLanguage('imports.programmeFile.versionLabel', fileName),
    effectiveDate: given.effectiveDate ?? today,
    reason: given.reason
      ? { fr: given.reason }
      : inEveryLanguage('imports.programmeFile.versionReason', fileName),
  };
}

/** An exchange finding in the one issue shape: `unmapped` and `note` are warnings; the place is a path. */
export const programmeFileIssue = (issue: ExchangeIssue): ImportIssue => ({
  severity: issue.severity === 'error' ? 'error' : 'warning',
  where: issue.where ? { path: issue.where } : {},
  message: issue.count && issue.count > 1 ? `${issue.message} (${issue.count}×)` : issue.message,
});

export const programmeFileKind: ImportKind<ProgrammeFileOptions, ImportPlan, ImportPreview, ImportResult> = {
  name: 'programme-file',
  hasMapping: false,
  parseOptions: (stored) => {
    const target = (stored as { target?: unknown } | null)?.target;
    return { target: importTarget.parse(target ?? { kind: 'new_programmes' }) };
  },
  // the operator at the console may import anything: importAccess knows it
  authorize: (ctx, _target, options) => importAccess(ctx, options),
  async read(ctx, _target, bytes, input) {
    const plan = await planImport(ctx, { fileName: input.fileName, bytes, target: input.options.target });
    const issues = plan.preview.issues.map(programmeFileIssue);
    // a file that creates nothing cannot be committed, as one with an error
    if (!plan.preview.canImport && !issues.some((i) => i.severity === 'error'))
      issues.unshift({
        severity: 'error',
        where: {},
        message: t(ctx.locale, 'imports.programmeFile.nothingToImport'),
      });
    return {
      format: plan.preview.format,
      parsed: plan,
      issues,
      rowCount: plan.programmes.length,
      itemCount: plan.programmes.length,
      detail: () => plan.preview,
    };
  },
  async commit(ctx, tx, _target, plan) {
    const created = await writeImportPlan(tx, plan, ctx.locale);
    ctx.log?.info({ file: plan.preview.fileName, created: created.map((c) => c.code) }, 'file imported');
    return { ...plan.preview, created };
  },
};
