// An activity's header: summary, recipient country, dates, currency, places, identifiers and related activities.
import type { LocalizedText } from '../../../../core/contracts/programme-document.js';
import { codelist, describeCode } from '../codelists.js';
import { identifierPart } from '../iati-writer.js';
import { attr, kid, kids, narratives } from '../xml-tree.js';
import type { ActivityReader } from './activity-reader.js';
import { isoDate } from './raw-activity.js';

/** descriptions: the general one (or the first untyped one) is the summary */
export function readSummary(reader: ActivityReader): LocalizedText | undefined {
  const { node } = reader;
  let summary: LocalizedText | undefined;
  for (const d of kids(node, 'description')) {
    const type = attr(d, 'type') ?? '1';
    const text = reader.file.text(narratives(d, reader.lang));
    if (!text) continue;
    if (type === '1' && !summary) summary = text;
    else
      reader.unmapped(reader.at('description'), 'documents.iati.read.header.otherDescriptionType', {
        type: describeCode('DescriptionType', type, reader.file.options.locale),
      });
  }
  return summary;
}

/** the recipient country (the one with the largest share); none means the activity is not imported */
export function readCountry(reader: ActivityReader): string | undefined {
  const { node } = reader;
  const countries = kids(node, 'recipient-country').map((c) => ({
    code: (attr(c, 'code') ?? '').toUpperCase(),
    percentage: Number(attr(c, 'percentage') ?? '100'),
    node: c,
  }));
  for (const c of countries) narratives(c.node, reader.lang);
  const country = [...countries].sort((a, b) => b.percentage - a.percentage)[0];
  if (!country || !/^[A-Z]{2}$/.test(country.code)) {
    reader.unmapped(reader.where, 'documents.iati.read.header.noRecipientCountry');
    return undefined;
  }
  if (countries.length > 1)
    reader.unmapped(reader.at('recipient-country'), 'documents.iati.read.header.severalCountries', {
      code: country.code,
      percentage: country.percentage,
      others: countries
        .filter((c) => c !== country)
        .map((c) => c.code)
        .join(', '),
    });
  if (!codelist('Country').has(country.code))
    reader.note(reader.at('recipient-country'), 'documents.iati.read.header.unknownCountry', {
      code: country.code,
    });
  return country.code;
}

/** start and end dates (planned or actual); sets the reader's start year */
export function readDates(reader: ActivityReader): { startDate?: string; endDate?: string } {
  const { node } = reader;
  const dates = new Map<string, string>();
  for (const d of kids(node, 'activity-date')) {
    const type = attr(d, 'type');
    const date = isoDate(attr(d, 'iso-date'));
    narratives(d, reader.lang);
    if (type && date && !dates.has(type)) dates.set(type, date);
  }
  const startDate = dates.get('2') ?? dates.get('1');
  reader.startYear = startDate?.slice(0, 4);
  const endDate = dates.get('3') ?? dates.get('4');
  if (dates.get('3') && dates.get('4') && dates.get('3') !== dates.get('4'))
    reader.note(reader.at('activity-date'), 'documents.iati.read.header.plannedAndActualEnd', {
      planned: dates.get('3'),
      actual: dates.get('4'),
    });
  return { startDate, endDate };
}

export function readCurrency(reader: ActivityReader): string {
  const { node } = reader;
  const declaredCurrency = attr(node, 'default-currency')?.toUpperCase();
  const firstValueCurrency = node.children
    .flatMap((c) => c.children)
    .find((c) => c.name === 'value' && c.attrs.currency)
    ?.attrs.currency?.toUpperCase();
  const currency = declaredCurrency ?? firstValueCurrency ?? 'USD';
  if (!declaredCurrency && !firstValueCurrency)
    reader.note(reader.where, 'documents.iati.read.header.noCurrency');
  return currency;
}

/** locations: Jalon keeps the place names */
export function readPlaces(reader: ActivityReader): string[] {
  const { node } = reader;
  const places: string[] = [];
  for (const l of kids(node, 'location')) {
    const name = reader.file.text(narratives(kid(l, 'name'), reader.lang));
    attr(l, 'ref');
    attr(kid(l, 'location-reach'), 'code');
    if (name && !places.includes(name.fr)) places.push(name.fr);
    else if (!name) l.used = false;
  }
  return places;
}

/** other identifiers: the code Jalon built the identifier from (A1), the MPTF Gateway number (A9) */
export function readOtherIdentifiers(reader: ActivityReader): { code: string; gatewayId?: string } {
  const { node } = reader;
  let code = reader.identifier;
  let gatewayId: string | undefined;
  for (const o of kids(node, 'other-identifier')) {
    const type = attr(o, 'type');
    const ref = attr(o, 'ref');
    const owner = narratives(kid(o, 'owner-org'), reader.lang)
      .map((n) => n.text)
      .join(' ');
    attr(kid(o, 'owner-org'), 'ref');
    if (type === 'A1' && ref && ref.length <= 40 && reader.identifier.endsWith(`-${identifierPart(ref)}`))
      code = ref;
    else if (type === 'A9' && ref && /MPTF|Gateway/i.test(owner)) gatewayId = ref;
    else {
      o.used = false;
      o.usedAttrs.clear();
    }
  }
  return { code, ...(gatewayId ? { gatewayId } : {}) };
}

/** related activities: parent and children structure the file; the others are reported */
export function readRelatedActivities(reader: ActivityReader): { parentRef?: string; childRefs: string[] } {
  const { node } = reader;
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
  return { ...(parentRef ? { parentRef } : {}), childRefs };
}
