/** A notification's sentence in one language, from the facts it keeps (so each reader gets their own). */
import type { NotificationKind } from '../../../core/contracts/notification-kinds.js';
import type { ReportType } from '../../../core/contracts/report-template.js';
import { reportTypes } from '../../../core/contracts/report-template.js';
import { formatDate } from '../../../core/i18n/format.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { t } from '../../../core/i18n/t.js';

/** The facts of a notification's sentence; the report's name and the date are put in the reader's words. */
export interface NotificationFacts {
  programme?: string;
  reportType?: ReportType;
  year?: number;
  agency?: string;
  by?: string;
  date?: string;
  count?: number;
  file?: string;
  [key: string]: string | number | undefined;
}

export function renderTitle(locale: Locale, kind: NotificationKind, facts: NotificationFacts): string {
  const type = facts.reportType;
  const report =
    type && (reportTypes as readonly string[]).includes(type)
      ? t(locale, `reports.name.${type}`, { year: facts.year ?? '' })
      : '';
  return t(locale, `notifications.title.${kind}`, {
    programme: facts.programme ?? '',
    report,
    agency: facts.agency ?? '',
    by: facts.by ?? '—',
    date: facts.date ? formatDate(facts.date, locale, 'long') : '',
    file: facts.file ?? '',
    ...(facts.count !== undefined ? { count: facts.count } : {}),
  });
}
