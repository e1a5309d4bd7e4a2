/**
 * IATI activity files (versions 2.01–2.03) as real publishers write them → programme documents (pure: bytes
 * in, documents and findings out).
 *
 * Each activity becomes a programme, except a child whose parent is in the same file: it is merged into its
 * parent as a recipient organisation (with its budget), its results and values. Results become one framework
 * version; actuals become indicator values. Every element or attribute the mapping does not read is reported
 * (`unmapped`), grouped by place with a count; what was read in a particular way is said in a `note`.
 */
import type { ImportIssue } from '../../../core/contracts/exchange.js';
import {
  programmeDocument,
  type IndicatorInput,
  type LocalizedText,
  type OrganisationInput,
  type ProgrammeDocument,
  type ValueInput,
} from '../../../core/contracts/programme-document.js';
import { frameworkVersionInput } from '../../../core/contracts/programme-document.js';
import { numericValueOf, parseValueText } from '../../../core/domain/value-text.js';
import { toStoredValue } from '../../../core/domain/stored-value.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { z } from 'zod';
import { formatNumber, sayIn, type Say } from '../bilingual.js';
import { ImportRefused } from '../import-refused.js';
import { codelist, describeCode } from './codelists.js';
import { combineValues, isBlank, readValueElement, type CombinedValue, type Measure } from './iati-values.js';
import { identifierPart } from './iati-writer.js';
import { catalogueCodeOf, kindOfOrganisationType } from './organisation-identifiers.js';
import {
  attr,
  ForbiddenXmlName,
  foreignAttributes,
  kid,
  kids,
  MalformedXml,
  narratives,
  parseXmlTree,
  TooDeepXml,
  unread,
  useAll,
  type Narrative,
  type XNode,
} from './xml-tree.js';

/** A programme document whose framework may be missing (an IATI activity without results). */
export const importableProgrammeDocument = programmeDocument.extend({
  frameworks: z.array(frameworkVersionInput),
});

export interface IatiReadOptions {
  locale: Locale;
  fileName: string;
  /** today, for frameworks of activities without a start date */
  today: string;
  /** the organisations Jalon knows: an organisation of the file with the same name or acronym is that one */
  catalogue?: OrganisationInput[];
}

export interface MappedProgramme {
  /** the IATI identifier of the (parent) activity */
  source: string;
  doc: ProgrammeDocument;
  /** identifiers of the child activities merged into it */
  children: string[];
}

export interface IatiReadResult {
  version: string | null;
  programmes: MappedProgramme[];
  issues: ImportIssue[];
}

/** At most this many activities per file: a whole publisher's file is imported country by country. */
export const maxActivitiesPerFile = 200;

// ---- decoding ----

/** The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, or the encoding its declaration names. */
export function decodeXml(bytes: Uint8Array, say: Say): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 200));
  const declared = head.match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/)?.[1]?.toLowerCase();
  const encoding = declared && declared !== 'utf-8' && declared !== 'utf8' ? declared : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRefused(
      say(
        `Le fichier n'est pas du texte ${encoding.toUpperCase()} valide : enregistrez-le en UTF-8.`,
        `The file is not valid ${encoding.toUpperCase()} text: save it as UTF-8.`,
      ),
    );
  }
}

// ---- the reader ----

interface RawIndicator {
  where: string;
  title: LocalizedText;
  reference?: string;
  measure: Measure;
  direction: 'increase' | 'decrease';
  baseline?: ValueInput;
  targets: { start: string; end: string; value: ValueInput }[];
  actuals: { start: string; end: string; value: ValueInput | null; reason?: string }[];
  disaggregations: Set<'sex' | 'age' | 'category' | 'place'>;
  notes: string[];
}

interface RawResult {
  where: string;
  type: 'outcome' | 'output';
  title: LocalizedText;
  reference?: string;
  indicators: RawIndicator[];
}

interface RawProgramme {
  identifier: string;
  code: string;
  gatewayId?: string;
  title: LocalizedText;
  summary?: LocalizedText;
  country: string;
  startDate?: string;
  endDate: string;
  currency: string;
  places: string[];
  organisations: Map<string, OrganisationInput>;
  recipients: { organisation: string; convening: boolean; approvedBudget?: number }[];
  implementingPartners: { organisation: string; note?: string }[];
  donors: { organisation: string; amount?: number; note?: string }[];
  genderMarker?: ProgrammeDocument['genderMarker'];
  spent?: { amount: number; asOf: string; count: number };
  budgetTotal?: number;
  results: RawResult[];
  parentRef?: string;
  childRefs: string[];
}

const isoDate = (s: string | undefined) => {
  const d = s?.trim().slice(0, 10);
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) ? d : undefined;
};

/** letters for outcome indicators as the PBF documents number them: 1.a, 1.b … 1.z, 1.aa */
function letters(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(97 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const normaliseName = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const orgCodeFrom = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 60);

class FileReader {
  readonly issues: ImportIssue[] = [];
  readonly say: Say;
  private readonly grouped = new Map<string, ImportIssue>();

  /** normalised name, acronym or "name (acronym)" → catalogue code */
  readonly catalogueNames = new Map<string, string>();

  constructor(readonly options: IatiReadOptions) {
    this.say = sayIn(options.locale);
    for (const o of options.catalogue ?? []) {
      for (const lang of ['fr', 'en'] as const) {
        const name = o.name[lang];
        const acronym = o.acronym?.[lang];
        for (const key of [name, acronym, name && acronym ? `${name} (${acronym})` : undefined])
          if (key && !this.catalogueNames.has(normaliseName(key)))
            this.catalogueNames.set(normaliseName(key), o.code);
      }
    }
  }

  issue(severity: ImportIssue['severity'], where: string, message: string) {
    this.issues.push({ severity, where, message });
  }

  /** the same finding at the same place is reported once, with a count */
  grouped_(severity: ImportIssue['severity'], where: string, message: string) {
    const key = `${severity}|${where}|${message}`;
    const found = this.grouped.get(key);
    if (found) found.count = (found.count ?? 1) + 1;
    else {
      const issue: ImportIssue = { severity, where, message, count: 1 };
      this.grouped.set(key, issue);
      this.issues.push(issue);
    }
  }

  text(ns: Narrative[]): LocalizedText | undefined {
    if (ns.length === 0) return undefined;
    const fr = ns.find((n) => n.lang === 'fr')?.text;
    const en = ns.find((n) => n.lang === 'en')?.text;
    const main = fr ?? en ?? ns[0]!.text;
    return en && en !== main ? { fr: main, en } : { fr: main };
  }
}

class ActivityReader {
  readonly lang: string;
  readonly where: string;
  readonly say: Say;
  private organisations = new Map<string, OrganisationInput>();
  /** the year the activity starts, once its dates are read */
  private startYear: string | undefined;

  constructor(
    readonly file: FileReader,
    readonly node: XNode,
    readonly identifier: string,
    fileLang: string,
  ) {
    this.lang = (attr(node, 'xml:lang') ?? fileLang).toLowerCase().slice(0, 2);
    this.where = identifier;
    this.say = file.say;
  }

  note(where: string, fr: string, en: string) {
    this.file.issue('note', where, this.say(fr, en));
  }
  unmapped(where: string, fr: string, en: string) {
    this.file.issue('unmapped', where, this.say(fr, en));
  }
  at(...path: string[]) {
    return [this.where, ...path].join(' › ');
  }

  /** An organisation of the file as a Jalon organisation (known IATI identifiers map to the catalogue). */
  organisation(node: XNode, role: string): string | undefined {
    const ref = attr(node, 'ref');
    const type = attr(node, 'type');
    const name = this.file.text(narratives(node, this.lang));
    const usableRef = ref && !isBlank(ref) && /[A-Za-z0-9]{2}/.test(ref) ? ref : undefined;
    const known = usableRef ? catalogueCodeOf(usableRef) : undefined;
    if (known) {
      // declared too, for a database whose catalogue does not hold it yet (an existing one is left as it is)
      if (!this.organisations.has(known))
        this.organisations.set(known, {
          code: known,
          kind: kindOfOrganisationType(type, usableRef, role),
          name: name && !isBlank(name.fr) ? name : { fr: known },
        });
      return known;
    }
    for (const n of narratives(node, this.lang)) {
      const byName = this.file.catalogueNames.get(normaliseName(n.text));
      if (byName) return byName;
    }
    // an organisation identifier is PREFIX-ID (XM-DAC-41146, NL-KVK-41160054); a bare old DAC number
    // ("00141") says less than the name that comes with it
    const identifierLike = usableRef && /^[A-Z]{2}-[A-Z0-9]+-./i.test(usableRef);
    const named = name && !isBlank(name.fr) ? name : undefined;
    const code =
      usableRef && (identifierLike || !named) ? orgCodeFrom(usableRef) : named ? orgCodeFrom(named.fr) : '';
    if (!code || !/^[A-Z0-9]/.test(code)) return undefined;
    const existing = this.organisations.get(code);
    if (!existing) {
      this.organisations.set(code, {
        code,
        kind: kindOfOrganisationType(type, usableRef, role),
        name: name && !isBlank(name.fr) ? name : { fr: usableRef ?? code },
      });
    } else if (name && !isBlank(name.fr) && existing.name.fr === (usableRef ?? code)) {
      existing.name = name;
    } else if (name && name.fr !== existing.name.fr) {
      this.file.grouped_(
        'note',
        this.at('participating-org'),
        this.say(
          `« ${name.fr} » porte l'identifiant ${usableRef} déjà lu sous le nom « ${existing.name.fr} » : une seule organisation est gardée.`,
          `"${name.fr}" has the identifier ${usableRef}, already read as "${existing.name.fr}": one organisation is kept.`,
        ),
      );
    }
    return code;
  }

  read(): RawProgramme | undefined {
    const { node, say } = this;
    const title = this.file.text(narratives(kid(node, 'title'), this.lang));
    attr(node, 'hierarchy');
    attr(node, 'last-updated-datetime');

    // descriptions: the general one (or the first untyped one) is the summary
    let summary: LocalizedText | undefined;
    for (const d of kids(node, 'description')) {
      const type = attr(d, 'type') ?? '1';
      const text = this.file.text(narratives(d, this.lang));
      if (!text) continue;
      if (type === '1' && !summary) summary = text;
      else
        this.unmapped(
          this.at('description'),
          `Description de type ${describeCode('DescriptionType', type, 'fr')} non gardée : Jalon garde la description générale comme résumé.`,
          `Description of type ${describeCode('DescriptionType', type, 'en')} not kept: Jalon keeps the general description as the summary.`,
        );
    }

    // recipient country
    const countries = kids(node, 'recipient-country').map((c) => ({
      code: (attr(c, 'code') ?? '').toUpperCase(),
      percentage: Number(attr(c, 'percentage') ?? '100'),
      node: c,
    }));
    for (const c of countries) narratives(c.node, this.lang);
    const country = [...countries].sort((a, b) => b.percentage - a.percentage)[0];
    if (!country || !/^[A-Z]{2}$/.test(country.code)) {
      this.unmapped(
        this.where,
        "Activité non importée : elle ne nomme pas de pays bénéficiaire (recipient-country), qu'un programme Jalon exige.",
        'Activity not imported: it names no recipient country, which a Jalon programme requires.',
      );
      return undefined;
    }
    if (countries.length > 1)
      this.unmapped(
        this.at('recipient-country'),
        `Plusieurs pays bénéficiaires : Jalon garde ${country.code} (${country.percentage} %), pas ${countries
          .filter((c) => c !== country)
          .map((c) => c.code)
          .join(', ')}.`,
        `Several recipient countries: Jalon keeps ${country.code} (${country.percentage}%), not ${countries
          .filter((c) => c !== country)
          .map((c) => c.code)
          .join(', ')}.`,
      );
    if (!codelist('Country').has(country.code))
      this.note(
        this.at('recipient-country'),
        `Code pays ${country.code} hors de la liste IATI.`,
        `Country code ${country.code} is not on the IATI list.`,
      );

    // dates
    const dates = new Map<string, string>();
    for (const d of kids(node, 'activity-date')) {
      const type = attr(d, 'type');
      const date = isoDate(attr(d, 'iso-date'));
      narratives(d, this.lang);
      if (type && date && !dates.has(type)) dates.set(type, date);
    }
    const startDate = dates.get('2') ?? dates.get('1');
    this.startYear = startDate?.slice(0, 4);
    let endDate = dates.get('3') ?? dates.get('4');
    if (dates.get('3') && dates.get('4') && dates.get('3') !== dates.get('4'))
      this.note(
        this.at('activity-date'),
        `Fin prévue ${dates.get('3')} et fin effective ${dates.get('4')} : Jalon garde la fin prévue.`,
        `Planned end ${dates.get('3')} and actual end ${dates.get('4')}: Jalon keeps the planned end.`,
      );

    // currency
    const declaredCurrency = attr(node, 'default-currency')?.toUpperCase();
    const firstValueCurrency = node.children
      .flatMap((c) => c.children)
      .find((c) => c.name === 'value' && c.attrs.currency)
      ?.attrs.currency?.toUpperCase();
    const currency = declaredCurrency ?? firstValueCurrency ?? 'USD';
    if (!declaredCurrency && !firstValueCurrency)
      this.note(
        this.where,
        'Pas de devise par défaut : USD est retenu.',
        'No default currency: USD is assumed.',
      );

    // places
    const places: string[] = [];
    for (const l of kids(node, 'location')) {
      const name = this.file.text(narratives(kid(l, 'name'), this.lang));
      attr(l, 'ref');
      attr(kid(l, 'location-reach'), 'code');
      if (name && !places.includes(name.fr)) places.push(name.fr);
      else if (!name) l.used = false;
    }

    // participating organisations
    const recipients: RawProgramme['recipients'] = [];
    const partners: RawProgramme['implementingPartners'] = [];
    const donors: RawProgramme['donors'] = [];
    const byRole = new Map<string, string[]>();
    for (const p of kids(node, 'participating-org')) {
      const role = attr(p, 'role') ?? '';
      attr(p, 'activity-id');
      const code = this.organisation(p, role);
      if (!code) {
        this.unmapped(
          this.at('participating-org'),
          'Organisation sans identifiant ni nom utilisable (« - ») : ignorée.',
          'Organisation without a usable identifier or name ("-"): ignored.',
        );
        continue;
      }
      byRole.set(role, [...(byRole.get(role) ?? []), code]);
    }
    const accountable = [...new Set([...(byRole.get('2') ?? []), ...(byRole.get('3') ?? [])])];
    const reportingNode = kid(node, 'reporting-org');
    const reporting = reportingNode ? this.organisation(reportingNode, '2') : undefined;
    attr(reportingNode, 'secondary-reporter');
    const recipientCodes = accountable.length ? accountable : reporting ? [reporting] : [];
    if (!accountable.length && reporting)
      this.note(
        this.at('participating-org'),
        "Aucune organisation responsable (rôle 2 ou 3) : l'organisation déclarante est retenue comme organisation récipiendaire.",
        'No accountable organisation (role 2 or 3): the reporting organisation is taken as the recipient organisation.',
      );
    recipientCodes.forEach((c, i) => recipients.push({ organisation: c, convening: i === 0 }));
    for (const c of new Set(byRole.get('4') ?? []))
      if (!recipientCodes.includes(c)) partners.push({ organisation: c });
    for (const c of new Set(byRole.get('1') ?? [])) donors.push({ organisation: c });
    for (const [role, codes] of byRole)
      if (!['1', '2', '3', '4'].includes(role))
        this.unmapped(
          this.at('participating-org'),
          `Rôle d'organisation inconnu « ${role} » : ${codes.join(', ')} non gardé(s).`,
          `Unknown organisation role "${role}": ${codes.join(', ')} not kept.`,
        );

    // gender marker
    let genderMarker: RawProgramme['genderMarker'];
    for (const pm of kids(node, 'policy-marker')) {
      const vocabulary = attr(pm, 'vocabulary') ?? '1';
      const code = attr(pm, 'code');
      const significance = attr(pm, 'significance');
      narratives(pm, this.lang);
      if (vocabulary === '1' && code === '1' && significance !== undefined) {
        const gm = ({ '0': 'GM0', '1': 'GM2', '2': 'GM3', '3': 'GM3', '4': 'GM3' } as const)[
          significance as '0' | '1' | '2' | '3' | '4'
        ];
        if (gm) {
          genderMarker = { code: gm, text: `IATI ${significance}` };
          this.note(
            this.at('policy-marker'),
            `Marqueur d'égalité des sexes (CAD) de niveau ${significance} lu comme marqueur genre ${gm}.`,
            `Gender equality policy marker (DAC) of significance ${significance} read as gender marker ${gm}.`,
          );
          continue;
        }
      }
      this.unmapped(
        this.at('policy-marker'),
        `Marqueur ${vocabulary === '1' && code ? describeCode('PolicyMarker', code, 'fr') : code} non gardé : Jalon ne garde que le marqueur genre.`,
        `Policy marker ${vocabulary === '1' && code ? describeCode('PolicyMarker', code, 'en') : code} not kept: Jalon keeps the gender marker only.`,
      );
    }

    // sectors: Jalon has no sector field; say which ones
    const sectors = kids(node, 'sector').map((s) => {
      narratives(s, this.lang);
      const vocabulary = attr(s, 'vocabulary') ?? '1';
      const code = attr(s, 'code') ?? '?';
      const pct = attr(s, 'percentage');
      attr(s, 'vocabulary-uri');
      const name =
        vocabulary === '1'
          ? describeCode('Sector', code, this.file.options.locale)
          : `${code} (${this.say('vocabulaire', 'vocabulary')} ${vocabulary})`;
      return pct ? `${name} ${pct} %` : name;
    });
    if (sectors.length)
      this.unmapped(
        this.at('sector'),
        `Secteurs non gardés (Jalon n'a pas de champ secteur) : ${sectors.join(' ; ')}.`,
        `Sectors not kept (Jalon has no sector field): ${sectors.join('; ')}.`,
      );

    // budgets: one per period, the revised one where there is one, summed
    const budgets = new Map<string, { value: number; type: string; start: string; end: string }>();
    for (const b of kids(node, 'budget')) {
      const type = attr(b, 'type') ?? '1';
      attr(b, 'status');
      const start = isoDate(attr(kid(b, 'period-start'), 'iso-date'));
      const end = isoDate(attr(kid(b, 'period-end'), 'iso-date'));
      const valueNode = kid(b, 'value');
      const cur = (attr(valueNode, 'currency') ?? currency).toUpperCase();
      attr(valueNode, 'value-date');
      const value = Number(valueNode?.text.replace(/[\s,]/g, ''));
      if (!start || !end || !Number.isFinite(value) || cur !== currency) {
        b.used = false;
        continue;
      }
      const key = `${start}/${end}`;
      const previous = budgets.get(key);
      if (!previous || (type === '2' && previous.type !== '2')) budgets.set(key, { value, type, start, end });
    }
    let budgetTotal: number | undefined;
    if (budgets.size) {
      const list = [...budgets.values()].sort((a, b) => a.start.localeCompare(b.start));
      budgetTotal = Math.round(list.reduce((s, b) => s + b.value * 100, 0)) / 100;
      const fr = list
        .map(
          (b) =>
            `${b.start.slice(0, 4)}${b.type === '2' ? ' (révisé)' : ''} : ${formatNumber(b.value, 'fr')}`,
        )
        .join(', ');
      const en = list
        .map(
          (b) =>
            `${b.start.slice(0, 4)}${b.type === '2' ? ' (revised)' : ''}: ${formatNumber(b.value, 'en')}`,
        )
        .join(', ');
      this.note(
        this.at('budget'),
        `Budgets par période additionnés en un budget approuvé de ${formatNumber(budgetTotal, 'fr')} ${currency} (Jalon ne garde pas encore le budget par année) — ${fr}.`,
        `Budgets by period summed into an approved budget of ${formatNumber(budgetTotal, 'en')} ${currency} (Jalon keeps no budget by year yet) — ${en}.`,
      );
    }

    // transactions: incoming funds by donor; expenditure and disbursements as spending to date
    const incoming = new Map<string, { funds: number; commitments: number }>();
    let spent: RawProgramme['spent'];
    const otherTx = new Map<string, number>();
    for (const t of node.children.filter((c) => c.name === 'transaction')) {
      const typeNode = t.children.find((c) => c.name === 'transaction-type');
      const type = typeNode?.attrs.code?.trim() ?? '';
      const valueNode = t.children.find((c) => c.name === 'value');
      const value = Number(valueNode?.text.replace(/[\s,]/g, ''));
      const cur = (valueNode?.attrs.currency ?? currency).toUpperCase();
      const date = isoDate(t.children.find((c) => c.name === 'transaction-date')?.attrs['iso-date']);
      const provider = t.children.find((c) => c.name === 'provider-org');
      const usable = Number.isFinite(value) && cur === currency && date;
      if (usable && (type === '1' || type === '11') && provider) {
        const code = this.organisation(provider, '1');
        if (!code) continue;
        for (const n of [t, typeNode!, valueNode!, provider]) n.used = true;
        attr(typeNode, 'code');
        attr(kid(t, 'transaction-date'), 'iso-date');
        attr(valueNode, 'currency');
        attr(valueNode, 'value-date');
        attr(provider, 'provider-activity-id');
        const sums = incoming.get(code) ?? { funds: 0, commitments: 0 };
        if (type === '1') sums.funds += value;
        else sums.commitments += value;
        incoming.set(code, sums);
        if (!donors.some((d) => d.organisation === code)) donors.push({ organisation: code });
      } else if (usable && (type === '3' || type === '4')) {
        t.used = true;
        typeNode!.used = true;
        valueNode!.used = true;
        attr(typeNode, 'code');
        attr(valueNode, 'currency');
        attr(valueNode, 'value-date');
        attr(kid(t, 'transaction-date'), 'iso-date');
        spent = {
          amount: (spent?.amount ?? 0) + value,
          asOf: spent && spent.asOf > date ? spent.asOf : date,
          count: (spent?.count ?? 0) + 1,
        };
      } else {
        t.used = true;
        useAll(t);
        otherTx.set(type || '?', (otherTx.get(type || '?') ?? 0) + 1);
      }
    }
    for (const [type, n] of otherTx)
      this.unmapped(
        this.at('transaction'),
        `${n} transaction(s) de type ${describeCode('TransactionType', type, 'fr')} non gardée(s) (devise différente, date ou montant manquant, ou type que Jalon ne suit pas).`,
        `${n} transaction(s) of type ${describeCode('TransactionType', type, 'en')} not kept (another currency, a missing date or amount, or a type Jalon does not track).`,
      );
    for (const [code, sums] of incoming) {
      const d = donors.find((x) => x.organisation === code)!;
      d.amount = Math.round((sums.commitments || sums.funds) * 100) / 100;
      d.note = this.say(
        sums.commitments ? 'Engagements entrants (IATI)' : 'Fonds reçus (IATI)',
        sums.commitments ? 'Incoming commitments (IATI)' : 'Incoming funds (IATI)',
      );
    }
    if (incoming.size)
      this.note(
        this.at('transaction'),
        'Fonds reçus et engagements entrants additionnés par bailleur (montant de la contribution).',
        "Incoming funds and commitments summed by donor (the donor's contribution).",
      );

    // other identifiers: the code Jalon built the identifier from (A1), the MPTF Gateway number (A9)
    let code = this.identifier;
    let gatewayId: string | undefined;
    for (const o of kids(node, 'other-identifier')) {
      const type = attr(o, 'type');
      const ref = attr(o, 'ref');
      const owner = narratives(kid(o, 'owner-org'), this.lang)
        .map((n) => n.text)
        .join(' ');
      attr(kid(o, 'owner-org'), 'ref');
      if (type === 'A1' && ref && ref.length <= 40 && this.identifier.endsWith(`-${identifierPart(ref)}`))
        code = ref;
      else if (type === 'A9' && ref && /MPTF|Gateway/i.test(owner)) gatewayId = ref;
      else {
        o.used = false;
        o.usedAttrs.clear();
      }
    }

    // related activities: parent and children structure the file; the others are reported
    let parentRef: string | undefined;
    const childRefs: string[] = [];
    for (const r of kids(node, 'related-activity')) {
      const type = attr(r, 'type');
      const ref = attr(r, 'ref');
      if (!ref) continue;
      if (type === '1') parentRef = ref;
      else if (type === '2') childRefs.push(ref);
      else {
        r.used = false;
        r.usedAttrs.clear();
      }
    }

    // results
    const results = kids(node, 'result')
      .map((r, i) => this.result(r, i + 1, country.code))
      .filter((r): r is RawResult => r !== undefined);

    if (!endDate) {
      const ends = [
        ...[...budgets.values()].map((b) => b.end),
        ...results.flatMap((r) =>
          r.indicators.flatMap((ind) => [...ind.targets, ...ind.actuals].map((t) => t.end)),
        ),
      ].sort();
      endDate = ends.at(-1);
      if (endDate)
        this.note(
          this.at('activity-date'),
          `Pas de date de fin : Jalon retient la dernière date des budgets et des résultats, ${endDate}.`,
          `No end date: Jalon takes the last date of the budgets and results, ${endDate}.`,
        );
    }
    if (!endDate) {
      this.unmapped(
        this.where,
        "Activité non importée : elle n'a pas de date de fin, ni de budget ou de période de résultat dont la déduire.",
        'Activity not imported: it has no end date, nor any budget or result period to take one from.',
      );
      return undefined;
    }
    if (!title)
      this.note(
        this.where,
        "Pas de titre : l'identifiant sert de titre.",
        'No title: the identifier is used as the title.',
      );
    if (
      title &&
      !narratives(kid(node, 'title'), this.lang).some((n) => n.lang === 'fr') &&
      (title.fr === title.en || !title.en)
    )
      this.file.grouped_(
        'note',
        this.say('Fichier', 'File'),
        say(
          "Textes sans version française : l'anglais sert de texte principal.",
          'Texts without a French version: the English text is used as the main text.',
        ),
      );

    return {
      identifier: this.identifier,
      code,
      ...(gatewayId ? { gatewayId } : {}),
      title: title ?? { fr: this.identifier },
      ...(summary ? { summary } : {}),
      country: country.code,
      ...(startDate ? { startDate } : {}),
      endDate,
      currency,
      places,
      organisations: this.organisations,
      recipients,
      implementingPartners: partners,
      donors,
      ...(genderMarker ? { genderMarker } : {}),
      ...(spent ? { spent } : {}),
      ...(budgetTotal !== undefined ? { budgetTotal } : {}),
      results,
      ...(parentRef ? { parentRef } : {}),
      childRefs,
    };
  }

  result(node: XNode, index: number, country: string): RawResult | undefined {
    const type = attr(node, 'type');
    attr(node, 'aggregation-status');
    const where = this.at(`${this.say('résultat', 'result')} ${index}`);
    const title = this.file.text(narratives(kid(node, 'title'), this.lang));
    const description = this.file.text(narratives(kid(node, 'description'), this.lang));
    let reference: string | undefined;
    for (const r of kids(node, 'reference')) {
      if ((attr(r, 'vocabulary') ?? '99') === '99' && !reference) reference = attr(r, 'code');
      else r.used = false;
    }
    const indicators = kids(node, 'indicator').map((ind, i) =>
      this.indicator(ind, `${where} › ${this.say('indicateur', 'indicator')} ${i + 1}`, country),
    );
    if (description)
      this.note(
        where,
        'Description du résultat gardée dans les notes de ses indicateurs.',
        "The result's description is kept in the notes of its indicators.",
      );
    for (const ind of indicators) if (description) ind.notes.unshift(description.fr);
    if (type !== '1' && type !== '2' && type !== '3')
      this.note(
        where,
        `Résultat de type ${type ? describeCode('ResultType', type, 'fr') : '(aucun)'} lu comme un résultat (effet).`,
        `Result of type ${type ? describeCode('ResultType', type, 'en') : '(none)'} read as an outcome.`,
      );
    return {
      where,
      type: type === '1' ? 'output' : 'outcome',
      title: title ?? { fr: this.say(`Résultat ${index}`, `Result ${index}`) },
      ...(reference ? { reference } : {}),
      indicators,
    };
  }

  indicator(node: XNode, where: string, country: string): RawIndicator {
    const measureCode = attr(node, 'measure');
    const ascending = attr(node, 'ascending');
    attr(node, 'aggregation-status');
    const title = this.file.text(narratives(kid(node, 'title'), this.lang)) ?? { fr: where };
    const description = this.file.text(narratives(kid(node, 'description'), this.lang));
    let reference: string | undefined;
    const notes: string[] = [];
    for (const r of kids(node, 'reference')) {
      const vocabulary = attr(r, 'vocabulary') ?? '99';
      const code = attr(r, 'code');
      attr(r, 'indicator-uri');
      if (vocabulary === '99' && code && !reference) reference = code;
      else if (code)
        notes.push(`${describeCode('IndicatorVocabulary', vocabulary, this.file.options.locale)} : ${code}`);
    }
    if (description) notes.push(description.fr);
    let measure: Measure =
      measureCode === '2'
        ? 'percent'
        : measureCode === '5'
          ? 'text'
          : measureCode === '4'
            ? 'index'
            : 'number';
    if (measureCode === '3') measure = 'yes_no';
    const disaggregations = new Set<'sex' | 'age' | 'category' | 'place'>();
    const flag = (c: CombinedValue) => {
      if (c.sex) disaggregations.add('sex');
      if (c.age) disaggregations.add('age');
      if (c.category) disaggregations.add('category');
    };

    // baselines: several (by dimension or location) make one value
    const baselineNodes = kids(node, 'baseline');
    let baseline: ValueInput | undefined;
    if (baselineNodes.length) {
      const year = baselineNodes.map((b) => attr(b, 'year')).find(Boolean);
      const iso = baselineNodes.map((b) => isoDate(attr(b, 'iso-date'))).find(Boolean);
      const combined = combineValues(
        baselineNodes.map((b) => readValueElement(b, this.lang)),
        measure,
        country,
      );
      if (combined) {
        flag(combined);
        baseline = this.dated(combined.value, iso, year);
        if (combined.comment)
          notes.push(`${this.say('Base de référence', 'Baseline')} : ${combined.comment}`);
      }
    }

    const targets: RawIndicator['targets'] = [];
    const actuals: RawIndicator['actuals'] = [];
    let emptyActuals = 0;
    for (const p of kids(node, 'period')) {
      const start = isoDate(attr(kid(p, 'period-start'), 'iso-date'));
      const end = isoDate(attr(kid(p, 'period-end'), 'iso-date'));
      if (!start || !end) {
        useAll(p);
        this.unmapped(
          where,
          'Période sans date de début ou de fin : ignorée.',
          'Period without a start or end date: ignored.',
        );
        continue;
      }
      const t = combineValues(
        kids(p, 'target').map((x) => readValueElement(x, this.lang)),
        measure,
        country,
      );
      if (t) {
        flag(t);
        const value = t.comment ? this.withComment(t.value, t.comment) : t.value;
        targets.push({ start, end, value });
      }
      const actualNodes = kids(p, 'actual');
      const a = combineValues(
        actualNodes.map((x) => readValueElement(x, this.lang)),
        measure,
        country,
      );
      if (a) {
        flag(a);
        const noValue =
          typeof a.value === 'string' && /^(?:pas de valeur|aucune valeur|no value)$/i.test(a.value.trim());
        actuals.push({
          start,
          end,
          value: noValue ? null : a.value,
          ...(a.comment ? { reason: a.comment } : {}),
        });
      } else if (actualNodes.length) emptyActuals += 1;
    }
    if (emptyActuals)
      this.file.grouped_(
        'unmapped',
        this.where,
        this.say(
          'Valeur réalisée vide (« - » ou sans valeur) : aucune valeur enregistrée pour cette période.',
          'Empty actual ("-" or no value): no value recorded for that period.',
        ),
      );

    // a yes/no indicator whose values are not yes/no is a text one
    const all = [baseline, ...targets.map((t) => t.value), ...actuals.map((a) => a.value)].filter(
      (v): v is ValueInput => v !== undefined && v !== null,
    );
    const kinds = all.map((v) => toStoredValue(v).spec.kind);
    if (measure === 'yes_no' && kinds.some((k) => k !== 'boolean' && k !== 'tbd' && k !== 'not_applicable'))
      measure = 'text';
    if (measure === 'number' && all.length && kinds.every((k) => k === 'boolean')) measure = 'yes_no';
    if (
      measure === 'text' &&
      kinds.includes('document') &&
      kinds.every((k) => ['document', 'tbd', 'not_applicable', 'number'].includes(k))
    )
      measure = 'document';

    // ascending="0" on a count whose targets rise above the baseline is a publisher's slip: say so
    let direction: RawIndicator['direction'] =
      ascending === '0' || ascending === 'false' ? 'decrease' : 'increase';
    const base = baseline !== undefined ? numericValueOf(toStoredValue(baseline).spec) : null;
    const targetNumbers = targets
      .map((t) => numericValueOf(toStoredValue(t.value).spec))
      .filter((n): n is number => n !== null);
    if (direction === 'decrease' && base !== null && targetNumbers.some((n) => n > base)) {
      direction = 'increase';
      this.file.grouped_(
        'note',
        this.where,
        this.say(
          'ascending="0" (baisse visée) alors que des cibles dépassent la base de référence : Jalon retient une hausse visée.',
          'ascending="0" (a decrease is sought) while targets exceed the baseline: Jalon takes an increase as the aim.',
        ),
      );
    }

    return {
      where,
      title,
      ...(reference ? { reference } : {}),
      measure,
      direction,
      ...(baseline !== undefined ? { baseline } : {}),
      targets,
      actuals,
      disaggregations,
      notes,
    };
  }

  /** a baseline's date: its iso-date, or its year in the wording (`1 (2019)`) as the documents write it */
  dated(value: ValueInput, iso: string | undefined, year: string | undefined): ValueInput {
    const v = typeof value === 'string' ? { text: value } : value;
    if (iso) return { ...v, date: iso };
    // a baseline of the activity's first year is the default reading: its year is not added to the wording
    if (!year || year === this.startYear || /\b(19|20)\d{2}\b/.test(v.text)) return value;
    const spec = v.spec ?? parseValueText(v.text).spec;
    return { text: `${v.text} (${year})`, spec };
  }

  withComment(value: ValueInput, comment: string): ValueInput {
    const v = typeof value === 'string' ? { text: value } : value;
    const spec = v.spec ?? parseValueText(v.text).spec;
    return { ...v, text: `${v.text} — ${comment}`, spec };
  }
}

/** Turns raw results into a framework version's outcomes, and actuals into progress. */
function assembleFramework(
  raw: RawProgramme,
  file: FileReader,
  options: IatiReadOptions,
): { framework?: ProgrammeDocument['frameworks'][number]; progress: ProgrammeDocument['progress'] } {
  const say = file.say;
  if (raw.results.length === 0) {
    file.issue(
      'note',
      raw.identifier,
      say(
        'Pas de résultats : le programme est créé sans cadre de résultats.',
        'No results: the programme is created without a results framework.',
      ),
    );
    return { progress: [] };
  }
  type Outcome = ProgrammeDocument['frameworks'][number]['outcomes'][number];
  const outcomes: Outcome[] = [];
  const progress: ProgrammeDocument['progress'] = [];
  const usedIndicatorCodes = new Set<string>();
  const usedOutcomeCodes = new Set<string>();
  const usedOutputCodes = new Set<string>();
  const references = raw.results.flatMap((r) => r.indicators.map((i) => i.reference)).filter(Boolean);
  const useIndicatorReferences = new Set(references).size === references.length;

  const indicatorOf = (ind: RawIndicator, fallback: string): IndicatorInput => {
    let code = useIndicatorReferences && ind.reference ? ind.reference : fallback;
    while (usedIndicatorCodes.has(code)) code = `${code}′`;
    usedIndicatorCodes.add(code);
    const classified = classifyTargets(ind, raw);
    for (const a of ind.actuals)
      progress.push({
        indicator: code,
        periodStart: a.start,
        periodEnd: a.end,
        value: a.value,
        ...(a.reason ? { reason: a.reason } : {}),
      });
    for (const extra of classified.extra)
      file.issue(
        'note',
        ind.where,
        say(
          `Cible de la période ${extra.start} → ${extra.end} gardée comme étape (jalon) au ${extra.end}.`,
          `Target of the period ${extra.start} → ${extra.end} kept as a milestone on ${extra.end}.`,
        ),
      );
    return {
      code,
      title: ind.title,
      measure: ind.measure,
      direction: ind.direction,
      ...(ind.baseline !== undefined ? { baseline: ind.baseline } : {}),
      ...(classified.endTarget !== undefined ? { endTarget: classified.endTarget } : {}),
      ...(Object.keys(classified.annual).length ? { targets: classified.annual } : {}),
      ...(classified.milestones.length ? { milestones: classified.milestones } : {}),
      ...(ind.disaggregations.size ? { disaggregations: [...ind.disaggregations] } : {}),
      ...(ind.notes.length ? { notes: ind.notes.join('\n') } : {}),
    };
  };

  const outcomeResults = raw.results.filter((r) => r.type === 'outcome');
  const outputResults = raw.results.filter((r) => r.type === 'output');
  outcomeResults.forEach((r, i) => {
    let code = r.reference && !usedOutcomeCodes.has(r.reference) ? r.reference : String(i + 1);
    while (usedOutcomeCodes.has(code)) code = `${code}′`;
    usedOutcomeCodes.add(code);
    outcomes.push({
      code,
      statement: r.title,
      indicators: r.indicators.map((ind, k) => indicatorOf(ind, `${code}.${letters(k)}`)),
      outputs: [],
    });
  });
  // IATI does not link outputs to outcomes: an output whose reference starts with an outcome's code goes
  // under it; the others under one outcome that says so
  let orphanOutcome: Outcome | undefined;
  for (const r of outputResults) {
    const parent = r.reference
      ? outcomes.find((o) => r.reference !== o.code && r.reference!.startsWith(`${o.code}.`))
      : undefined;
    let target = parent;
    if (!target) {
      if (!orphanOutcome) {
        let code = String(outcomes.length + 1);
        while (usedOutcomeCodes.has(code)) code = `${code}′`;
        usedOutcomeCodes.add(code);
        orphanOutcome = {
          code,
          statement: {
            fr: 'Produits publiés sans résultat parent (IATI ne relie pas les produits aux résultats)',
            en: 'Outputs published without a parent outcome (IATI does not link outputs to outcomes)',
          },
          indicators: [],
          outputs: [],
        };
        outcomes.push(orphanOutcome);
        file.issue(
          'note',
          raw.identifier,
          say(
            `Les produits (résultats de type 1) sont rangés sous un résultat ${code} créé pour eux : IATI ne dit pas à quel résultat ils contribuent.`,
            `Outputs (results of type 1) are placed under an outcome ${code} made for them: IATI does not say which outcome they serve.`,
          ),
        );
      }
      target = orphanOutcome;
    }
    let code =
      r.reference && !usedOutputCodes.has(r.reference) && parent
        ? r.reference
        : `${target.code}.${target.outputs.length + 1}`;
    while (usedOutputCodes.has(code)) code = `${code}′`;
    usedOutputCodes.add(code);
    target.outputs.push({
      code,
      statement: r.title,
      indicators: r.indicators.map((ind, k) => indicatorOf(ind, `${code}.${k + 1}`)),
      activities: [],
    });
  }
  const effectiveDate = raw.startDate ?? options.today;
  return {
    framework: {
      version: 1,
      label: { fr: "Importé d'IATI", en: 'Imported from IATI' },
      effectiveDate,
      reason: {
        fr: `Import du fichier IATI ${options.fileName} (${raw.identifier})`,
        en: `Import of the IATI file ${options.fileName} (${raw.identifier})`,
      },
      outcomes,
      alignments: [],
    },
    progress,
  };
}

/** A period's target is a yearly target, the end target, or a milestone at the period's end. */
function classifyTargets(ind: RawIndicator, raw: RawProgramme) {
  const annual: Record<string, ValueInput | null> = {};
  const milestones: { date?: string; value: ValueInput }[] = [];
  const extra: { start: string; end: string }[] = [];
  let endTarget: ValueInput | undefined;
  const byYear = new Map<string, { start: string; end: string; value: ValueInput }[]>();
  for (const t of [...ind.targets].sort((a, b) => a.end.localeCompare(b.end))) {
    // a yearly target runs to the end of its year (or of the programme); a shorter period is a milestone
    const sameYear =
      t.start.slice(0, 4) === t.end.slice(0, 4) && (t.end.endsWith('-12-31') || t.end === raw.endDate);
    if (sameYear) byYear.set(t.end.slice(0, 4), [...(byYear.get(t.end.slice(0, 4)) ?? []), t]);
    else if (t.end === raw.endDate && endTarget === undefined) endTarget = t.value;
    else milestones.push({ date: monthOrDay(t.end), value: t.value });
  }
  for (const [year, list] of byYear) {
    // the period that ends last in the year is the yearly target; earlier ones are milestones
    const last = list.at(-1)!;
    annual[year] = last.value;
    for (const t of list.slice(0, -1)) {
      milestones.push({ date: monthOrDay(t.end), value: t.value });
      extra.push(t);
    }
  }
  milestones.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  return { annual, milestones, endTarget, extra };
}

/** the last day of a month is written `YYYY-MM`, as the documents date milestones */
function monthOrDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const next = new Date(d.getTime() + 86_400_000);
  return next.getUTCDate() === 1 ? date.slice(0, 7) : date;
}

/** Reads an IATI activity file into programme documents and findings. Throws `ImportRefused` for a bad file. */
export function readIatiActivities(bytes: Uint8Array, options: IatiReadOptions): IatiReadResult {
  const file = new FileReader(options);
  const say = file.say;
  const text = decodeXml(bytes, say);
  let root: XNode;
  try {
    root = parseXmlTree(text);
  } catch (error) {
    if (error instanceof ForbiddenXmlName)
      throw new ImportRefused(
        say(
          `Ce fichier nomme un élément ou un attribut « ${error.forbidden} » : Jalon refuse par sécurité les noms « __proto__ », « constructor » et « prototype ».`,
          `This file names an element or attribute “${error.forbidden}”: Jalon refuses the names “__proto__”, “constructor” and “prototype” for safety.`,
        ),
      );
    if (error instanceof TooDeepXml)
      throw new ImportRefused(
        say(
          `Les éléments de ce fichier XML sont imbriqués sur plus de ${error.limit} niveaux (un fichier IATI en a une dizaine) : Jalon le refuse.`,
          `This XML file nests elements more than ${error.limit} levels deep (an IATI file has about ten): Jalon refuses it.`,
        ),
      );
    if (error instanceof MalformedXml) {
      if (error.message === 'DOCTYPE')
        throw new ImportRefused(
          say(
            'Le fichier contient une déclaration DOCTYPE ou des entités : un fichier IATI n’en a pas, Jalon le refuse par sécurité.',
            'The file contains a DOCTYPE declaration or entities: an IATI file has none, and Jalon refuses it for safety.',
          ),
        );
      const at = error.line
        ? say(
            ` (ligne ${error.line}, colonne ${error.column})`,
            ` (line ${error.line}, column ${error.column})`,
          )
        : '';
      throw new ImportRefused(
        say(
          `Ce fichier n'est pas du XML bien formé${at} : ${error.message}`,
          `This file is not well-formed XML${at}: ${error.message}`,
        ),
      );
    }
    throw error;
  }
  if (root.name === 'iati-organisations')
    throw new ImportRefused(
      say(
        "C'est un fichier d'organisation IATI (iati-organisations) : Jalon importe les fichiers d'activités (iati-activities).",
        'This is an IATI organisation file (iati-organisations): Jalon imports activity files (iati-activities).',
      ),
    );
  if (root.name !== 'iati-activities')
    throw new ImportRefused(
      say(
        `Ce fichier XML n'est pas un fichier d'activités IATI : son élément racine est <${root.name}>, pas <iati-activities>.`,
        `This XML file is not an IATI activity file: its root element is <${root.name}>, not <iati-activities>.`,
      ),
    );
  const version = attr(root, 'version') ?? null;
  attr(root, 'generated-datetime');
  attr(root, 'linked-data-default');
  if (version && /^1\./.test(version))
    throw new ImportRefused(
      say(
        `Fichier IATI ${version} : Jalon lit les versions 2.01 à 2.03 (la version 1 n'est plus publiée depuis 2016 ; convertissez-le avec les outils IATI).`,
        `IATI ${version} file: Jalon reads versions 2.01 to 2.03 (version 1 has not been published since 2016; convert it with the IATI tools).`,
      ),
    );
  if (!version)
    file.issue(
      'note',
      say('Fichier', 'File'),
      say(
        "Pas d'attribut version : le fichier est lu comme IATI 2.0x.",
        'No version attribute: the file is read as IATI 2.0x.',
      ),
    );
  else if (!['2.01', '2.02', '2.03'].includes(version))
    file.issue(
      'note',
      say('Fichier', 'File'),
      say(`Version ${version} : lue comme 2.03.`, `Version ${version}: read as 2.03.`),
    );

  const activityNodes = kids(root, 'iati-activity');
  if (activityNodes.length === 0)
    throw new ImportRefused(
      say(
        'Ce fichier IATI ne contient aucune activité (iati-activity).',
        'This IATI file contains no activity (iati-activity).',
      ),
    );
  if (activityNodes.length > maxActivitiesPerFile)
    throw new ImportRefused(
      say(
        `Ce fichier contient ${activityNodes.length} activités : Jalon en importe au plus ${maxActivitiesPerFile} à la fois (filtrez par pays, par exemple sur d-portal.org).`,
        `This file holds ${activityNodes.length} activities: Jalon imports at most ${maxActivitiesPerFile} at a time (filter by country, e.g. on d-portal.org).`,
      ),
    );
  const fileLang = (attr(root, 'xml:lang') ?? 'en').toLowerCase().slice(0, 2);

  // read every activity
  const raws: RawProgramme[] = [];
  const seen = new Set<string>();
  activityNodes.forEach((node, i) => {
    const idNode = kid(node, 'iati-identifier');
    const identifier = idNode?.text.trim() || say(`activité ${i + 1}`, `activity ${i + 1}`);
    if (!idNode?.text.trim())
      file.issue(
        'note',
        identifier,
        say(
          "Pas d'identifiant IATI : un identifiant provisoire est donné.",
          'No IATI identifier: a provisional one is given.',
        ),
      );
    if (seen.has(identifier)) {
      file.issue(
        'unmapped',
        identifier,
        say(
          'Activité en double dans le fichier : seule la première est importée.',
          'Duplicate activity in the file: only the first one is imported.',
        ),
      );
      useAll(node);
      return;
    }
    seen.add(identifier);
    const reader = new ActivityReader(file, node, identifier, fileLang);
    const raw = reader.read();
    // an activity that is not imported is reported once, as a whole
    if (!raw) useAll(node);
    // whatever the mapping did not read, grouped by place
    for (const u of unread(node)) {
      const path = u.path.replace(/^iati-activity › ?/, '');
      file.grouped_(
        'unmapped',
        `${identifier} › ${path || 'iati-activity'}`,
        explainUnread(u.element, u.attribute, say),
      );
    }
    if (raw) raws.push(raw);
  });
  for (const u of unread({ ...root, children: root.children.filter((c) => c.name !== 'iati-activity') }))
    file.grouped_('unmapped', u.path, explainUnread(u.element, u.attribute, say));
  const foreign = foreignAttributes(root);
  if (foreign.size)
    file.issue(
      'unmapped',
      say('Fichier', 'File'),
      say(
        `Attributs d'autres espaces de noms ignorés (ajoutés par l'outil qui a produit le fichier) : ${[...foreign.keys()].join(', ')}.`,
        `Attributes from other namespaces ignored (added by the tool that produced the file): ${[...foreign.keys()].join(', ')}.`,
      ),
    );

  // merge children whose parent is in the file
  const byId = new Map(raws.map((r) => [r.identifier, r]));
  const parentOf = new Map<string, string>();
  for (const r of raws) {
    if (r.parentRef && byId.has(r.parentRef) && r.parentRef !== r.identifier)
      parentOf.set(r.identifier, r.parentRef);
    for (const c of r.childRefs)
      if (byId.has(c) && c !== r.identifier && !parentOf.has(c)) parentOf.set(c, r.identifier);
  }
  // a chain (grandchildren) is flattened onto the top parent
  const topOf = (id: string): string => {
    let current = id;
    const visited = new Set<string>();
    while (parentOf.has(current) && !visited.has(current)) {
      visited.add(current);
      current = parentOf.get(current)!;
    }
    return current;
  };
  const childrenOf = new Map<string, RawProgramme[]>();
  for (const r of raws) {
    const top = topOf(r.identifier);
    if (top !== r.identifier) childrenOf.set(top, [...(childrenOf.get(top) ?? []), r]);
  }
  for (const r of raws) {
    if (r.parentRef && !byId.has(r.parentRef))
      file.issue(
        'note',
        r.identifier,
        say(
          `Activité enfant de ${r.parentRef}, absent de ce fichier : importée comme un programme à part.`,
          `Child activity of ${r.parentRef}, which is not in this file: imported as a programme of its own.`,
        ),
      );
  }

  const programmes: MappedProgramme[] = [];
  const usedCodes = new Set<string>();
  for (const r of raws) {
    if (topOf(r.identifier) !== r.identifier) continue;
    const children = childrenOf.get(r.identifier) ?? [];
    for (const child of children) mergeChild(r, child, file);
    const { framework, progress } = assembleFramework(r, file, options);
    const total = r.budgetTotal;
    // a parent's own budget is the programme's whole budget; a single activity's is its recipient's
    let resourcesRequired: number | undefined;
    if (total !== undefined && children.length) {
      resourcesRequired = total;
      file.issue(
        'note',
        r.identifier,
        say(
          `Budget de l'activité parente gardé comme ressources requises du programme (${formatNumber(total, 'fr')} ${r.currency}).`,
          `Budget of the parent activity kept as the programme's resources required (${formatNumber(total, 'en')} ${r.currency}).`,
        ),
      );
    } else if (total !== undefined && r.recipients[0] && r.recipients[0].approvedBudget === undefined)
      r.recipients[0].approvedBudget = total;
    else if (total !== undefined && !r.recipients[0])
      file.issue(
        'unmapped',
        r.identifier,
        say(
          'Budget non gardé : aucune organisation récipiendaire à qui le rattacher.',
          'Budget not kept: no recipient organisation to attach it to.',
        ),
      );
    const budget = resourcesRequired ?? r.recipients.reduce((s, x) => s + (x.approvedBudget ?? 0), 0);
    const snapshots: ProgrammeDocument['financialSnapshots'] = [];
    if (r.spent && budget > 0) {
      const rate = Math.round((r.spent.amount / budget) * 10000) / 100;
      if (rate > 100)
        file.issue(
          'note',
          r.identifier,
          say(
            `Les dépenses dépassent le budget (${formatNumber(rate, 'fr')} %) : le taux de mise en œuvre est plafonné à 100 %.`,
            `Expenditure exceeds the budget (${formatNumber(rate, 'en')}%): the implementation rate is capped at 100%.`,
          ),
        );
      snapshots.push({
        asOf: r.spent.asOf,
        implementationRate: Math.min(100, rate),
        source: say(
          `IATI : ${r.spent.count} transaction(s) de dépense ou de décaissement`,
          `IATI: ${r.spent.count} expenditure or disbursement transaction(s)`,
        ),
      });
      file.issue(
        'note',
        r.identifier,
        say(
          `Dépenses et décaissements (${formatNumber(r.spent.amount, 'fr')} ${r.currency}) gardés comme taux de mise en œuvre de ${formatNumber(Math.min(100, rate), 'fr')} % au ${r.spent.asOf}.`,
          `Expenditure and disbursements (${formatNumber(r.spent.amount, 'en')} ${r.currency}) kept as an implementation rate of ${formatNumber(Math.min(100, rate), 'en')}% on ${r.spent.asOf}.`,
        ),
      );
    } else if (r.spent) {
      file.issue(
        'unmapped',
        r.identifier,
        say(
          'Dépenses non gardées : sans budget, Jalon ne peut pas en faire un taux de mise en œuvre.',
          'Expenditure not kept: without a budget Jalon cannot turn it into an implementation rate.',
        ),
      );
    }
    let code = r.code.length <= 40 ? r.code : r.code.slice(-40);
    if (code !== r.code)
      file.issue(
        'note',
        r.identifier,
        say(
          `Identifiant de plus de 40 caractères : le code du programme est « ${code} ».`,
          `Identifier longer than 40 characters: the programme code is "${code}".`,
        ),
      );
    while (usedCodes.has(code)) code = `${code.slice(0, 38)}-2`;
    usedCodes.add(code);
    const referenced = new Set([
      ...r.recipients.map((x) => x.organisation),
      ...r.implementingPartners.map((x) => x.organisation),
      ...r.donors.map((x) => x.organisation),
    ]);
    const draft = {
      code,
      kind: children.length ? 'joint_programme' : 'project',
      title: r.title,
      ...(r.summary ? { summary: r.summary } : {}),
      country: r.country,
      trustFund: { kind: 'none' },
      ...(r.startDate ? { startDate: r.startDate } : {}),
      endDate: r.endDate,
      currency: r.currency,
      ...(r.genderMarker ? { genderMarker: r.genderMarker } : {}),
      ...(r.gatewayId ? { gatewayId: r.gatewayId } : {}),
      ...(resourcesRequired !== undefined ? { resourcesRequired } : {}),
      financialSnapshots: snapshots,
      places: r.places,
      organisations: [...r.organisations.values()].filter((o) => referenced.has(o.code)),
      recipients: r.recipients,
      implementingPartners: r.implementingPartners,
      donors: r.donors,
      frameworks: framework ? [framework] : [],
      progress,
    };
    const parsed = importableProgrammeDocument.safeParse(draft);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        file.issue(
          'error',
          `${r.identifier} › ${issue.path.join('.')}`,
          say(
            `Donnée que Jalon ne peut pas enregistrer : ${issue.message}`,
            `Data Jalon cannot record: ${issue.message}`,
          ),
        );
      continue;
    }
    programmes.push({
      source: r.identifier,
      doc: parsed.data as ProgrammeDocument,
      children: children.map((c) => c.identifier),
    });
  }
  if (programmes.length === 0 && !file.issues.some((i) => i.severity === 'error'))
    file.issue(
      'error',
      say('Fichier', 'File'),
      say(
        'Aucune activité de ce fichier ne peut devenir un programme (voir les raisons ci-dessous).',
        'No activity of this file can become a programme (see the reasons below).',
      ),
    );
  return { version, programmes, issues: file.issues };
}

/** A child activity into its parent: its recipient (with its budget), partners, donors, places and results. */
function mergeChild(parent: RawProgramme, child: RawProgramme, file: FileReader) {
  const say = file.say;
  for (const [code, org] of child.organisations)
    if (!parent.organisations.has(code)) parent.organisations.set(code, org);
  const budget = child.currency === parent.currency ? child.budgetTotal : undefined;
  if (child.budgetTotal !== undefined && budget === undefined)
    file.issue(
      'unmapped',
      child.identifier,
      say(
        `Budget en ${child.currency}, le programme est en ${parent.currency} : non gardé.`,
        `Budget in ${child.currency} while the programme is in ${parent.currency}: not kept.`,
      ),
    );
  const main = child.recipients[0];
  if (main) {
    const existing = parent.recipients.find((x) => x.organisation === main.organisation);
    if (existing)
      existing.approvedBudget = (existing.approvedBudget ?? 0) + (budget ?? 0) || existing.approvedBudget;
    else
      parent.recipients.push({
        organisation: main.organisation,
        convening: false,
        ...(budget !== undefined ? { approvedBudget: budget } : {}),
      });
  }
  for (const p of [...child.recipients.slice(1), ...child.implementingPartners])
    if (
      !parent.implementingPartners.some((x) => x.organisation === p.organisation) &&
      !parent.recipients.some((x) => x.organisation === p.organisation)
    )
      parent.implementingPartners.push({ organisation: p.organisation });
  for (const d of child.donors) {
    const existing = parent.donors.find((x) => x.organisation === d.organisation);
    if (!existing) parent.donors.push(d);
    else if (d.amount !== undefined && child.currency === parent.currency)
      existing.amount = (existing.amount ?? 0) + d.amount;
  }
  for (const p of child.places) if (!parent.places.includes(p)) parent.places.push(p);
  if (child.spent && child.currency === parent.currency)
    parent.spent = {
      amount: (parent.spent?.amount ?? 0) + child.spent.amount,
      asOf: [parent.spent?.asOf ?? '', child.spent.asOf].sort().at(-1)!,
      count: (parent.spent?.count ?? 0) + child.spent.count,
    };
  if (child.results.length)
    file.issue(
      'note',
      child.identifier,
      say(
        `Résultats de l'activité enfant ajoutés au cadre de résultats de ${parent.identifier}.`,
        `Results of the child activity added to the results framework of ${parent.identifier}.`,
      ),
    );
  parent.results.push(...child.results);
  file.issue(
    'note',
    child.identifier,
    say(
      `Activité enfant de ${parent.identifier} : fusionnée dans ce programme (organisation ${main?.organisation ?? '—'}${budget !== undefined ? `, budget ${formatNumber(budget, 'fr')} ${parent.currency}` : ''}).`,
      `Child activity of ${parent.identifier}: merged into that programme (organisation ${main?.organisation ?? '—'}${budget !== undefined ? `, budget ${formatNumber(budget, 'en')} ${parent.currency}` : ''}).`,
    ),
  );
}

/** Why an element Jalon does not read is not kept, for the elements real files carry most. */
function explainUnread(element: string, attribute: string | undefined, say: Say): string {
  if (attribute)
    return say(
      `Attribut ${attribute} non gardé : Jalon n'a pas de champ pour lui.`,
      `Attribute ${attribute} not kept: Jalon has no field for it.`,
    );
  const known: Record<string, [string, string]> = {
    'contact-info': ['Contacts non gardés.', 'Contacts not kept.'],
    'activity-scope': [
      'Portée géographique non gardée (Jalon garde le pays et les lieux).',
      'Geographic scope not kept (Jalon keeps the country and places).',
    ],
    'recipient-region': [
      'Région bénéficiaire non gardée (Jalon garde un pays).',
      'Recipient region not kept (Jalon keeps one country).',
    ],
    'collaboration-type': ['Type de collaboration non gardé.', 'Collaboration type not kept.'],
    'default-flow-type': ['Type de flux par défaut non gardé.', 'Default flow type not kept.'],
    'default-finance-type': ['Type de financement par défaut non gardé.', 'Default finance type not kept.'],
    'default-aid-type': ["Type d'aide par défaut non gardé.", 'Default aid type not kept.'],
    'default-tied-status': ["Statut de l'aide liée non gardé.", 'Default tied status not kept.'],
    'activity-status': [
      "Statut de l'activité non gardé : Jalon le déduit des dates.",
      'Activity status not kept: Jalon derives it from the dates.',
    ],
    'country-budget-items': ['Lignes du budget national non gardées.', 'Country budget items not kept.'],
    'humanitarian-scope': ['Portée humanitaire non gardée.', 'Humanitarian scope not kept.'],
    'capital-spend': ['Part des dépenses en capital non gardée.', 'Capital spend not kept.'],
    'document-link': ['Lien vers un document non gardé.', 'Document link not kept.'],
    conditions: ['Conditions non gardées.', 'Conditions not kept.'],
    'other-identifier': ['Autre identifiant non gardé.', 'Other identifier not kept.'],
    'planned-disbursement': ['Décaissement prévu non gardé.', 'Planned disbursement not kept.'],
    'related-activity': [
      'Activité liée (ni parent ni enfant dans ce fichier) non gardée.',
      'Related activity (neither a parent nor a child in this file) not kept.',
    ],
    location: [
      'Lieu : coordonnées et codes non gardés (Jalon garde le nom du lieu).',
      'Location: coordinates and codes not kept (Jalon keeps the place name).',
    ],
    point: [
      'Coordonnées non gardées (Jalon garde le nom du lieu).',
      'Coordinates not kept (Jalon keeps the place name).',
    ],
    exactness: ['Précision du lieu non gardée.', 'Location exactness not kept.'],
    'location-class': ['Classe de lieu non gardée.', 'Location class not kept.'],
    'location-reach': ['Portée du lieu non gardée.', 'Location reach not kept.'],
    'location-id': ['Code du lieu non gardé.', 'Location code not kept.'],
    administrative: ['Division administrative codée non gardée.', 'Coded administrative area not kept.'],
    'feature-designation': ['Type de lieu non gardé.', 'Feature designation not kept.'],
    'legacy-data': ['Données héritées non gardées.', 'Legacy data not kept.'],
    'crs-add': ['Données CRS complémentaires non gardées.', 'Additional CRS data not kept.'],
    fss: ['Prévisions de dépenses (FSS) non gardées.', 'Forward spending survey not kept.'],
    tag: ['Étiquette non gardée.', 'Tag not kept.'],
    budget: [
      'Budget non gardé (devise différente ou dates manquantes).',
      'Budget not kept (another currency or missing dates).',
    ],
    reference: ['Référence à un autre vocabulaire non gardée.', 'Reference to another vocabulary not kept.'],
    'provider-org': [
      "Organisation d'origine d'une dépense non gardée (Jalon garde le total des dépenses).",
      'Provider of an expenditure not kept (Jalon keeps the total spent).',
    ],
    'receiver-org': [
      'Organisation bénéficiaire du versement non gardée (Jalon garde les totaux).',
      'Receiver of the transaction not kept (Jalon keeps the totals).',
    ],
    'disbursement-channel': ['Canal de décaissement non gardé.', 'Disbursement channel not kept.'],
    description: ['Description non gardée.', 'Description not kept.'],
    'flow-type': ['Type de flux non gardé.', 'Flow type not kept.'],
    'finance-type': ['Type de financement non gardé.', 'Finance type not kept.'],
    'aid-type': ["Type d'aide non gardé.", 'Aid type not kept.'],
    'tied-status': ["Statut de l'aide liée non gardé.", 'Tied status not kept.'],
    sector: ['Secteur non gardé.', 'Sector not kept.'],
    'recipient-country': ['Pays non gardé.', 'Country not kept.'],
  };
  const [fr, en] = known[element] ?? [
    `Élément <${element}> non gardé : Jalon n'a pas de champ pour lui.`,
    `Element <${element}> not kept: Jalon has no field for it.`,
  ];
  return say(fr, en);
}
