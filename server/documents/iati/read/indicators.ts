// An indicator of an IATI result: measure, direction, baseline, targets and actuals by period, disaggregations.
import type { ValueInput } from '../../../../core/contracts/programme-document.js';
import { numericValueOf, parseValueText } from '../../../../core/domain/value-text.js';
import { toStoredValue } from '../../../../core/domain/stored-value.js';
import { describeCode } from '../codelists.js';
import {
  combineValues,
  readValueElement,
  splitRemark,
  type CombinedValue,
  type Measure,
} from '../iati-values.js';
import { attr, changed, dropped, kid, kids, narratives, useAll, type XNode } from '../xml-tree.js';
import type { ActivityReader } from './activity-reader.js';
import { isoDate, type RawIndicator } from './raw-activity.js';

export function readIndicator(
  reader: ActivityReader,
  node: XNode,
  where: string,
  country: string,
): RawIndicator {
  const measureCode = attr(node, 'measure');
  const ascending = attr(node, 'ascending');
  attr(node, 'aggregation-status');
  const title = reader.file.text(narratives(kid(node, 'title'), reader.lang)) ?? { fr: where };
  const description = reader.file.text(narratives(kid(node, 'description'), reader.lang));
  let reference: string | undefined;
  const notes: string[] = [];
  for (const r of kids(node, 'reference')) {
    const vocabulary = attr(r, 'vocabulary') ?? '99';
    const code = attr(r, 'code');
    attr(r, 'indicator-uri');
    if (vocabulary === '99' && code && !reference) reference = code;
    else if (code)
      notes.push(`${describeCode('IndicatorVocabulary', vocabulary, reader.file.options.locale)} : ${code}`);
  }
  // Jalon's own files give the indicator's code as the first line of its description (the reference is the
  // result's: IATI allows it at one level only)
  const codeLine = description?.fr.match(/^Code\s*:\s*(\S+)\s*(?:\n|$)/);
  if (codeLine && !reference) reference = codeLine[1];
  let rest = codeLine ? description!.fr.slice(codeLine[0].length).trim() : description?.fr;
  // ... and, one line each, the values IATI refused without a number (`Cible 2022-01-01 → 2022-12-31 : TBD`)
  const heldBack: { word: string; start?: string; end?: string; text: string }[] = [];
  // ... and its unit, whether it is cumulative and its means of verification, one line each
  const facts: { unit?: string; cumulative?: true; sources?: string[] } = {};
  if (rest && codeLine) {
    const kept: string[] = [];
    for (const line of rest.split('\n')) {
      const unit = line.match(/^(?:Unité :|Unit:) (.+)\.$/);
      const sources = line.match(/^(?:Moyens de vérification :|Means of verification:) (.+)\.$/);
      if (unit && facts.unit === undefined) {
        facts.unit = unit[1]!;
        continue;
      }
      if (/^(?:Indicateur cumulatif|Cumulative indicator)\.$/.test(line)) {
        facts.cumulative = true;
        continue;
      }
      if (sources && facts.sources === undefined) {
        facts.sources = sources[1]!.split(' ; ');
        continue;
      }
      const m = line.match(
        /^(Base de référence|Baseline|Cible|Target|Valeur réalisée|Actual)(?: (\d{4}-\d{2}-\d{2}) → (\d{4}-\d{2}-\d{2}))? : (.+)$/,
      );
      if (m) heldBack.push({ word: m[1]!, ...(m[2] ? { start: m[2], end: m[3]! } : {}), text: m[4]! });
      else kept.push(line);
    }
    rest = kept.join('\n').trim();
  }
  // Jalon's own notes keep their lines; another publisher's description is one note
  if (rest) notes.push(codeLine ? rest : rest.replace(/\n/g, ' '));
  let measure: Measure =
    measureCode === '2' ? 'percent' : measureCode === '5' ? 'text' : measureCode === '4' ? 'index' : 'number';
  if (measureCode === '3') measure = 'yes_no';
  const disaggregations = new Set<'sex' | 'age' | 'category' | 'place'>();
  let packed = 0;
  const flag = (c: CombinedValue, nodes: XNode[]) => {
    if (c.packed) {
      packed += 1;
      for (const n of nodes) changed(n, reader.say('documents.iati.read.indicators.severalValuesKeptAsText'));
    }
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
      baselineNodes.map((b) => readValueElement(b, reader.lang)),
      measure,
      country,
    );
    if (combined) {
      flag(combined, baselineNodes);
      baseline = dated(reader, combined.value, iso, year);
      if (combined.comment)
        notes.push(`${reader.say('documents.iati.read.indicators.baseline')} : ${combined.comment}`);
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
      reader.unmapped(where, 'documents.iati.read.indicators.periodWithoutDates', undefined, p);
      continue;
    }
    const targetNodes = kids(p, 'target');
    const t = combineValues(
      targetNodes.map((x) => readValueElement(x, reader.lang)),
      measure,
      country,
    );
    if (t) {
      flag(t, targetNodes);
      const value = t.comment ? withComment(t.value, t.comment) : t.value;
      targets.push({ start, end, value });
    }
    const actualNodes = kids(p, 'actual');
    const a = combineValues(
      actualNodes.map((x) => readValueElement(x, reader.lang)),
      measure,
      country,
    );
    if (a) {
      flag(a, actualNodes);
      const noValue =
        typeof a.value === 'string' && /^(?:pas de valeur|aucune valeur|no value)$/i.test(a.value.trim());
      actuals.push({
        start,
        end,
        value: noValue ? null : a.value,
        ...(a.comment ? { reason: a.comment } : {}),
      });
    } else if (actualNodes.length) {
      emptyActuals += 1;
      for (const n of actualNodes) dropped(n, reader.say('documents.iati.read.indicators.emptyActual'));
    }
  }
  for (let i = 0; i < packed; i += 1)
    reader.file.grouped_('note', where, reader.say('documents.iati.read.indicators.severalValuesKeptAsText'));
  for (const h of heldBack) {
    if (/^(Base|Baseline)/.test(h.word)) {
      if (baseline === undefined) baseline = h.text;
    } else if (!h.start || !h.end) continue;
    else if (/^(Cible|Target)/.test(h.word)) targets.push({ start: h.start, end: h.end, value: h.text });
    else {
      const none = h.text.match(/^(?:Pas de valeur|No value) — (.+)$/);
      const split = splitRemark(h.text);
      actuals.push(
        none
          ? { start: h.start, end: h.end, value: null, reason: none[1]! }
          : {
              start: h.start,
              end: h.end,
              value: split.wording,
              ...(split.remark ? { reason: split.remark } : {}),
            },
      );
    }
  }
  if (emptyActuals)
    reader.file.grouped_('unmapped', reader.where, reader.say('documents.iati.read.indicators.emptyActual'));

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
    reader.file.grouped_(
      'note',
      reader.where,
      reader.say('documents.iati.read.indicators.decreaseWithRisingTargets'),
    );
  }

  return {
    where,
    title,
    ...(reference ? { reference } : {}),
    ...facts,
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
function dated(
  reader: ActivityReader,
  value: ValueInput,
  iso: string | undefined,
  year: string | undefined,
): ValueInput {
  const v = typeof value === 'string' ? { text: value } : value;
  if (iso) return { ...v, date: iso };
  // a baseline of the activity's first year is the default reading: its year is not added to the wording
  if (!year || year === reader.startYear) return value;
  // a wording that names its own date (`… (Donnée nationale 11/2020)`) keeps it; the year is the value's date
  if (/\b(19|20)\d{2}\b/.test(v.text)) return { ...v, date: year };
  const spec = v.spec ?? parseValueText(v.text).spec;
  return { text: `${v.text} (${year})`, spec };
}

function withComment(value: ValueInput, comment: string): ValueInput {
  const v = typeof value === 'string' ? { text: value } : value;
  const spec = v.spec ?? parseValueText(v.text).spec;
  return { ...v, text: `${v.text} — ${comment}`, spec };
}
