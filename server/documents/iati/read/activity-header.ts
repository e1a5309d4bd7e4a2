// An activity's header: summary, recipient country, dates, currency, places, identifiers and related activities.
import type { IatiOtherIdentifier, LocalizedText } from '../../../../core/contracts/programme-document.js';
import { t } from '../../../../core/i18n/t.js';
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
      reader.unmapped(
        reader.at('description'),
        'documents.iati.read.header.otherDescriptionType',
        { type: describeCode('DescriptionType', type, reader.file.options.locale) },
        d,
      );
  }
  return summary;
}

/**
 * The recipient country: the country Jalon's users work on (`homeCountry`, Mali) when the activity names it,
 * else the one with the largest share (the first of equal ones). An activity that gives its countries on its
 * transactions only (IATI allows either place, never both) is read from them, the share being the transactions'
 * value. None means the activity is not imported.
 */
export function readCountry(reader: ActivityReader): string | undefined {
  const { node } = reader;
  const home = reader.file.options.homeCountry ?? 'ML';
  let countries = kids(node, 'recipient-country').map((c) => ({
    code: (attr(c, 'code') ?? '').toUpperCase(),
    percentage: Number(attr(c, 'percentage') ?? '100'),
    node: c,
  }));
  for (const c of countries) narratives(c.node, reader.lang);
  const onTransactions = countries.length === 0;
  const fromTransactions: typeof countries = [];
  if (onTransactions) {
    const byCode = new Map<string, { value: number; nodes: typeof countries }>();
    for (const tr of node.children.filter((c) => c.name === 'transaction'))
      for (const c of tr.children.filter((x) => x.name === 'recipient-country')) {
        c.used = true;
        narratives(c, reader.lang);
        const code = (attr(c, 'code') ?? '').toUpperCase();
        const value = Math.abs(
          Number(tr.children.find((x) => x.name === 'value')?.text.replace(/[\s,]/g, '')),
        );
        const entry = byCode.get(code) ?? { value: 0, nodes: [] };
        entry.value += Number.isFinite(value) ? value : 0;
        entry.nodes.push({ code, percentage: 0, node: c });
        fromTransactions.push({ code, percentage: 0, node: c });
        byCode.set(code, entry);
      }
    const total = [...byCode.values()].reduce((s, e) => s + e.value, 0);
    countries = [...byCode].map(([code, e]) => ({
      code,
      percentage: total > 0 ? Math.round((e.value / total) * 1000) / 10 : 100 / byCode.size,
      node: e.nodes[0]!.node,
    }));
  }
  const country =
    countries.find((c) => c.code === home) ?? [...countries].sort((a, b) => b.percentage - a.percentage)[0];
  if (!country || !/^[A-Z]{2}$/.test(country.code)) {
    reader.unmapped(reader.where, 'documents.iati.read.header.noRecipientCountry');
    return undefined;
  }
  const where = onTransactions
    ? reader.at('transaction', 'recipient-country')
    : reader.at('recipient-country');
  if (onTransactions)
    reader.note(
      where,
      'documents.iati.read.header.countryFromTransactions',
      { code: country.code },
      ...fromTransactions.filter((c) => c.code === country.code).map((c) => c.node),
    );
  if (countries.length > 1)
    reader.unmapped(
      where,
      'documents.iati.read.header.severalCountries',
      {
        code: country.code,
        percentage: country.percentage,
        others: countries
          .filter((c) => c !== country)
          .map((c) => c.code)
          .join(', '),
      },
      ...[...countries, ...fromTransactions].filter((c) => c.code !== country.code).map((c) => c.node),
    );
  if (!codelist('Country').has(country.code))
    reader.note(where, 'documents.iati.read.header.unknownCountry', {
      code: country.code,
    });
  return country.code;
}

/**
 * start and end dates: the planned start is the programme's start (else the actual one), the actual start its
 * first transfer — both kept when they differ; sets the reader's start year
 */
export function readDates(reader: ActivityReader): {
  startDate?: string;
  firstTransferDate?: string;
  endDate?: string;
} {
  const { node } = reader;
  const dates = new Map<string, string>();
  for (const d of kids(node, 'activity-date')) {
    const type = attr(d, 'type');
    const date = isoDate(attr(d, 'iso-date'));
    narratives(d, reader.lang);
    if (type && date && !dates.has(type)) dates.set(type, date);
  }
  const startDate = dates.get('1') ?? dates.get('2');
  const firstTransferDate = dates.get('2');
  reader.startYear = startDate?.slice(0, 4);
  const endDate = dates.get('3') ?? dates.get('4');
  if (dates.get('3') && dates.get('4') && dates.get('3') !== dates.get('4'))
    reader.note(
      reader.at('activity-date'),
      'documents.iati.read.header.plannedAndActualEnd',
      { planned: dates.get('3'), actual: dates.get('4') },
      node.children.find((c) => c.name === 'activity-date' && c.attrs.type === '4'),
    );
  return { startDate, ...(firstTransferDate ? { firstTransferDate } : {}), endDate };
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

/**
 * other identifiers, every one kept as published: the code Jalon built the identifier from (A1), and the MPTF
 * Gateway number (an A9 owned by the MPTF Office, or a reference such as `XM-DAC-41141-MPTF-00119645`)
 */
export function readOtherIdentifiers(reader: ActivityReader): {
  code: string;
  gatewayId?: string;
  otherIdentifiers: IatiOtherIdentifier[];
} {
  const { node } = reader;
  let code = reader.identifier;
  let gatewayId: string | undefined;
  const otherIdentifiers: IatiOtherIdentifier[] = [];
  for (const o of kids(node, 'other-identifier')) {
    const type = attr(o, 'type');
    const ref = attr(o, 'ref')?.trim();
    const owner = narratives(kid(o, 'owner-org'), reader.lang)
      .map((n) => n.text)
      .join(' ')
      .trim();
    const ownerRef = attr(kid(o, 'owner-org'), 'ref')?.trim();
    if (!ref || !type || !/^[AB]\d$/.test(type)) {
      o.used = false;
      o.usedAttrs.clear();
      continue;
    }
    // the Gateway number as Jalon writes it (owned by the MPTF Office, named in French and English): Jalon's
    // own field, written back the same way from it
    const jalonsOwner = (['fr', 'en'] as const).map((l) => t(l, 'documents.iati.export.gatewayOwner'));
    const jalonsGateway =
      type === 'A9' &&
      !ownerRef &&
      owner.length === jalonsOwner.join(' ').length &&
      jalonsOwner.every((name) => owner.includes(name));
    if (jalonsGateway && !gatewayId) {
      gatewayId = ref;
      continue;
    }
    otherIdentifiers.push({
      ref,
      type,
      ...(ownerRef ? { ownerRef } : {}),
      ...(owner ? { ownerName: owner } : {}),
    });
    const gateway = ref.match(/MPTF[-_ ]?(\d{5,})$/i)?.[1];
    if (type === 'A1' && ref.length <= 40 && reader.identifier.endsWith(`-${identifierPart(ref)}`))
      code = ref;
    else if (!gatewayId && gateway) gatewayId = gateway;
    else if (!gatewayId && type === 'A9' && /MPTF|Gateway/i.test(owner)) gatewayId = ref;
  }
  return { code, ...(gatewayId ? { gatewayId } : {}), otherIdentifiers };
}

/** related activities: parent and children structure the file; the others are reported */
export function readRelatedActivities(reader: ActivityReader): {
  parentRef?: string;
  childRefs: string[];
  cofunding: string[];
} {
  const { node } = reader;
  let parentRef: string | undefined;
  const childRefs: string[] = [];
  const cofunding: string[] = [];
  const known = reader.file.options.knownActivities;
  for (const r of kids(node, 'related-activity')) {
    const type = attr(r, 'type');
    const ref = attr(r, 'ref');
    if (!ref) continue;
    if (type === '1') parentRef = ref;
    else if (type === '2') childRefs.push(ref);
    else if (type === '4' && known?.has(ref)) cofunding.push(known.get(ref)!);
    else {
      r.used = false;
      r.usedAttrs.clear();
    }
  }
  return { ...(parentRef ? { parentRef } : {}), childRefs, cofunding };
}
