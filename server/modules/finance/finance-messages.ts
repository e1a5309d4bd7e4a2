/**
 * The sentences of the money, work-plan and governance checks, in the user's language: every refused input is
 * named (line, row, cell, field) and said in the reader's language, from the catalogue (`financeRules` in
 * core/i18n/messages/finance-rules.*.ts).
 */
import type { ErrorIssue } from '../../../core/errors/error-codes.js';
import { locales, type Locale } from '../../../core/i18n/locale.js';
import { t, type Params } from '../../../core/i18n/t.js';
import type { ServerMessageKey } from '../../../core/i18n/server-fr.js';
import type { LocalizedText } from '../../../core/contracts/programme-document.js';
import { normaliseCurrency, parseMoney } from '../../../core/finance/money-text.js';
import type { MoneyInput } from '../../../core/contracts/finance/fields.js';
import { AppError } from '../../errors.js';

type Args = Record<string, string | number>;

/** The checks' refusals by the names the finance code uses (parseMoney's reasons among them), and their keys. */
const refusals = {
  not_a_number: 'financeRules.refusals.notANumber',
  not_a_rate: 'financeRules.refusals.notARate',
  too_many_decimals: 'financeRules.refusals.tooManyDecimals',
  too_large: 'financeRules.refusals.tooLarge',
  negative: 'financeRules.refusals.negative',
  rate_not_positive: 'financeRules.refusals.rateNotPositive',
  unknown_currency: 'financeRules.refusals.unknownCurrency',
  missing_rate: 'financeRules.refusals.missingRate',
  required: 'financeRules.refusals.required',
  unknown_agency: 'financeRules.refusals.unknownAgency',
  unknown_donor: 'financeRules.refusals.unknownDonor',
  unknown_organisation: 'financeRules.refusals.unknownOrganisation',
  unknown_activity: 'financeRules.refusals.unknownActivity',
  unknown_output: 'financeRules.refusals.unknownOutput',
  unknown_outcome: 'financeRules.refusals.unknownOutcome',
  outcome_needed: 'financeRules.refusals.outcomeNeeded',
  duplicate_code: 'financeRules.refusals.duplicateCode',
  duplicate_in_file: 'financeRules.refusals.duplicateInFile',
  end_before_start: 'financeRules.refusals.endBeforeStart',
  unknown_line: 'financeRules.refusals.unknownLine',
  not_a_date: 'financeRules.refusals.notADate',
  duplicate_period: 'financeRules.refusals.duplicatePeriod',
  not_a_workbook: 'financeRules.refusals.notAWorkbook',
  no_sheet: 'financeRules.refusals.noSheet',
  missing_column: 'financeRules.refusals.missingColumn',
  no_rows: 'financeRules.refusals.noRows',
  workplan_exists: 'financeRules.refusals.workplanExists',
  activity_has_lines: 'financeRules.refusals.activityHasLines',
  line_has_expenditure: 'financeRules.refusals.lineHasExpenditure',
  agency_not_yours: 'financeRules.refusals.agencyNotYours',
  follow_up_only: 'financeRules.refusals.followUpOnly',
  donor_or_name: 'financeRules.refusals.donorOrName',
  unknown_indicator: 'financeRules.refusals.unknownIndicator',
  period_order: 'financeRules.refusals.periodOrder',
  override_with_status: 'financeRules.refusals.overrideWithStatus',
  line_named: 'financeRules.where.line',
  activity_named: 'financeRules.where.activity',
  total_named: 'financeRules.where.total',
} as const satisfies Record<string, ServerMessageKey>;

export type MessageKey = keyof typeof refusals;

/** What a list of known codes reads as when it is empty. */
const noneKnown: Partial<Record<MessageKey, ServerMessageKey>> = {
  unknown_agency: 'financeRules.refusals.noAgency',
  unknown_donor: 'financeRules.refusals.noDonor',
};

/** A check's sentence in the locale. */
export function say(locale: Locale, key: MessageKey, args: Args = {}): string {
  const none = noneKnown[key];
  const params = none && !args.known ? { ...args, known: t(locale, none) } : args;
  return t(locale, refusals[key], params);
}

/** A name the finance views give in every language (a data `LocalizedText`, as the API returns names). */
export function inEveryLanguage(key: ServerMessageKey, params?: Params): Required<LocalizedText> {
  return Object.fromEntries(
    locales.map((locale) => [locale, t(locale, key, params)]),
  ) as Required<LocalizedText>;
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
    this.list.push({
      path,
      message: where ? `${t(this.locale, 'common.colon', { label: where })} ${message}` : message,
    });
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
