/**
 * The sentences of the money, work-plan and governance checks, in the user's language: every refused input is
 * named (line, row, cell, field) and said in French or English.
 */
import type { ErrorIssue } from '../../../core/errors/error-codes.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { normaliseCurrency, parseMoney } from '../../../core/finance/money-text.js';
import type { MoneyInput } from '../../../core/contracts/finance/fields.js';
import { AppError } from '../../errors.js';

type Args = Record<string, string | number>;
type Message = (a: Args) => string;

const fr: Record<string, Message> = {
  not_a_number: (a) => `« ${a.text} » n'est pas un montant`,
  not_a_rate: (a) => `« ${a.text} » n'est pas un taux de change`,
  too_many_decimals: (a) => `« ${a.text} » a plus de deux décimales`,
  too_large: (a) => `« ${a.text} » est trop grand`,
  negative: (a) => `un montant ne peut pas être négatif (« ${a.text} »)`,
  rate_not_positive: (a) => `le taux de change doit être positif (« ${a.text} »)`,
  unknown_currency: (a) => `« ${a.text} » n'est pas une devise (code ISO : USD, EUR, DKK, XOF ou FCFA…)`,
  missing_rate: (a) => `taux de change manquant pour ${a.currency} (1 USD = combien de ${a.currency} ?)`,
  required: () => 'valeur obligatoire',
  unknown_agency: (a) =>
    `« ${a.code} » n'est pas une agence récipiendaire de ce programme (agences : ${a.known || 'aucune'})`,
  unknown_donor: (a) =>
    `« ${a.code} » n'est pas un bailleur de ce programme (bailleurs : ${a.known || 'aucun'})`,
  unknown_organisation: (a) => `aucune organisation n'a le code « ${a.code} »`,
  unknown_activity: (a) => `aucune activité du plan de travail n'a le code « ${a.code} »`,
  unknown_output: (a) => `le produit « ${a.code} » n'existe dans aucune version du cadre de résultats`,
  unknown_outcome: (a) => `le résultat « ${a.code} » n'existe dans aucune version du cadre de résultats`,
  outcome_needed: () => "une ligne d'appui technique ou sans activité ni produit doit nommer son résultat",
  duplicate_code: (a) => `le code « ${a.code} » est déjà utilisé dans ce programme`,
  duplicate_in_file: (a) => `le code « ${a.code} » apparaît deux fois (déjà ligne ${a.first})`,
  end_before_start: () => 'la fin de la période précède son début',
  unknown_line: (a) => `aucune ligne budgétaire de ce programme n'a le code « ${a.code} »`,
  not_a_date: (a) => `« ${a.text} » n'est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA)`,
  duplicate_period: (a) =>
    `la ligne ${a.line} a déjà une dépense pour cette période (ligne ${a.first} du fichier)`,
  not_a_workbook: () => "le fichier n'est pas un classeur Excel (.xlsx) lisible",
  no_sheet: () => 'le classeur ne contient aucune feuille',
  missing_column: (a) => `colonne « ${a.column} » introuvable sur la ligne d'en-tête (ligne ${a.row})`,
  no_rows: () => 'le fichier ne contient aucune ligne avec un montant dépensé',
  workplan_exists: () =>
    'ce programme a déjà un plan de travail : supprimez-en les lignes ou modifiez-les une à une',
  activity_has_lines: (a) =>
    `l'activité a ${a.count} ligne(s) budgétaire(s) : déplacez-les ou supprimez-les d'abord`,
  line_has_expenditure: (a) => `la ligne a ${a.count} dépense(s) enregistrée(s) : supprimez-les d'abord`,
  agency_not_yours: (a) => `vous ne pouvez enregistrer des dépenses que pour votre agence (ligne ${a.line})`,
  follow_up_only: (a) =>
    `vous ne pouvez modifier que le suivi (${a.allowed}) : « ${a.field} » est modifié par la coordination du programme`,
  donor_or_name: () => 'indiquez le bailleur (code) ou son nom',
  unknown_indicator: () => "cet indicateur n'appartient pas à ce programme",
  period_order: () => 'la date de début dépasse la date de fin',
  line_named: (a) => `ligne « ${a.code} »`,
  activity_named: (a) => `activité « ${a.code} »`,
  total_named: (a) => `sous-total « ${a.label} »`,
};

const en: Record<string, Message> = {
  not_a_number: (a) => `“${a.text}” is not an amount`,
  not_a_rate: (a) => `“${a.text}” is not an exchange rate`,
  too_many_decimals: (a) => `“${a.text}” has more than two decimals`,
  too_large: (a) => `“${a.text}” is too large`,
  negative: (a) => `an amount cannot be negative (“${a.text}”)`,
  rate_not_positive: (a) => `the exchange rate must be positive (“${a.text}”)`,
  unknown_currency: (a) => `“${a.text}” is not a currency (ISO code: USD, EUR, DKK, XOF or FCFA…)`,
  missing_rate: (a) => `exchange rate missing for ${a.currency} (1 USD = how many ${a.currency}?)`,
  required: () => 'required',
  unknown_agency: (a) =>
    `“${a.code}” is not a recipient agency of this programme (agencies: ${a.known || 'none'})`,
  unknown_donor: (a) => `“${a.code}” is not a donor of this programme (donors: ${a.known || 'none'})`,
  unknown_organisation: (a) => `no organisation has the code “${a.code}”`,
  unknown_activity: (a) => `no work-plan activity has the code “${a.code}”`,
  unknown_output: (a) => `output “${a.code}” is in no version of the results framework`,
  unknown_outcome: (a) => `outcome “${a.code}” is in no version of the results framework`,
  outcome_needed: () =>
    'a technical-support line, or one with neither activity nor output, must name its outcome',
  duplicate_code: (a) => `the code “${a.code}” is already used in this programme`,
  duplicate_in_file: (a) => `the code “${a.code}” appears twice (first at line ${a.first})`,
  end_before_start: () => 'the period ends before it starts',
  unknown_line: (a) => `no budget line of this programme has the code “${a.code}”`,
  not_a_date: (a) => `“${a.text}” is not a date (YYYY-MM-DD or DD/MM/YYYY)`,
  duplicate_period: (a) =>
    `line ${a.line} already has an expense for this period (row ${a.first} of the file)`,
  not_a_workbook: () => 'the file is not a readable Excel workbook (.xlsx)',
  no_sheet: () => 'the workbook has no sheet',
  missing_column: (a) => `column “${a.column}” not found on the header row (row ${a.row})`,
  no_rows: () => 'the file has no row with an amount spent',
  workplan_exists: () => 'this programme already has a work plan: delete its lines or change them one by one',
  activity_has_lines: (a) => `the activity has ${a.count} budget line(s): move or delete them first`,
  line_has_expenditure: (a) => `the line has ${a.count} recorded expense(s): delete them first`,
  agency_not_yours: (a) => `you may record expenses for your own agency only (line ${a.line})`,
  follow_up_only: (a) =>
    `you may change the follow-up only (${a.allowed}): “${a.field}” is changed by the programme's coordination`,
  donor_or_name: () => 'give the donor (code) or its name',
  unknown_indicator: () => 'this indicator does not belong to this programme',
  period_order: () => 'the start date is after the end date',
  line_named: (a) => `line “${a.code}”`,
  activity_named: (a) => `activity “${a.code}”`,
  total_named: (a) => `subtotal “${a.label}”`,
};

const catalogues: Record<Locale, Record<string, Message>> = { fr, en };

export type MessageKey = keyof typeof fr;

/** A check's sentence in the locale. */
export function say(locale: Locale, key: MessageKey, args: Args = {}): string {
  return (catalogues[locale][key] ?? fr[key]!)(args);
}

/** Refuses (403) a change of fields beyond the follow-up, each named in the user's language: nothing is written. */
export function refuseBeyondFollowUp(locale: Locale, fields: string[], allowed: readonly string[]): void {
  if (!fields.length) return;
  throw new AppError('forbidden', `Only the follow-up may be changed here, not: ${fields.join(', ')}`, {
    issues: fields.map((field) => ({
      path: `body.${field}`,
      message: say(locale, 'follow_up_only', { field, allowed: allowed.join(', ') }),
    })),
  });
}

/** Collects every problem of an input (with its path) before refusing it as a whole. */
export class Issues {
  readonly list: ErrorIssue[] = [];
  constructor(readonly locale: Locale) {}

  /** `where` names the place in words ("ligne « 2.1.3-b », 2023") before the sentence. */
  add(path: string, key: MessageKey, args: Args = {}, where?: string): void {
    const message = say(this.locale, key, args);
    const sep = this.locale === 'fr' ? ' : ' : ': ';
    this.list.push({ path, message: where ? `${where}${sep}${message}` : message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Refuses the whole input when anything was wrong: nothing is written. */
  throwIfAny(what = 'Invalid input'): void {
    if (this.list.length) throw new AppError('validation_failed', what, { issues: this.list });
  }

  /** An amount: parsed, refused when it does not parse or (unless allowed) when negative. */
  amount(
    path: string,
    input: MoneyInput | null | undefined,
    options: { allowNegative?: boolean; where?: string } = {},
  ) {
    const parsed = parseMoney(input);
    const text = String(input ?? '');
    if (!parsed.ok) {
      this.add(path, parsed.reason, { text }, options.where);
      return undefined;
    }
    if (parsed.value !== null && parsed.value < 0 && !options.allowNegative) {
      this.add(path, 'negative', { text }, options.where);
      return undefined;
    }
    return parsed.value;
  }

  /** A currency code (FCFA → XOF); USD when empty. */
  currency(path: string, input: string | null | undefined, where?: string): string | undefined {
    const code = normaliseCurrency(input);
    if (!code) {
      this.add(path, 'unknown_currency', { text: String(input) }, where);
      return undefined;
    }
    return code;
  }

  /** The rate of a currency other than USD: required and positive; null for USD. */
  rate(
    path: string,
    currency: string | undefined,
    input: MoneyInput | null | undefined,
    where?: string,
  ): number | null | undefined {
    if (!currency) return undefined;
    if (currency === 'USD') return null;
    if (input === null || input === undefined || String(input).trim() === '') {
      this.add(path, 'missing_rate', { currency }, where);
      return undefined;
    }
    const parsed = parseMoney(input, { rate: true });
    if (!parsed.ok || parsed.value === null) {
      this.add(path, 'not_a_rate', { text: String(input) }, where);
      return undefined;
    }
    if (parsed.value <= 0) {
      this.add(path, 'rate_not_positive', { text: String(input) }, where);
      return undefined;
    }
    return parsed.value;
  }
}
