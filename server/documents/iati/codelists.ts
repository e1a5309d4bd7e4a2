/**
 * The IATI codelists Jalon uses, read from the copies in `schema/codelists/` (never from ../shared): every code
 * the exporter writes comes from here, and the importer names the codes it could not map with them.
 */
import { XMLParser } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import type { Locale } from '../../../core/i18n/locale.js';

export const codelistNames = [
  'ActivityDateType',
  'ActivityStatus',
  'AidType',
  'BudgetStatus',
  'BudgetType',
  'Country',
  'Currency',
  'DescriptionType',
  'FinanceType',
  'FlowType',
  'GeographicLocationReach',
  'IndicatorMeasure',
  'IndicatorVocabulary',
  'OrganisationRole',
  'OrganisationType',
  'PolicyMarker',
  'PolicyMarkerVocabulary',
  'PolicySignificance',
  'RelatedActivityType',
  'ResultType',
  'ResultVocabulary',
  'Sector',
  'SectorVocabulary',
  'TransactionType',
] as const;
export type CodelistName = (typeof codelistNames)[number];

export interface CodelistItem {
  code: string;
  name: { en: string; fr?: string };
  /** `withdrawn` codes stay readable on import but are never written */
  withdrawn: boolean;
}

const cache = new Map<CodelistName, Map<string, CodelistItem>>();
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => name === 'codelist-item' || name === 'narrative',
});

type Narrative = string | { '#text'?: string; '@xml:lang'?: string };

/** One codelist as a map code → item. */
export function codelist(name: CodelistName): Map<string, CodelistItem> {
  const cached = cache.get(name);
  if (cached) return cached;
  const xml = readFileSync(new URL(`./schema/codelists/${name}.xml`, import.meta.url), 'utf8');
  const parsed = parser.parse(xml) as {
    codelist: {
      'codelist-items': {
        'codelist-item': { code: string; '@status'?: string; name?: { narrative?: Narrative[] } }[];
      };
    };
  };
  const items = new Map<string, CodelistItem>();
  for (const item of parsed.codelist['codelist-items']['codelist-item']) {
    const narratives = (item.name?.narrative ?? []).map((n) =>
      typeof n === 'string' ? { text: n, lang: undefined } : { text: n['#text'] ?? '', lang: n['@xml:lang'] },
    );
    const en = narratives.find((n) => !n.lang || n.lang === 'en')?.text ?? String(item.code);
    const fr = narratives.find((n) => n.lang === 'fr')?.text;
    const code = String(item.code).trim();
    items.set(code, { code, name: fr ? { en, fr } : { en }, withdrawn: item['@status'] === 'withdrawn' });
  }
  cache.set(name, items);
  return items;
}

/** The code, checked: throws when Jalon is about to write a code its codelist does not hold (a bug). */
export function code(name: CodelistName, value: string): string {
  const item = codelist(name).get(value);
  if (!item || item.withdrawn) throw new Error(`IATI code ${value} is not an active code of ${name}`);
  return value;
}

/** `15220 (Civilian peace-building, conflict prevention and resolution)`, in the reader's language. */
export function describeCode(name: CodelistName, value: string, locale: Locale): string {
  const item = codelist(name).get(value);
  if (!item) return value;
  // the codelists name their codes in English, some in French too: the reader's language when it has it
  const names: Partial<Record<string, string>> = item.name;
  return `${value} (${names[locale] ?? item.name.en})`;
}
