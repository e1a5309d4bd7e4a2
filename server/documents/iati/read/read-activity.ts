// One <iati-activity> → the activity as read (RawProgramme), step by step in the order its findings appear.
import { attr, kid, kids, narratives } from '../xml-tree.js';
import {
  readCountry,
  readCurrency,
  readDates,
  readOtherIdentifiers,
  readPlaces,
  readRelatedActivities,
  readSummary,
} from './activity-header.js';
import type { ActivityReader } from './activity-reader.js';
import { readBudgets, readTransactions } from './budgets-transactions.js';
import { readParticipatingOrgs } from './participating-orgs.js';
import { readGenderMarker, reportSectors } from './policy-markers-and-sectors.js';
import type { RawProgramme, RawResult } from './raw-activity.js';
import { readResult } from './results.js';

/** Reads one activity; undefined when it cannot become a programme (the reason is among the findings). */
export function readActivity(reader: ActivityReader): RawProgramme | undefined {
  const { node, say } = reader;
  const title = reader.file.text(narratives(kid(node, 'title'), reader.lang));
  attr(node, 'hierarchy');
  attr(node, 'last-updated-datetime');
  const summary = readSummary(reader);
  const country = readCountry(reader);
  if (country === undefined) return undefined;
  const dates = readDates(reader);
  const startDate = dates.startDate;
  let endDate = dates.endDate;
  const currency = readCurrency(reader);
  const places = readPlaces(reader);
  const { recipients, implementingPartners: partners, donors } = readParticipatingOrgs(reader);
  const genderMarker = readGenderMarker(reader);
  reportSectors(reader);
  const { budgets, budgetTotal } = readBudgets(reader, currency);
  const spent = readTransactions(reader, currency, donors);
  const { code, gatewayId, otherIdentifiers } = readOtherIdentifiers(reader);
  const { parentRef, childRefs, cofunding } = readRelatedActivities(reader);
  // budgets of a year each are the activity's budget lines by year (the finance module's), else none
  const periods = [...budgets.values()];
  const byYear = new Map<number, number>();
  if (periods.length && periods.every((b) => !b.heldBack && b.start.slice(0, 4) === b.end.slice(0, 4)))
    for (const b of periods) {
      const year = Number(b.start.slice(0, 4));
      byYear.set(year, Math.round(((byYear.get(year) ?? 0) + b.value) * 100) / 100);
    }
  const yearlyBudgets = [...byYear].map(([year, amount]) => ({ organisation: null, year, amount }));

  const results = kids(node, 'result')
    .map((r, i) => readResult(reader, r, i + 1, country))
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
      reader.note(reader.at('activity-date'), 'documents.iati.read.activity.noEndDate', { endDate });
  }
  if (!endDate) {
    reader.unmapped(reader.where, 'documents.iati.read.activity.noEndDateNotImported');
    return undefined;
  }
  if (!title) reader.note(reader.where, 'documents.iati.read.activity.noTitle');
  if (
    title &&
    !narratives(kid(node, 'title'), reader.lang).some((n) => n.lang === 'fr') &&
    (title.fr === title.en || !title.en)
  )
    reader.file.grouped_(
      'note',
      reader.say('documents.iati.read.activity.file'),
      say('documents.iati.read.activity.noFrenchTexts'),
    );

  return {
    identifier: reader.identifier,
    code,
    ...(gatewayId ? { gatewayId } : {}),
    otherIdentifiers,
    title: title ?? { fr: reader.identifier },
    ...(summary ? { summary } : {}),
    country,
    ...(startDate ? { startDate } : {}),
    ...(dates.firstTransferDate ? { firstTransferDate: dates.firstTransferDate } : {}),
    endDate,
    currency,
    places,
    organisations: reader.organisations,
    recipients,
    implementingPartners: partners,
    donors,
    ...(genderMarker ? { genderMarker } : {}),
    ...(spent ? { spent } : {}),
    ...(budgetTotal !== undefined ? { budgetTotal } : {}),
    yearlyBudgets,
    cofunding,
    results,
    ...(parentRef ? { parentRef } : {}),
    childRefs,
  };
}
