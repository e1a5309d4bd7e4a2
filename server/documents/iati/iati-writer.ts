/**
 * A programme → an IATI 2.03 `iati-activities` file (pure: a programme document in, XML text out).
 *
 * A joint programme (or a project with several recipient organisations, each with its own budget) is a parent
 * activity carrying the results, with one child activity per recipient organisation carrying its budget. Codes
 * come from the IATI codelists (`codelists.ts` refuses any other). What Jalon cannot publish faithfully is said
 * in `warnings`, which also head the file as an XML comment.
 */
import { scrubText } from '../../../core/domain/accepted-text.js';
import { splitGivenDate } from '../../../core/domain/programme-dates.js';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type {
  FrameworkVersion,
  IndicatorInput,
  LocalizedText,
  OrganisationInput,
  ProgrammeDocument,
  ValueInput,
} from '../../../core/contracts/programme-document.js';
import type { StoredValue, ValueSpec } from '../../../core/contracts/value-spec.js';
import { isPercentIndicator, toStoredValue } from '../../../core/domain/stored-value.js';
import { localize, type Locale } from '../../../core/i18n/locale.js';
import { formatNumber } from '../../../core/i18n/format.js';
import { t, tIn, type Params, type Say, type AnyMessageKey } from '../../../core/i18n/t.js';
import { code, codelist } from './codelists.js';
import { dimensionsOfPart, type Dimension } from './dimensions.js';
import { checkIatiRules, type RuleFinding } from './iati-rules.js';
import { isBlank } from './iati-values.js';
import { organisationTypeCodeOf, publishedRefOf } from './organisation-identifiers.js';
import { sectorsOf } from './sectors.js';

export interface IatiExportOptions {
  /** when the export is made: the activity status, the framework in force, `generated-datetime` */
  now: Date;
  /** the language of the warnings */
  locale: Locale;
  /** IATI identifiers of the projects that co-fund this programme, by programme code */
  cofunding?: Record<string, string>;
  /** the organisations of Jalon's catalogue, for the names of those the document does not declare */
  catalogue?: OrganisationInput[];
  /**
   * the programme's budget of record (budget lines, else the stated amounts: `ProgrammeBudget`), so that the
   * file gives the figures of every other page; without it, the amounts the document states for its recipients
   */
  budget?: IatiBudget;
  /**
   * the expenditure Jalon records (the finance tabs' "spent", by year): when given, the file publishes it and
   * nothing derived from the reports' implementation rates — the file gives no figure Jalon shows nowhere;
   * without it, expenditure derived from the rates (a document read alone)
   */
  expenditure?: { date: string; amount: number }[];
  /** when the programme's data last changed (`last-updated-datetime`); `now` when not given */
  lastUpdated?: Date;
}

/** The budget of record as the writer takes it: its total, the part no recipient carries, per recipient code. */
export interface IatiBudget {
  total: number;
  unattributed: number;
  byAgency: Record<string, number | null>;
  /**
   * the budget lines by agency code ('' = lines without an agency) and year: each budget is then published as
   * yearly budgets (IATI rule 7.5.3: a budget period is one year at most)
   */
  byAgencyYear?: Record<string, { year: number; amount: number }[]>;
}

export interface IatiExport {
  xml: string;
  /** the identifier of the (parent) activity */
  identifier: string;
  /** which framework version the results come from, if any */
  frameworkVersion: number | null;
  warnings: string[];
  /** what still breaks the IATI rules beyond the schema (none for Jalon's programmes: the tests check it) */
  ruleFindings: RuleFinding[];
  /** the reporting organisation of the file */
  reporting: { ref: string; type: string; name: LocalizedText };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** an IATI identifier keeps letters, digits, `.`, `_` and `-` (no `/`, which IATI reserves) */
export const identifierPart = (s: string) =>
  s
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * The IATI identifier Jalon gives a programme published by the organisation `ref`: its prefix, then the
 * programme's code — once (a code that already starts with the prefix is not prefixed again).
 */
export function activityIdentifier(reportingRef: string, programmeCode: string): string {
  const part = identifierPart(programmeCode);
  return part.toUpperCase().startsWith(`${reportingRef.toUpperCase()}-`) ? part : `${reportingRef}-${part}`;
}

/** The reporting organisation and identifier of a programme's IATI activity (see `writeIatiActivities`). */
export interface ActivityPublisher {
  /** Jalon code of the reporting organisation, if any */
  organisation?: string;
  ref: string;
  identifier: string;
  /** the ref is a placeholder (`JALON-…`): no certain identifier is known for the reporting organisation */
  placeholder: boolean;
  /** the publisher's own identifier of an imported activity, when Jalon cannot publish it under its prefix */
  notKept?: string;
}

/**
 * Who publishes a programme, under which identifier. An imported activity keeps its \`iati-identifier\` when
 * one of its organisations is published under the identifier's prefix (that organisation reports it);
 * otherwise, as for Jalon's own programmes, the convening recipient reports it under its own prefix. Jalon never
 * publishes an identifier that does not start with the reporting organisation's reference.
 */
export function activityPublisher(
  doc: Pick<
    ProgrammeDocument,
    'recipients' | 'implementingPartners' | 'donors' | 'iatiIdentifier' | 'code'
  > & {
    organisations: OrganisationInput[];
  },
  catalogue: OrganisationInput[] = [],
): ActivityPublisher {
  const orgs = organisationsOf(doc, catalogue);
  const refsOf = (c: string) =>
    [publishedRefOf(c, orgs.get(c)), ...(orgs.get(c)?.iatiRefs ?? [])].filter((r): r is string => Boolean(r));
  const imported = doc.iatiIdentifier;
  if (imported) {
    const candidates = [
      ...doc.recipients.map((r) => r.organisation),
      ...doc.implementingPartners.map((p) => p.organisation),
      ...doc.donors.map((d) => d.organisation),
    ];
    for (const c of candidates)
      for (const ref of refsOf(c))
        if (imported.toUpperCase().startsWith(`${ref.toUpperCase()}-`))
          return { organisation: c, ref, identifier: imported, placeholder: false };
  }
  const reportingCode = reportingOrganisationOf(doc);
  if (!reportingCode) {
    if (imported) {
      // the publisher's prefix is the identifier's first three parts (agency-registry-number)
      const prefix = imported.match(/^([A-Z]{2}-[A-Z0-9]+-[^-]+)-/i)?.[1];
      if (prefix) return { ref: prefix, identifier: imported, placeholder: false };
    }
    return { ref: 'JALON', identifier: activityIdentifier('JALON', doc.code), placeholder: true };
  }
  const known = publishedRefOf(reportingCode, orgs.get(reportingCode));
  const ref = known ?? `JALON-${reportingCode}`;
  const identifier = activityIdentifier(ref, doc.code);
  return {
    organisation: reportingCode,
    ref,
    identifier,
    placeholder: !known,
    ...(imported && imported !== identifier ? { notKept: imported } : {}),
  };
}

/**
 * The organisations a programme's file names: the document's, completed by the catalogue's entry of the same
 * code (an organisation imported with its name only is published with the acronym the catalogue knows).
 */
function organisationsOf(
  doc: Pick<ProgrammeDocument, 'organisations'>,
  catalogue: OrganisationInput[] = [],
): Map<string, OrganisationInput> {
  const orgs = new Map(catalogue.map((o) => [o.code, o]));
  for (const o of doc.organisations) {
    const known = orgs.get(o.code);
    orgs.set(o.code, known ? { ...known, ...o, acronym: o.acronym ?? known.acronym } : o);
  }
  return orgs;
}

/** The organisation that publishes a programme: its convening recipient, else its first recipient. */
export function reportingOrganisationOf(doc: Pick<ProgrammeDocument, 'recipients'>): string | undefined {
  return (doc.recipients.find((r) => r.convening) ?? doc.recipients[0])?.organisation;
}

/** The day one year after `day` (2024-02-29 → 2025-02-28): a budget ending on it or later is too long. */
export function oneYearAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const next = new Date(Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate()));
  if (next.getUTCDate() !== d.getUTCDate()) next.setUTCDate(0);
  return isoDay(next);
}

/** Last day of a `YYYY-MM` month, or the date itself. */
function endOfPartialDate(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const [y, m] = date.split('-').map(Number);
  return isoDay(new Date(Date.UTC(y!, m!, 0)));
}

const round = (n: number) => Number(n.toFixed(6));
const amount = (n: number) => String(Math.round(n * 100) / 100);

function numberOf(spec: ValueSpec): number | undefined {
  return spec.kind === 'number' || spec.kind === 'percent' ? spec.value : undefined;
}

/** A relative target's value from a numeric baseline: 78.97% +5 points → 83.97. */
function targetNumberOf(spec: ValueSpec, baseline: StoredValue | undefined): number | undefined {
  const direct = numberOf(spec);
  if (direct !== undefined) return direct;
  if (spec.kind !== 'relative' || !baseline) return undefined;
  const base = numberOf(baseline.spec);
  if (base === undefined) return undefined;
  const sign = spec.direction === 'increase' ? 1 : -1;
  return round(spec.unit === 'points' ? base + sign * spec.delta : base * (1 + (sign * spec.delta) / 100));
}

/** IATI IndicatorMeasure of a Jalon measure: numbers and percentages carry values, the rest comments. */
function measureOf(measure: NonNullable<IndicatorInput['measure']>): string {
  switch (measure) {
    case 'number':
    case 'index':
      return code('IndicatorMeasure', '1');
    case 'percent':
      return code('IndicatorMeasure', '2');
    case 'yes_no':
      return code('IndicatorMeasure', '3');
    default:
      return code('IndicatorMeasure', '5');
  }
}

/**
 * Jalon's namespace in the files it writes: what IATI's rules keep out of the IATI elements but Jalon still
 * states (a budget over more than a year: `jalon:budget-held-back`). Allowed by the schema (`##other`).
 */
export const jalonNamespace = 'urn:x-jalon:iati';

/** The words that open a held-back value's line in an indicator's description (read back by Jalon's reader). */
export const heldWords = {
  fr: { baselineWord: 'Base de référence', targetWord: 'Cible', actualWord: 'Valeur réalisée' },
  en: { baselineWord: 'Baseline', targetWord: 'Target', actualWord: 'Actual' },
} as const;

/** How an actual without a value reads, before its reason (`Pas de valeur — L’activité n’a pas commencé`) */
export const noValueWording = 'Pas de valeur';

/** The gender marker as the OECD DAC gender equality policy marker (UN GEN0/1 → 0, GEN2 → 1, GEN3 → 2). */
const genderSignificance: Record<string, string> = { GM0: '0', GM1: '0', GM2: '1', GM3: '2' };

interface Period {
  start: string;
  end: string;
  targets: StoredValue[];
  actuals: { value: StoredValue | null; reason?: string }[];
}

class Writer {
  readonly warnings: string[] = [];
  private readonly longBudgets: { whose: string; value: number }[] = [];
  /** budgets held back by rule 7.5.3, by the activity they belong to: written there as `jalon:budget-held-back` */
  private readonly heldBudgets = new Map<XMLBuilder, { status: string; value: number }[]>();
  /** values held back: a non-qualitative indicator's value Jalon holds only in words (where each one is) */
  readonly heldValues: string[] = [];
  private readonly say: Say;
  private readonly orgs: Map<string, OrganisationInput>;
  private readonly start: string | undefined;
  private readonly firstTransfer: string | undefined;
  private readonly end: string;
  readonly today: string;

  constructor(
    private readonly doc: ProgrammeDocument,
    private readonly options: IatiExportOptions,
  ) {
    this.say = tIn(options.locale);
    this.orgs = organisationsOf(doc, options.catalogue);
    // IATI dates are days: a first transfer given to the month only ("Janvier 2020") is its first day
    this.firstTransfer = doc.firstTransferDate ? splitGivenDate(doc.firstTransferDate).date : undefined;
    this.start = doc.startDate ?? this.firstTransfer;
    this.end = doc.revisedEndDate ?? doc.endDate;
    this.today = isoDay(options.now);
    // results periods need a start even when the programme states none: the earliest date its data gives
    const known = [
      ...doc.progress.map((p) => p.periodStart),
      ...doc.frameworks.map((f) => f.effectiveDate),
      ...doc.frameworks.flatMap((f) =>
        f.outcomes.flatMap((o) =>
          [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)].flatMap((i) =>
            Object.keys(i.targets ?? {}).map((y) => `${y}-01-01`),
          ),
        ),
      ),
    ].sort();
    this.resultsStart =
      this.start ?? (known[0] && known[0] < this.end ? known[0] : `${this.end.slice(0, 4)}-01-01`);
  }

  /** where the end target's and the milestones' periods start */
  private readonly resultsStart: string;

  private warn(key: AnyMessageKey, params?: Params) {
    this.warnings.push(this.say(key, params));
  }

  narratives(el: XMLBuilder, text: LocalizedText | string) {
    const both = typeof text === 'string' ? { fr: text } : text;
    // the same words in both languages are an English text read from a file (file-reader.ts): English only
    if (both.en === both.fr) {
      el.ele('narrative', { 'xml:lang': 'en' }).txt(both.en);
      return el;
    }
    el.ele('narrative', { 'xml:lang': 'fr' }).txt(both.fr);
    if (both.en && both.en !== both.fr) el.ele('narrative', { 'xml:lang': 'en' }).txt(both.en);
    return el;
  }

  orgName(orgCode: string): LocalizedText {
    const o = this.orgs.get(orgCode);
    if (!o) return { fr: orgCode };
    const acronym = (lang: 'fr' | 'en') => o.acronym?.[lang] ?? o.acronym?.fr;
    const name = (lang: 'fr' | 'en') => {
      const n = localize(o.name, lang);
      const a = acronym(lang);
      return a && a !== n && !n.includes(`(${a})`) ? `${n} (${a})` : n;
    };
    return { fr: name('fr'), en: name('en') };
  }

  /** The short name a reader knows: `PNUD` / `UNDP`, else the code. */
  orgLabel(orgCode: string): string {
    const o = this.orgs.get(orgCode);
    return o?.acronym ? localize(o.acronym, this.options.locale) : orgCode;
  }

  orgType(orgCode: string): string {
    return code('OrganisationType', organisationTypeCodeOf(orgCode, this.orgs.get(orgCode)));
  }

  participatingOrg(el: XMLBuilder, orgCode: string, role: string) {
    const ref = publishedRefOf(orgCode, this.orgs.get(orgCode));
    const attrs: Record<string, string> = {
      role: code('OrganisationRole', role),
      type: this.orgType(orgCode),
    };
    if (ref) attrs.ref = ref;
    this.narratives(el.ele('participating-org', attrs), this.orgName(orgCode));
  }

  status(): string {
    if (this.start && this.today < this.start) return code('ActivityStatus', '1');
    if (this.today <= this.end) return code('ActivityStatus', '2');
    return code('ActivityStatus', '3');
  }

  header(el: XMLBuilder, identifier: string, reporting: { ref: string; type: string; name: LocalizedText }) {
    el.ele('iati-identifier').txt(identifier);
    this.narratives(el.ele('reporting-org', { ref: reporting.ref, type: reporting.type }), reporting.name);
  }

  dates(el: XMLBuilder) {
    const { doc } = this;
    const plannedStart = doc.startDate ?? this.firstTransfer;
    if (plannedStart)
      el.ele('activity-date', { type: code('ActivityDateType', '1'), 'iso-date': plannedStart });
    if (this.firstTransfer && this.firstTransfer <= this.today)
      el.ele('activity-date', { type: code('ActivityDateType', '2'), 'iso-date': this.firstTransfer });
    el.ele('activity-date', { type: code('ActivityDateType', '3'), 'iso-date': this.end });
  }

  country(el: XMLBuilder) {
    const country = codelist('Country').get(this.doc.country);
    if (!country) {
      this.warn('documents.iati.export.countryNotInCodelist', { country: this.doc.country });
      return;
    }
    el.ele('recipient-country', { code: country.code, percentage: '100' })
      .ele('narrative', { 'xml:lang': 'en' })
      .txt(country.name.en);
  }

  classification(el: XMLBuilder, sectors: ReturnType<typeof sectorsOf>) {
    for (const s of sectors)
      el.ele('sector', {
        vocabulary: code('SectorVocabulary', '1'),
        code: s.code,
        percentage: String(s.percentage),
      });
  }

  policyMarker(el: XMLBuilder) {
    const marker = this.doc.genderMarker;
    if (!marker) return;
    el.ele('policy-marker', {
      vocabulary: code('PolicyMarkerVocabulary', '1'),
      code: code('PolicyMarker', '1'),
      significance: code('PolicySignificance', genderSignificance[marker.code]!),
    });
  }

  defaults(el: XMLBuilder) {
    el.ele('default-flow-type', { code: code('FlowType', '10') });
    el.ele('default-finance-type', { code: code('FinanceType', '110') });
    el.ele('default-aid-type', { code: code('AidType', 'C01') });
  }

  /**
   * A budget: one per year when its yearly amounts are known, else one over the whole duration — held back
   * (and listed) when that is longer than a year, which IATI refuses (rule 7.5.3).
   */
  budget(
    el: XMLBuilder,
    value: number,
    status: '1' | '2',
    whose: string,
    yearly?: { year: number; amount: number }[],
  ) {
    if (!this.start) {
      this.warn('documents.iati.export.budgetWithoutStart', { whose });
      return;
    }
    const write = (start: string, end: string, v: number) => {
      const b = el.ele('budget', { type: code('BudgetType', '1'), status: code('BudgetStatus', status) });
      b.ele('period-start', { 'iso-date': start });
      b.ele('period-end', { 'iso-date': end });
      b.ele('value', { currency: this.doc.currency, 'value-date': start }).txt(amount(v));
    };
    const years = (yearly ?? []).filter((y) => y.amount > 0).sort((a, b) => a.year - b.year);
    if (years.length) {
      for (const y of years) {
        let start = `${y.year}-01-01`;
        let end = `${y.year}-12-31`;
        if (this.start > start && this.start <= end) start = this.start;
        if (this.end < end && this.end >= start) end = this.end;
        write(start, end, y.amount);
      }
      return;
    }
    if (this.end >= oneYearAfter(this.start)) {
      this.longBudgets.push({ whose, value });
      this.heldBudgets.set(el, [...(this.heldBudgets.get(el) ?? []), { status, value }]);
      return;
    }
    write(this.start, this.end, value);
  }

  /**
   * The budgets of an activity held back by rule 7.5.3, as elements of Jalon's namespace at the end of the
   * activity (the IATI schema allows them there; IATI tools ignore them): the amount stays in the file, machine-
   * readable, for Jalon's reader (the round trip) and for whoever checks the file against Jalon's figures.
   */
  writeHeldBudgets(el: XMLBuilder) {
    for (const b of this.heldBudgets.get(el) ?? [])
      el.ele(jalonNamespace, 'jalon:budget-held-back', {
        rule: '7.5.3',
        status: b.status,
        'period-start': this.start!,
        'period-end': this.end,
        currency: this.doc.currency,
        value: amount(b.value),
      });
  }

  /** One line for every budget held back because it spans more than a year and Jalon has no yearly amounts. */
  warnLongBudgets() {
    if (!this.longBudgets.length || !this.start) return;
    const budgets = this.longBudgets
      .map((b) => `${b.whose} (${formatNumber(b.value, this.options.locale)} ${this.doc.currency})`)
      .join(', ');
    this.warn('documents.iati.export.budgetsOverWholeDuration', {
      start: this.start,
      end: this.end,
      budgets,
    });
  }

  /** The expenditure Jalon records, as expenditure transactions (one per year). */
  recordedExpenditures(el: XMLBuilder, recorded: { date: string; amount: number }[]) {
    if (!recorded.length && this.doc.financialSnapshots.some((s) => s.implementationRate !== undefined))
      this.warn('documents.iati.export.ratesWithoutExpenditure');
    for (const e of recorded) {
      if (e.amount <= 0) continue;
      const transaction = el.ele('transaction');
      transaction.ele('transaction-type', { code: code('TransactionType', '4') });
      transaction.ele('transaction-date', { 'iso-date': e.date });
      transaction.ele('value', { currency: this.doc.currency, 'value-date': e.date }).txt(amount(e.amount));
      this.narratives(
        transaction.ele('description'),
        inBothLanguages(() => ({
          key: 'documents.iati.export.expenditureRecorded',
          params: { date: e.date },
        })),
      );
    }
  }

  /**
   * Each donor's contribution as an incoming commitment (transaction type 11) from that donor to the reporting
   * organisation, dated on the programme's start (Jalon keeps no date of the commitment: the file says so); a
   * contribution in another currency is published in its own, with the programme-currency amount said.
   */
  donorCommitments(el: XMLBuilder, reporting: { ref: string; name: LocalizedText }) {
    const date = this.doc.startDate ?? this.firstTransfer;
    // one commitment per donor: its contributions summed (a donor named twice gives twice)
    const sums = new Map<string, number>();
    for (const d of this.doc.donors)
      if ((d.amount ?? 0) > 0)
        sums.set(d.organisation, Math.round(((sums.get(d.organisation) ?? 0) + d.amount!) * 100) / 100);
    const contributions = [...sums].map(([organisation, value]) => ({ organisation, amount: value }));
    if (!contributions.length) return;
    if (!date || date > this.today) {
      this.warn('documents.iati.export.donorsWithoutDate');
      return;
    }
    for (const d of contributions) {
      const t = el.ele('transaction');
      t.ele('transaction-type', { code: code('TransactionType', '11') });
      t.ele('transaction-date', { 'iso-date': date });
      t.ele('value', { currency: this.doc.currency, 'value-date': date }).txt(amount(d.amount!));
      this.narratives(
        t.ele('description'),
        inBothLanguages(() => ({
          key: 'documents.iati.export.donorContribution',
          params: { date },
        })),
      );
      const ref = publishedRefOf(d.organisation, this.orgs.get(d.organisation));
      const provider = t.ele('provider-org', {
        ...(ref ? { ref } : {}),
        type: this.orgType(d.organisation),
      });
      this.narratives(provider, this.orgName(d.organisation));
      this.narratives(t.ele('receiver-org', { ref: reporting.ref }), reporting.name);
    }
    this.warn('documents.iati.export.donorsAsCommitments', { date });
  }

  /** Expenditure to date from the implementation rates the reports gave, as expenditure transactions. */
  expenditures(el: XMLBuilder, totalBudget: number) {
    let spentBefore = 0;
    const snapshots = [...this.doc.financialSnapshots]
      .filter((s) => s.implementationRate !== undefined)
      .sort((a, b) => a.asOf.localeCompare(b.asOf));
    if (snapshots.length && totalBudget <= 0) {
      this.warn('documents.iati.export.ratesWithoutBudget');
      return;
    }
    for (const s of snapshots) {
      const spent = Math.round(((s.implementationRate ?? 0) / 100) * totalBudget * 100) / 100;
      const value = Math.round((spent - spentBefore) * 100) / 100;
      spentBefore = spent;
      if (value <= 0) continue;
      const transaction = el.ele('transaction');
      transaction.ele('transaction-type', { code: code('TransactionType', '4') });
      transaction.ele('transaction-date', { 'iso-date': s.asOf });
      transaction.ele('value', { currency: this.doc.currency, 'value-date': s.asOf }).txt(amount(value));
      const source = s.source ? ` (${s.source})` : '';
      this.narratives(
        transaction.ele('description'),
        inBothLanguages((lang) => ({
          key: 'documents.iati.export.expenditureFromRate',
          params: { rate: formatNumber(s.implementationRate ?? 0, lang), date: s.asOf, source },
        })),
      );
    }
  }

  // ---- results ----

  baselineYear(value: StoredValue | null): string {
    const fromValue = value?.date?.match(/^(\d{4})/)?.[1];
    return fromValue ?? this.resultsStart.slice(0, 4);
  }

  /**
   * One IATI value element (`baseline`, `target` or `actual`) — or several: the total, then one per part of
   * its breakdown with its dimensions; a value in several items (`59,49% (police) ; 88,01% (gendarmerie)`)
   * becomes one element per item.
   */
  values(
    parent: XMLBuilder,
    tag: 'baseline' | 'target' | 'actual',
    value: StoredValue,
    measure: string,
    context: {
      baseline?: StoredValue;
      attrs?: Record<string, string>;
      comment?: string;
      /** the indicator and period, to name a value held back */
      where: string;
      /** called with the value's words when it is held back */
      held?: (text: string) => void;
    },
  ) {
    // every measure but qualitative (5) carries its value in @value: a yes/no one as 1 or 0
    const carriesValues = measure !== '5';
    const comment = [value.text, context.comment].filter(Boolean).join(' — ');
    const element = (v: number | undefined, dimensions: Dimension[], withComment: boolean) => {
      const attrs: Record<string, string> = { ...context.attrs };
      if (carriesValues && v !== undefined) attrs.value = String(round(v));
      const el = parent.ele(tag, attrs);
      for (const d of dimensions) el.ele('dimension', { name: d.name, value: d.value });
      // a comment that would only repeat the value as an importer rewrites it is left out
      const rebuilt =
        v === undefined ? undefined : `${String(round(v)).replace('.', ',')}${measure === '2' ? '%' : ''}`;
      const plain = carriesValues && rebuilt !== undefined && value.text === rebuilt;
      if (withComment && comment && !(plain && !context.comment)) this.narratives(el.ele('comment'), comment);
    };
    const spec = value.spec;
    if (spec.kind === 'multi' && carriesValues) {
      spec.items.forEach((item, i) =>
        element(item.value, [{ name: 'category', value: item.label }], i === 0),
      );
      return;
    }
    const total =
      spec.kind === 'boolean'
        ? Number(spec.value)
        : tag === 'target'
          ? targetNumberOf(spec, context.baseline)
          : numberOf(spec);
    if (carriesValues && total === undefined) {
      // a value Jalon holds only in words cannot be published as one IATI accepts: held back, and listed
      this.heldValues.push(context.where);
      context.held?.(comment);
      return;
    }
    element(total, [], true);
    if (spec.kind !== 'number' || !carriesValues || !spec.parts) return;
    for (const part of spec.parts) {
      let count: number | undefined = part.unit === 'count' ? part.value : undefined;
      if (part.unit === 'percent') {
        const computed = round((spec.value * part.value) / 100);
        if (Number.isInteger(computed)) count = computed;
      }
      const dimensions = dimensionsOfPart(part);
      // a part without a usable label ("." in a packed wording) is no breakdown
      if (count !== undefined && !dimensions.some((d) => isBlank(d.value))) element(count, dimensions, false);
    }
  }

  period(periods: Map<string, Period>, start: string, end: string): Period {
    const key = `${start}/${end}`;
    let p = periods.get(key);
    if (!p) {
      p = { start, end, targets: [], actuals: [] };
      periods.set(key, p);
    }
    return p;
  }

  indicator(
    result: XMLBuilder,
    ind: IndicatorInput,
    progress: ProgrammeDocument['progress'],
    undatedMilestones: { n: number },
  ) {
    const percent = isPercentIndicator(ind);
    const stored = (v: ValueInput) => toStoredValue(v, { percentIndicator: percent });
    const baseline = ind.baseline !== undefined ? stored(ind.baseline) : undefined;
    const measure = measureOf(ind.measure ?? (percent ? 'percent' : 'number'));
    const attrs: Record<string, string> = { measure };
    if (ind.direction !== 'maintain') attrs.ascending = ind.direction === 'decrease' ? '0' : '1';
    const el = result.ele('indicator', attrs);
    this.narratives(el.ele('title'), ind.title);
    const facts = (lang: 'fr' | 'en') =>
      [
        ind.unit ? t(lang, 'documents.iati.export.indicatorUnit', { unit: ind.unit }) : '',
        ind.cumulative ? t(lang, 'documents.iati.export.cumulativeIndicator') : '',
        ind.sources?.length
          ? t(lang, 'documents.iati.export.meansOfVerification', { sources: ind.sources.join(' ; ') })
          : '',
        ind.notes ?? '',
      ]
        .filter(Boolean)
        .join('\n');
    // the result carries the reference (IATI: at result or indicator level, not both): the indicator's code
    // opens its description, where Jalon's reader takes it back
    const described = (lang: 'fr' | 'en') =>
      [t(lang, 'documents.iati.export.indicatorCode', { code: ind.code }), facts(lang)]
        .filter(Boolean)
        .join('\n');
    // values IATI refuses without @value are held back from baseline/target/actual; their words are kept in
    // the description, one line each (`Cible 2022-01-01 → 2022-12-31 : TBD`), where Jalon's reader takes them back
    const description = el.ele('description');
    const held: { word: 'baselineWord' | 'targetWord' | 'actualWord'; period?: string; text: string }[] = [];
    if (baseline) {
      const year = this.baselineYear(baseline);
      const baselineAttrs: Record<string, string> = { year };
      if (baseline.date && /^\d{4}-\d{2}-\d{2}$/.test(baseline.date))
        baselineAttrs['iso-date'] = baseline.date;
      this.values(el, 'baseline', baseline, measure, {
        attrs: baselineAttrs,
        held: (text) => held.push({ word: 'baselineWord', text }),
        where: `${ind.code} (${this.say('documents.iati.export.baselineWord')})`,
      });
    }

    const periods = new Map<string, Period>();
    const clip = (year: number) => {
      let start = `${year}-01-01`;
      let end = `${year}-12-31`;
      if (this.start && this.start > start && this.start <= end) start = this.start;
      if (this.end < end && this.end >= start) end = this.end;
      return { start, end };
    };
    for (const [year, v] of Object.entries(ind.targets ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      if (v === null) continue;
      const { start, end } = clip(Number(year));
      this.period(periods, start, end).targets.push(stored(v));
    }
    const programmeStart = this.resultsStart;
    for (const m of ind.milestones ?? []) {
      const value = stored(m.value);
      const date = m.date ?? value.date;
      if (!date || !/^\d{4}-\d{2}/.test(date)) {
        undatedMilestones.n += 1;
        continue;
      }
      const end = endOfPartialDate(date);
      if (end <= programmeStart) {
        undatedMilestones.n += 1;
        continue;
      }
      this.period(periods, programmeStart, end).targets.push(value);
    }
    if (ind.endTarget !== undefined && programmeStart < this.end)
      this.period(periods, programmeStart, this.end).targets.push(stored(ind.endTarget));
    for (const p of progress) {
      if (p.periodEnd < p.periodStart) continue;
      this.period(periods, p.periodStart, p.periodEnd).actuals.push({
        value: p.value === null ? null : toStoredValue(p.value),
        ...(p.reason ? { reason: p.reason } : {}),
      });
    }
    const sorted = [...periods.values()].sort(
      (a, b) => a.end.localeCompare(b.end) || a.start.localeCompare(b.start),
    );
    for (const p of sorted) {
      const pe = el.ele('period');
      pe.ele('period-start', { 'iso-date': p.start });
      pe.ele('period-end', { 'iso-date': p.end });
      const where = (word: 'targetWord' | 'actualWord') =>
        `${ind.code} (${this.say(`documents.iati.export.${word}`)} ${p.start} → ${p.end})`;
      const period = `${p.start} → ${p.end}`;
      for (const t of p.targets)
        this.values(pe, 'target', t, measure, {
          ...(baseline ? { baseline } : {}),
          where: where('targetWord'),
          held: (text) => held.push({ word: 'targetWord', period, text }),
        });
      for (const a of p.actuals) {
        if (a.value) {
          this.values(pe, 'actual', a.value, measure, {
            ...(a.reason ? { comment: a.reason } : {}),
            where: where('actualWord'),
            held: (text) => held.push({ word: 'actualWord', period, text }),
          });
        } else if (a.reason && measure !== '5') {
          this.heldValues.push(where('actualWord'));
          held.push({ word: 'actualWord', period, text: `${noValueWording} — ${a.reason}` });
        } else if (a.reason) {
          // no value, and why: said so in words an importer (Jalon's among them) reads back as no value
          this.narratives(pe.ele('actual').ele('comment'), `${noValueWording} — ${a.reason}`);
        }
      }
    }
    const heldLines = (lang: 'fr' | 'en') =>
      held.map(
        (h) =>
          `${heldWords[lang][h.word]}${h.period ? ` ${h.period}` : ''} : ${h.text.replace(/\s*\n\s*/g, ' / ')}`,
      );
    const full = (lang: 'fr' | 'en') => [described(lang), ...heldLines(lang)].join('\n');
    this.narratives(description, { fr: full('fr'), en: full('en') });
  }

  results(el: XMLBuilder, framework: FrameworkVersion, progress: ProgrammeDocument['progress']) {
    const byIndicator = new Map<string, ProgrammeDocument['progress']>();
    for (const p of progress) byIndicator.set(p.indicator, [...(byIndicator.get(p.indicator) ?? []), p]);
    const undatedMilestones = { n: 0 };
    const skipped: string[] = [];
    const result = (
      type: '1' | '2',
      codeText: string,
      statement: LocalizedText,
      indicators: IndicatorInput[],
    ) => {
      if (indicators.length === 0) {
        skipped.push(codeText);
        return;
      }
      const r = el.ele('result', { type: code('ResultType', type), 'aggregation-status': '0' });
      this.narratives(r.ele('title'), statement);
      r.ele('reference', { vocabulary: code('ResultVocabulary', '99'), code: codeText });
      for (const ind of indicators)
        this.indicator(r, ind, byIndicator.get(ind.code) ?? [], undatedMilestones);
    };
    for (const outcome of framework.outcomes) {
      result('2', outcome.code, outcome.statement, outcome.indicators);
      for (const output of outcome.outputs) result('1', output.code, output.statement, output.indicators);
    }
    if (skipped.length)
      this.warn('documents.iati.export.resultsWithoutIndicators', { codes: skipped.join(', ') });
    if (undatedMilestones.n) this.warn('documents.iati.export.undatedMilestones', { n: undatedMilestones.n });
  }
}

/** A sentence of the file in both its narrative languages (`xml:lang` fr and en), whatever the reader's. */
function inBothLanguages(
  sentence: (lang: 'fr' | 'en') => { key: AnyMessageKey; params?: Params },
): LocalizedText {
  const written = (lang: 'fr' | 'en') => {
    const { key, params } = sentence(lang);
    return t(lang, key, params);
  };
  return { fr: written('fr'), en: written('en') };
}

/** The framework version in force on `today` (the latest already effective), else the latest one. */
export function frameworkInForce(
  frameworks: FrameworkVersion[],
  today: string,
): FrameworkVersion | undefined {
  const sorted = [...frameworks].sort(
    (a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.version - b.version,
  );
  return sorted.filter((f) => f.effectiveDate <= today).at(-1) ?? sorted.at(-1);
}

/** Writes the programme as an IATI 2.03 activity file. */
export function writeIatiActivities(doc: ProgrammeDocument, options: IatiExportOptions): IatiExport {
  const w = new Writer(doc, options);
  const say = tIn(options.locale);
  const generated = options.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const updated = (options.lastUpdated ?? options.now).toISOString().replace(/\.\d{3}Z$/, 'Z');

  const publisher = activityPublisher(doc, options.catalogue);
  let reporting: { ref: string; type: string; name: LocalizedText };
  if (publisher.organisation) {
    reporting = {
      ref: publisher.ref,
      type: w.orgType(publisher.organisation),
      name: w.orgName(publisher.organisation),
    };
    if (publisher.placeholder)
      w.warnings.push(
        say('documents.iati.export.unknownReportingIdentifier', {
          organisation: publisher.organisation,
          ref: reporting.ref,
        }),
      );
  } else if (!publisher.placeholder) {
    reporting = { ref: publisher.ref, type: code('OrganisationType', '90'), name: { fr: publisher.ref } };
  } else {
    reporting = { ref: 'JALON', type: code('OrganisationType', '90'), name: { fr: 'Jalon' } };
    w.warnings.push(say('documents.iati.export.noRecipient'));
  }
  if (publisher.notKept)
    w.warnings.push(
      say('documents.iati.export.identifierOfAnotherPublisher', {
        identifier: publisher.notKept,
        ref: reporting.ref,
      }),
    );
  const identifier = publisher.identifier;
  const hierarchical = doc.kind === 'joint_programme' || doc.recipients.length > 1;
  const childId = (orgCode: string) => `${identifier}-${identifierPart(orgCode)}`;
  const sectors = sectorsOf(doc);
  if (sectors.length > 1)
    w.warnings.push(
      say('documents.iati.export.sectorsFromWords', {
        sectors: sectors
          .slice(1)
          .map((s) => say('documents.iati.export.sectorFromWords', { code: s.code, words: s.because }))
          .join(', '),
      }),
    );
  const framework = frameworkInForce(doc.frameworks, isoDay(options.now));
  const progress = framework
    ? doc.progress.filter((p) => (p.frameworkVersion ?? doc.frameworks.at(-1)?.version) === framework.version)
    : [];

  // text stored before Jalon cleaned it may hold what XML cannot carry: cleaned as typed text is now
  // (core/domain/accepted-text.ts: U+000B a line break, other controls a space, noncharacters dropped)
  const root = create({
    version: '1.0',
    encoding: 'UTF-8',
    invalidCharReplacement: (char: string) => scrubText(char),
  });
  const activities = root.ele('iati-activities', { version: '2.03', 'generated-datetime': generated });

  // ---- the programme (parent) ----
  const main = activities.ele('iati-activity', {
    'xml:lang': 'fr',
    'default-currency': doc.currency,
    'last-updated-datetime': updated,
    hierarchy: '1',
  });
  w.header(main, identifier, reporting);
  w.narratives(main.ele('title'), doc.title);
  w.narratives(main.ele('description', { type: code('DescriptionType', '1') }), doc.summary ?? doc.title);
  const donors = [...new Set(doc.donors.map((d) => d.organisation))];
  for (const d of donors) w.participatingOrg(main, d, '1');
  for (const r of doc.recipients) w.participatingOrg(main, r.organisation, '2');
  for (const p of doc.implementingPartners) w.participatingOrg(main, p.organisation, '4');
  // the other identifiers an imported activity was published with, as published; Jalon's own after them
  const others = doc.otherIdentifiers ?? [];
  for (const o of others) {
    const el = main.ele('other-identifier', { ref: o.ref, type: o.type });
    if (o.ownerRef || o.ownerName) {
      const owner = el.ele('owner-org', o.ownerRef ? { ref: o.ownerRef } : {});
      if (o.ownerName) owner.ele('narrative').txt(o.ownerName);
    }
  }
  if (!others.some((o) => o.type === 'A1') && identifierPart(doc.code) !== identifier)
    main.ele('other-identifier', { ref: doc.code, type: 'A1' });
  if (doc.gatewayId && !others.some((o) => o.ref.includes(doc.gatewayId!)))
    w.narratives(
      main.ele('other-identifier', { ref: doc.gatewayId, type: 'A9' }).ele('owner-org'),
      inBothLanguages(() => ({ key: 'documents.iati.export.gatewayOwner' })),
    );
  main.ele('activity-status', { code: w.status() });
  w.dates(main);
  w.country(main);
  for (const place of doc.places) {
    const loc = main.ele('location');
    loc.ele('location-reach', { code: code('GeographicLocationReach', '1') });
    w.narratives(loc.ele('name'), place);
  }
  w.classification(main, sectors);
  w.policyMarker(main);
  w.defaults(main);
  // each recipient's budget: the budget of record when given, else what the document states
  const budgetOf = (r: (typeof doc.recipients)[number]): number | undefined =>
    options.budget ? options.budget.byAgency[r.organisation] || undefined : r.approvedBudget;
  const recipientTotal = options.budget
    ? options.budget.total
    : doc.recipients.reduce((s, r) => s + Math.round((r.approvedBudget ?? 0) * 100), 0) / 100;
  const byAgencyYear = options.budget?.byAgencyYear ?? {};
  const recipientCodes = new Set(doc.recipients.map((r) => r.organisation));
  const yearlyOf = (keys: string[]) => {
    const sums = new Map<number, number>();
    for (const k of keys)
      for (const y of byAgencyYear[k] ?? []) sums.set(y.year, (sums.get(y.year) ?? 0) + y.amount);
    return [...sums].map(([year, v]) => ({ year, amount: Math.round(v * 100) / 100 }));
  };
  // lines charged to an agency that is no recipient are its co-funded share: that agency publishes them
  const cofunded = Object.keys(byAgencyYear).filter((k) => k !== '' && !recipientCodes.has(k));
  for (const k of cofunded) {
    const total = (byAgencyYear[k] ?? []).reduce((s, y) => s + y.amount, 0);
    if (total > 0)
      w.warnings.push(
        say('documents.iati.export.cofundedShareNotPublished', {
          organisation: w.orgLabel(k),
          amount: formatNumber(total, options.locale),
          currency: doc.currency,
        }),
      );
  }
  if (!hierarchical) {
    const r = doc.recipients[0];
    const value = options.budget && r && recipientTotal > 0 ? recipientTotal : r && budgetOf(r);
    const yearly = r ? yearlyOf(['', r.organisation]) : [];
    if (r && value !== undefined) w.budget(main, value, '2', w.orgLabel(r.organisation), yearly);
  } else if (recipientTotal === 0 && doc.resourcesRequired !== undefined) {
    w.budget(main, doc.resourcesRequired, '1', doc.code);
  } else if (options.budget && options.budget.unattributed > 0) {
    // what no recipient carries stays with the programme: the children and the parent make the total
    const yearly = yearlyOf(['']);
    const own = yearly.reduce((s, y) => s + y.amount, 0);
    if (own > 0 || !cofunded.length)
      w.budget(main, own > 0 ? own : options.budget.unattributed, '2', doc.code, yearly);
  }
  w.donorCommitments(main, reporting);
  if (options.expenditure) w.recordedExpenditures(main, options.expenditure);
  else w.expenditures(main, recipientTotal);
  if (hierarchical)
    for (const r of doc.recipients)
      main.ele('related-activity', { ref: childId(r.organisation), type: code('RelatedActivityType', '2') });
  for (const c of doc.cofundingProjects) {
    const ref = options.cofunding?.[c.code];
    if (ref) main.ele('related-activity', { ref, type: code('RelatedActivityType', '4') });
  }
  if (framework) w.results(main, framework, progress);
  else w.warnings.push(say('documents.iati.export.noFramework'));
  w.writeHeldBudgets(main);

  // ---- one child per recipient organisation, with its budget ----
  if (hierarchical) {
    for (const r of doc.recipients) {
      const name = w.orgName(r.organisation);
      const child = activities.ele('iati-activity', {
        'xml:lang': 'fr',
        'default-currency': doc.currency,
        'last-updated-datetime': updated,
        hierarchy: '2',
      });
      w.header(child, childId(r.organisation), reporting);
      w.narratives(child.ele('title'), {
        fr: `${doc.title.fr} — ${name.fr}`,
        en: `${doc.title.en ?? doc.title.fr} — ${name.en ?? name.fr}`,
      });
      w.narratives(
        child.ele('description', { type: code('DescriptionType', '1') }),
        inBothLanguages((lang) => ({
          key: r.convening
            ? 'documents.iati.export.recipientShareConvening'
            : 'documents.iati.export.recipientShare',
          params: { organisation: localize(name, lang), programme: doc.code },
        })),
      );
      w.participatingOrg(child, r.organisation, '2');
      w.participatingOrg(child, r.organisation, '4');
      child.ele('activity-status', { code: w.status() });
      w.dates(child);
      w.country(child);
      w.classification(child, sectors);
      w.policyMarker(child);
      w.defaults(child);
      const value = budgetOf(r);
      if (value !== undefined)
        w.budget(child, value, '2', w.orgLabel(r.organisation), yearlyOf([r.organisation]));
      child.ele('related-activity', { ref: identifier, type: code('RelatedActivityType', '1') });
      w.writeHeldBudgets(child);
    }
  }

  w.warnLongBudgets();
  if (w.heldValues.length) {
    const shown = w.heldValues.slice(0, 40);
    const more = w.heldValues.length - shown.length;
    w.warnings.push(
      say('documents.iati.export.valuesHeldBack', {
        n: w.heldValues.length,
        where:
          shown.join(', ') + (more > 0 ? ` ${say('documents.iati.export.moreHeldBack', { n: more })}` : ''),
      }),
    );
  }
  // warnings once, then as a comment at the head of the file for whoever publishes it
  let xml = root.end({ prettyPrint: true });
  // the IATI rules beyond the schema, checked on the file as written: what the writer could not keep out is said
  const findings = checkIatiRules(xml, w.today);
  for (const f of findings)
    w.warnings.push(
      say('documents.iati.export.breaksRule', {
        rule: f.rule,
        activity: f.activity,
        where: f.where,
        message: f.message,
      }),
    );
  const warnings = [...new Set(w.warnings)];
  if (warnings.length) {
    const comment = `<!--\n  ${say('documents.iati.export.checkBeforePublishing')}\n${warnings
      .map((x) => `  - ${scrubText(x).replace(/--+/g, '—')}`)
      .join('\n')}\n-->\n`;
    xml = xml.replace(/^(<\?xml[^>]*\?>\n?)/, `$1${comment}`);
  }
  return {
    xml,
    identifier,
    frameworkVersion: framework?.version ?? null,
    warnings,
    ruleFindings: findings,
    reporting,
  };
}

/**
 * The IATI organisation file of a reporting organisation (IATI 2.03 `iati-organisations`): its identifier,
 * name and reporting organisation — what the IATI Registry needs beside the activity files it publishes.
 */
export function writeIatiOrganisation(
  organisation: { ref: string; type: string; name: LocalizedText },
  options: { now: Date; lastUpdated?: Date; currency?: string },
): string {
  const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const narratives = (el: XMLBuilder, text: LocalizedText) => {
    if (text.en === text.fr) el.ele('narrative', { 'xml:lang': 'en' }).txt(scrubText(text.en));
    else {
      el.ele('narrative', { 'xml:lang': 'fr' }).txt(scrubText(text.fr));
      if (text.en) el.ele('narrative', { 'xml:lang': 'en' }).txt(scrubText(text.en));
    }
    return el;
  };
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-organisations', {
    version: '2.03',
    'generated-datetime': stamp(options.now),
  });
  const org = root.ele('iati-organisation', {
    'last-updated-datetime': stamp(options.lastUpdated ?? options.now),
    'xml:lang': 'fr',
    'default-currency': options.currency ?? 'USD',
  });
  org.ele('organisation-identifier').txt(organisation.ref);
  narratives(org.ele('name'), organisation.name);
  narratives(org.ele('reporting-org', { ref: organisation.ref, type: organisation.type }), organisation.name);
  return root.end({ prettyPrint: true });
}
