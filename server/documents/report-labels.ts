/**
 * What the report documents write besides the template's own labels: the words of the layout ("Sans objet",
 * "Résultat", the Part V column heads…) in French and English, and the formatting of derived header values —
 * report type, trust fund, recipients, yes/no, markers, focus area, money, percentages and dates — through
 * `Intl` in the report's language (French: `1 026 157,82 $US`, `15 janvier 2020`; English: `$1,026,157.82`,
 * `January 15, 2020`). Pure: shared by the Word, HTML and PDF renderers.
 */
import type { ReportHeader, ReportModel } from '../../core/contracts/report.js';
import type { ReportType } from '../../core/contracts/report-template.js';
import { localize, type Locale } from '../../core/i18n/locale.js';

const words = {
  notApplicable: { fr: 'Sans objet', en: 'Not applicable' },
  notGiven: { fr: 'Non renseigné', en: 'Not given' },
  yes: { fr: 'Oui', en: 'Yes' },
  no: { fr: 'Non', en: 'No' },
  none: { fr: 'Aucun', en: 'None' },
  total: { fr: 'Total', en: 'Total' },
  outcome: { fr: 'Résultat', en: 'Outcome' },
  output: { fr: 'Produit', en: 'Output' },
  indicator: { fr: 'Indicateur', en: 'Indicator' },
  convening: { fr: 'agence coordinatrice', en: 'convening agency' },
  recipient: { fr: 'Agence récipiendaire', en: 'Recipient organization' },
  budget: { fr: 'Budget', en: 'Budget' },
  donor: { fr: 'Nom du donateur', en: 'Name of donor' },
  amount: { fr: 'Montant ($)', en: 'Amount ($)' },
  notes: { fr: 'Notes pour remplir le rapport', en: 'Notes for completing the report' },
  trustFundCountry: { fr: 'Fonds fiduciaire pays', en: 'Country trust fund' },
  trustFundRegional: { fr: 'Fonds fiduciaire régional', en: 'Regional trust fund' },
  trustFundName: { fr: 'Nom du fonds fiduciaire', en: 'Name of recipient fund' },
  limit: { fr: 'limite de {n} caractères', en: 'limit of {n} characters' },
  lastSixMonthsLead: {
    fr: 'Pour les projets dans les six derniers mois de mise en œuvre',
    en: 'For projects within the last six months of implementation',
  },
  finalOnlyLead: { fr: 'Pour les rapports finaux', en: 'For final reports' },
  months: { fr: '{n} mois', en: '{n} months' },
  page: { fr: 'Page', en: 'Page' },
  period: { fr: 'Période couverte', en: 'Reporting period' },
} as const;

export type DocumentWord = keyof typeof words;

/** A word of the documents' layout in `locale`. */
export function word(key: DocumentWord, locale: Locale, n?: number): string {
  const text = words[key][locale];
  return n === undefined ? text : text.replace('{n}', String(n));
}

/** The Part V column heads, as the template's table has them. */
export const indicatorColumns: Record<Locale, [string, string, string, string, string, string]> = {
  fr: [
    'Indicateurs',
    'Base de référence',
    'Cible de fin de projet',
    'Étapes d’indicateur / milestone',
    'Progrès actuel de l’indicateur',
    'Raisons pour les retards ou changements',
  ],
  en: [
    'Indicators',
    'Baseline',
    'End of project indicator target',
    'Indicator milestone',
    'Current indicator progress',
    'Reasons for variance / delay (if any)',
  ],
};

const reportTypeNames: Record<ReportType, { fr: string; en: string }> = {
  semi_annual: { fr: 'Semestriel', en: 'Semi-annual' },
  annual: { fr: 'Annuel', en: 'Annual' },
  final: { fr: 'Final', en: 'Final' },
  quarterly: { fr: 'Trimestriel', en: 'Quarterly' },
};

const priorityWindowNames = {
  gender: { fr: 'Initiative de promotion du genre', en: 'Gender promotion initiative' },
  youth: { fr: 'Initiative de promotion de la jeunesse', en: 'Youth promotion initiative' },
  transition: {
    fr: 'Transition entre différentes configurations de l’ONU (par ex. sortie de la mission de maintien de la paix)',
    en: 'Transition from UN or regional peacekeeping or special political missions',
  },
  cross_border: { fr: 'Projet transfrontalier ou régional', en: 'Cross-border or regional project' },
} as const;

const riskLevelNames: Record<string, { fr: string; en: string }> = {
  low: { fr: 'Faible', en: 'Low' },
  medium: { fr: 'Moyen', en: 'Medium' },
  high: { fr: 'Élevé', en: 'High' },
};

const intlLocale = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-US');

/** `1 026 157,82 $US` in French, `$1,026,157.82` in English: always with cents, as budgets are written. */
export function formatMoney(amount: number, locale: Locale, currency = 'USD'): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** `18 %` / `18%`: the value is a percentage (18), not a ratio. */
export function formatPercent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(
    value / 100,
  );
}

/** `15 janvier 2020` / `January 15, 2020` from an ISO date (`2020-01-15`); `2021-06` gives `juin 2021`. */
export function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (!m) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = d
    ? { dateStyle: 'long', timeZone: 'UTC' }
    : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(intlLocale(locale), options).format(date);
}

export function formatYesNo(value: boolean | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return word('notGiven', locale);
  return word(value ? 'yes' : 'no', locale);
}

export function formatReportType(type: ReportType, locale: Locale): string {
  return reportTypeNames[type][locale];
}

/** `Mali` for `ML`; a country already written out stays as it is. */
export function formatCountry(country: string, locale: Locale): string {
  if (!/^[A-Z]{2}$/.test(country)) return country;
  return new Intl.DisplayNames([locale], { type: 'region' }).of(country) ?? country;
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
  return (Object.keys(priorityWindowNames) as (keyof typeof priorityWindowNames)[]).map((key) => ({
    checked: header.priorityWindows.includes(key),
    text: priorityWindowNames[key][locale],
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
  const name = riskLevelNames[marker.level]?.[locale] ?? marker.level;
  return marker.text && marker.text.toLowerCase() !== name.toLowerCase() ? `${name} (${marker.text})` : name;
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
export const colon = (locale: Locale) => (locale === 'fr' ? '\u00a0: ' : ': ');
