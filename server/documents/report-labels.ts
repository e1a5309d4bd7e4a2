/**
 * What the report documents write besides the template's own labels: the words of the layout ("N/A",
 * "Résultat", the Part V column heads…) from the catalogue (`documents.pbfReport`), and the formatting of derived
 * header values — report type, trust fund, recipients, yes/no, markers, focus area, money, percentages and dates —
 * through core/i18n/format.ts in the report's language (French: `1 026 157,82 $US`, `15 janvier 2020`; English: `$1,026,157.82`,
 * `January 15, 2020`). Pure: shared by the Word, HTML and PDF renderers.
 */
import type { ReportHeader, ReportModel } from '../../core/contracts/report.js';
import { priorityWindows } from '../../core/contracts/programme-document.js';
import type { ReportType } from '../../core/contracts/report-template.js';
import {
  formatCountry as countryName,
  formatDate as formatCalendarDate,
  formatMoneyWithCents,
  formatNumber,
  formatPercent as formatPercentage,
  intlLocale,
} from '../../core/i18n/format.js';
import { localize, type Locale } from '../../core/i18n/locale.js';
import type { ServerCatalogue } from '../../core/i18n/server-fr.js';
import { t, tIn } from '../../core/i18n/t.js';

export type DocumentWord = keyof ServerCatalogue['documents']['pbfReport']['words'];

/** A word of the documents' layout in `locale`. */
export function word(key: DocumentWord, locale: Locale, n?: number): string {
  // a count in the reader's format: "limite de 1 500 caractères", "limit of 1,500 characters"
  return t(
    locale,
    `documents.pbfReport.words.${key}`,
    n === undefined ? undefined : { n: formatNumber(n, locale) },
  );
}

/** The Part V column heads, as the template's table has them. */
export function indicatorColumns(locale: Locale): [string, string, string, string, string, string] {
  const say = tIn(locale);
  return [
    say('documents.pbfReport.indicatorColumns.indicators'),
    say('documents.pbfReport.indicatorColumns.baseline'),
    say('documents.pbfReport.indicatorColumns.endTarget'),
    say('documents.pbfReport.indicatorColumns.milestone'),
    say('documents.pbfReport.indicatorColumns.progress'),
    say('documents.pbfReport.indicatorColumns.reasons'),
  ];
}

const riskLevels = ['low', 'medium', 'high'] as const;
const isRiskLevel = (level: string): level is (typeof riskLevels)[number] =>
  (riskLevels as readonly string[]).includes(level);

/** `1 026 157,82 $US` in French, `$1,026,157.82` in English: always with cents, as budgets are written. */
export function formatMoney(amount: number, locale: Locale, currency = 'USD'): string {
  return formatMoneyWithCents(amount, currency, locale);
}

/** `18 %` / `18%`: the value is a percentage (18), not a ratio. */
export function formatPercent(value: number, locale: Locale): string {
  return formatPercentage(value, locale, 1);
}

/** `15 janvier 2020` / `January 15, 2020` from an ISO date (`2020-01-15`); `2021-06` gives `juin 2021`. */
export function formatDate(iso: string, locale: Locale): string {
  return formatCalendarDate(iso, locale, 'long');
}

export function formatYesNo(value: boolean | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return word('notGiven', locale);
  return word(value ? 'yes' : 'no', locale);
}

export function formatReportType(type: ReportType, locale: Locale): string {
  return t(locale, `documents.pbfReport.reportTypes.${type}`);
}

/** `Mali` for `ML`; a country already written out stays as it is. */
export function formatCountry(country: string, locale: Locale): string {
  if (!/^[A-Z]{2}$/.test(country)) return country;
  return countryName(country, locale);
}

/** `00119645 – PBF/MLI/A-1`: the Gateway number and the Fund's code, each once. */
export function formatProjectNumber(model: ReportModel): string {
  const parts = [model.header.gatewayId, model.header.fundCode ?? model.programme.code];
  return [...new Set(parts.filter((p): p is string => Boolean(p)))].join(' – ');
}

/** One line per recipient: `HCDH (RUNO, agence coordinatrice)`, `INTERPEACE (NUNO)`. */
export function formatRecipients(header: ReportHeader, locale: Locale): string[] {
  return header.recipients.map((r) => {
    const kind = r.kind === 'un_agency' ? 'RUNO' : 'NUNO';
    const notes = [kind, ...(r.convening ? [word('convening', locale)] : [])].join(', ');
    return `${localize(r.acronym, locale)} (${notes})`;
  });
}

/** The recipients with their approved budgets and the total, as the header's small table shows them. */
export function recipientBudgets(
  header: ReportHeader,
  locale: Locale,
  currency: string,
): { rows: [string, string][]; total: [string, string] } {
  return {
    rows: header.recipients.map((r) => [
      localize(r.acronym, locale),
      r.budget === null ? '—' : formatMoney(r.budget, locale, currency),
    ]),
    total: [word('total', locale), formatMoney(header.totalBudget, locale, currency)],
  };
}

/** `3 août 2022 (30 mois)` / `August 3, 2022 (30 months)`. */
export function formatEndDate(header: ReportHeader, locale: Locale): string {
  return `${formatDate(header.endDate, locale)} (${word('months', locale, header.durationMonths)})`;
}

/** The four priority windows, each ticked or not. */
export function priorityWindowChecks(
  header: ReportHeader,
  locale: Locale,
): { checked: boolean; text: string }[] {
  return priorityWindows.map((key) => ({
    checked: header.priorityWindows.includes(key),
    text: t(locale, `documents.pbfReport.priorityWindows.${key}`),
  }));
}

/** Country or regional trust fund, each ticked or not (neither when the Fund pays directly). */
export function trustFundChecks(header: ReportHeader, locale: Locale): { checked: boolean; text: string }[] {
  return [
    { checked: header.trustFund.kind === 'country', text: word('trustFundCountry', locale) },
    { checked: header.trustFund.kind === 'regional', text: word('trustFundRegional', locale) },
  ];
}

/** `GM2`, or `GM1 (GEN 1)` when the document wrote it its own way. */
export function formatGenderMarker(header: ReportHeader, locale: Locale): string {
  const marker = header.genderMarker;
  if (!marker) return word('notGiven', locale);
  return marker.text && marker.text !== marker.code ? `${marker.code} (${marker.text})` : marker.code;
}

/** `Moyen` / `Medium`, or `Élevé (2)` when the document wrote it its own way. */
export function formatRiskMarker(header: ReportHeader, locale: Locale): string {
  const marker = header.riskMarker;
  if (!marker) return word('notGiven', locale);
  const name = isRiskLevel(marker.level)
    ? t(locale, `documents.pbfReport.riskLevels.${marker.level}`)
    : marker.level;
  // the programme's own word for the level, unless it says the level's name again (in French: "Moyen")
  const same = [
    name,
    isRiskLevel(marker.level) ? t('fr', `documents.pbfReport.riskLevels.${marker.level}`) : '',
  ]
    .map((w) => w.toLowerCase())
    .includes(marker.text?.toLowerCase() ?? '');
  return marker.text && !same ? `${name} (${marker.text})` : name;
}

/** `(2.3) Prévention/gestion des conflits`. */
export function formatFocusArea(header: ReportHeader, locale: Locale): string {
  const area = header.focusArea;
  if (!area) return word('notGiven', locale);
  const label = localize(area.label, locale);
  return area.code ? `(${area.code}) ${label}` : label;
}

/** `1 janvier 2020 – 30 novembre 2020`. */
export function formatPeriod(model: ReportModel, locale: Locale): string {
  return `${formatDate(model.periodStart, locale)} – ${formatDate(model.periodEnd, locale)}`;
}

/** The document's title line, from the template's title: `RAPPORT DE PROGRÈS DE PROJET PBF`. */
export function documentTitle(title: { fr: string; en?: string | undefined }, locale: Locale): string {
  return localize(title, locale).toLocaleUpperCase(intlLocale(locale));
}

/** `PBF/MLI/A-3 – Annuel 2020`: what the footer of each page says. */
export function documentReference(model: ReportModel, locale: Locale): string {
  return `${model.programme.code} – ${formatReportType(model.type, locale)} ${model.year}`;
}

/** `Label : valeur` in French (non-breaking space before the colon), `Label: value` in English. */
export const colon = (locale: Locale) => t(locale, 'documents.pbfReport.colon');
