// The optional programme sheet: the programme's code, title, kind, country, currency, dates and version facts.
import type ExcelJS from '../exceljs.js';
import type { ImportIssue } from '../../../../core/contracts/exchange.js';
import type { ProgrammeDocument } from '../../../../core/contracts/programme-document.js';
import type { Say } from '../../../../core/i18n/t.js';
import {
  kindLabels,
  normalise,
  programmeFields,
  sheetNames,
  type ProgrammeFieldKey,
} from '../framework-layout.js';
import { isoDate } from './cell-values.js';
import type { ProgrammeSheet } from './read-types.js';
import { findSheet } from './sheet-detection.js';
import { SheetReader } from './sheet-reader.js';

export function readProgrammeSheet(wb: ExcelJS.Workbook, issues: ImportIssue[], say: Say): ProgrammeSheet {
  const sheet = findSheet(wb, sheetNames.programme);
  if (!sheet) return {};
  const r = new SheetReader(sheet, issues, say);
  const byLabel = new Map<string, ProgrammeFieldKey>();
  for (const f of programmeFields) {
    byLabel.set(normalise(f.fr), f.key);
    byLabel.set(normalise(f.en), f.key);
  }
  const v: Partial<Record<ProgrammeFieldKey, { text: string; row: number }>> = {};
  for (let row = 1; row <= Math.min(sheet.rowCount, 60); row++) {
    const key = byLabel.get(normalise(r.text(row, 1, '')));
    if (key)
      v[key] = {
        text: r.text(
          row,
          2,
          say('documents.frameworkSheet.read.programmeSheet.valueColumn'),
          key === 'code' ? 'code' : 'text',
        ),
        row,
      };
  }
  const out: ProgrammeSheet = {};
  const date = (key: ProgrammeFieldKey) => {
    const x = v[key];
    if (!x?.text) return undefined;
    if (!isoDate.test(x.text) || Number.isNaN(Date.parse(x.text))) {
      r.error(r.where(x.row, 2), 'documents.frameworkSheet.read.programmeSheet.badDate', { text: x.text });
      return undefined;
    }
    return x.text;
  };
  if (v.code?.text) out.code = v.code.text;
  const title = v.titleFr?.text || v.titleEn?.text;
  if (title)
    out.title = v.titleFr?.text
      ? { fr: v.titleFr.text, ...(v.titleEn?.text ? { en: v.titleEn.text } : {}) }
      : { fr: title, en: title };
  if (v.kind?.text) {
    const n = normalise(v.kind.text);
    const kind = (
      Object.entries(kindLabels) as [ProgrammeDocument['kind'], { fr: string; en: string }][]
    ).find(([k, l]) => n === normalise(l.fr) || n === normalise(l.en) || n === k)?.[0];
    if (kind) out.kind = kind;
    else
      r.error(r.where(v.kind.row, 2), 'documents.frameworkSheet.read.programmeSheet.unknownKind', {
        text: v.kind.text,
      });
  }
  if (v.country?.text) {
    if (/^[A-Za-z]{2}$/.test(v.country.text)) out.country = v.country.text.toUpperCase();
    else
      r.error(r.where(v.country.row, 2), 'documents.frameworkSheet.read.programmeSheet.badCountry', {
        text: v.country.text,
      });
  }
  if (v.currency?.text) {
    if (/^[A-Za-z]{3}$/.test(v.currency.text)) out.currency = v.currency.text.toUpperCase();
    else
      r.error(r.where(v.currency.row, 2), 'documents.frameworkSheet.read.programmeSheet.badCurrency', {
        text: v.currency.text,
      });
  }
  const start = date('startDate');
  if (start) out.startDate = start;
  const end = date('endDate');
  if (end) out.endDate = end;
  const effective = date('effectiveDate');
  if (effective) out.effectiveDate = effective;
  if (v.version?.text && /^\d+$/.test(v.version.text)) out.version = Number(v.version.text);
  if (v.labelFr?.text) out.label = { fr: v.labelFr.text, ...(v.labelEn?.text ? { en: v.labelEn.text } : {}) };
  if (v.reasonFr?.text)
    out.reason = { fr: v.reasonFr.text, ...(v.reasonEn?.text ? { en: v.reasonEn.text } : {}) };
  return out;
}
