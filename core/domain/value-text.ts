/**
 * Reads a baseline, target, milestone or progress value as the documents write it — in French or English —
 * into its structure (`ValueSpec`). Used by the demo data, the API (values are written as text, as in Excel)
 * and the importers. Anything it cannot read becomes `{ kind: 'text' }`: nothing is ever dropped.
 */
import type { ValueGroup, ValuePart, ValueSpec } from '../contracts/value-spec.js';

export interface ParsedValue {
  spec: ValueSpec;
  /** a date found in the wording, e.g. `150 (06/2021)` → `2021-06` */
  date?: string;
  /** a source found in the wording, e.g. `78,97% (Donnée nationale 11/2020)` → `Donnée nationale` */
  source?: string;
}

export interface ParseOptions {
  /**
   * The indicator measures a percentage: a relative change such as `+5%` is then read in percentage points
   * (78.97% → 83.97%), which is how the seeds use it; otherwise in percent of the baseline.
   */
  percentIndicator?: boolean;
}

// a number as the documents write it: `4000`, `4 000`, `1 026 157,82`, `78,97`, `9,937`, `3.5`
const NUM = String.raw`\d{1,3}(?:[  \u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const AT_LEAST = String.raw`(?:au\s+moins|at\s+least|minimum|plus\s+de|more\s+than)`;

/** Parses a French or English number; a comma followed by exactly three digits in a count is a thousands mark. */
export function parseNumber(raw: string, isCount = true): number {
  let s = raw.replace(/[  \u202f]/g, '');
  if (/^\d{1,3}(,\d{3})+$/.test(s) && isCount) s = s.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) s = s.replace(/\./g, '');
  else s = s.replace(',', '.');
  return Number(s);
}

const NA =
  /^(?:n\s*\/\s*a|n\.a\.?|na|s\/o|sans objet|non applicable|not applicable|néant|none|[-–—]+)(?:[\s.:,;(]|$)/i;
const TBD =
  /^(?:tbd|t\.b\.d\.?|à déterminer|a déterminer|a determiner|to be determined|à définir|à confirmer)\b/i;
const YES = /^(?:oui|yes|vrai|true)$/i;

/**
 * An amount or a rate the document answers in words rather than a figure: "N/A", "Sans objet", "-", "TBD"
 * (seed PBF/MLI/A-3, "$N/A"). A report's money and percent fields keep such words as written.
 */
export function answersWithoutFigure(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 60 && (NA.test(t) || TBD.test(t));
}
const NO = /^(?:non|no|faux|false)$/i;
const RELATIVE_WORD =
  /^(?:(augmentation|hausse|accroissement|amélioration|increase|improvement|rise)|(réduction|diminution|baisse|decrease|reduction|decline))\b/i;
const DOCUMENT_WORD =
  /^(?:plans?|stratégies?|strategies?|strategy|politiques?|policy|rapports?|reports?|lois?|law|décrets?|decree|documents?|feuilles? de route|roadmap|codes?|guides?|manuels?|manual|arrêtés?|charte|protocoles?|conventions?)\b/i;

function groupOf(label: string): ValueGroup {
  const l = label.toLowerCase();
  if (/^(des\s+|de\s+)?(femmes?|women|woman)\b/.test(l)) return 'women';
  if (/^(des\s+|de\s+)?(hommes?|men|man)\b/.test(l)) return 'men';
  if (/^(des\s+|de\s+)?(jeunes?|youths?|young)\b/.test(l)) return 'youth';
  if (/^(des\s+|de\s+)?(filles?|girls?)\b/.test(l)) return 'girls';
  if (/^(des\s+|de\s+)?(garçons?|boys?)\b/.test(l)) return 'boys';
  return 'other';
}

const AGE_RANGE = /(?:de\s+)?\d{1,2}\s*(?:à|a|-|–|to)\s*\d{1,2}\s*(?:ans|years)/giu;
const unhideDigits = (s: string) => s.replace(/[\u2080-\u2089]/g, (c) => String(c.charCodeAt(0) - 0x2080));

/** Reads the parts of a value: `dont 30% des femmes`, `soit 140 autorités locales, 40 femmes et 40 jeunes`. */
function readParts(input: string): ValuePart[] {
  const parts: ValuePart[] = [];
  // an age range belongs to its label ("40 jeunes de 18 à 35 ans"): hide its digits from the number scan
  const rest = input.replace(AGE_RANGE, (range) =>
    range.replace(/\d/g, (d) => String.fromCharCode(0x2080 + Number(d))),
  );
  const re = new RegExp(
    String.raw`(${AT_LEAST}\s+)?(${NUM})\s*(%)?\s*(?:de\s+|des\s+|d['’])?([^\d,;()]*)`,
    'giu',
  );
  for (const m of rest.matchAll(re)) {
    const label = unhideDigits(m[4] ?? '')
      .replace(/\s+(?:et|and|soit|soient)\s*$/i, '')
      .trim();
    const isPercent = m[3] === '%';
    // "soit 25%" after a count of women restates that count as a share: keep the count only
    if (isPercent && !label && parts.length > 0) continue;
    if (!label && !isPercent) continue;
    const group = groupOf(label);
    const part: ValuePart = {
      group,
      value: parseNumber(m[2] ?? '0', !isPercent),
      unit: isPercent ? 'percent' : 'count',
    };
    if (group === 'other' || /\s/.test(label)) part.label = label;
    if (m[1]) part.atLeast = true;
    parts.push(part);
  }
  return parts;
}

/** Pulls a trailing `(…)` with a date and/or source out of the wording: `(Donnée nationale 11/2020)`, `(2019)`. */
function readDateAndSource(paren: string): { date?: string; source?: string } {
  const out: { date?: string; source?: string } = {};
  const monthYear = paren.match(/\b(0?[1-9]|1[0-2])\s*\/\s*((?:19|20)\d{2})\b/);
  const year = paren.match(/\b((?:19|20)\d{2})\b/);
  let rest = paren;
  if (monthYear) {
    out.date = `${monthYear[2]}-${monthYear[1]!.padStart(2, '0')}`;
    rest = paren.replace(monthYear[0], '');
  } else if (year) {
    out.date = year[1]!;
    rest = paren.replace(year[0], '');
  }
  rest = rest
    .replace(/[\s,;:-]+$/, '')
    .replace(/^[\s,;:-]+/, '')
    .trim();
  if (rest) out.source = rest;
  return out;
}

function parseRelative(text: string, options: ParseOptions): ParsedValue | undefined {
  const sign = text.match(/^([+\-−–])\s*/);
  const word = text.match(RELATIVE_WORD);
  if (!sign && !word) return undefined;
  const m = text.match(new RegExp(String.raw`(${AT_LEAST}\s+)?(${NUM})\s*(%|points?|pts?)`, 'iu'));
  if (!m || m.index === undefined || m.index > 40) return undefined;
  const decrease = sign ? sign[1] !== '+' : Boolean(word?.[2]);
  const explicitPoints = /^p/i.test(m[3] ?? '');
  const atLeast = Boolean(m[1]) || /au moins|at least/i.test(text.slice(0, m.index));
  const scope = text
    .slice(m.index + m[0].length)
    .replace(/^[\s,;:]+/, '')
    .trim();
  const spec: ValueSpec = {
    kind: 'relative',
    delta: parseNumber(m[2] ?? '0', false),
    unit: explicitPoints || options.percentIndicator ? 'points' : 'percent',
    direction: decrease ? 'decrease' : 'increase',
  };
  if (atLeast) spec.atLeast = true;
  if (scope) spec.scope = scope;
  return { spec };
}

function parseMulti(text: string): ParsedValue | undefined {
  const segments = text.split(/\s*;\s*/).filter(Boolean);
  if (segments.length < 2) return undefined;
  const items: Extract<ValueSpec, { kind: 'multi' }>['items'] = [];
  for (const segment of segments) {
    const m = segment.match(
      new RegExp(String.raw`^(${NUM})\s*(%)?\s*\(([^)]+)\)\s*$|^(.+?)\s*:\s*(${NUM})\s*(%)?$`, 'u'),
    );
    if (!m) return undefined;
    if (m[1])
      items.push({ label: m[3]!.trim(), kind: m[2] ? 'percent' : 'number', value: parseNumber(m[1], !m[2]) });
    else
      items.push({
        label: m[4]!.trim(),
        kind: m[6] ? 'percent' : 'number',
        value: parseNumber(m[5]!, !m[6]),
      });
  }
  return { spec: { kind: 'multi', items } };
}

function parseLeadingNumber(text: string): ParsedValue | undefined {
  const m = text.match(new RegExp(String.raw`^(${AT_LEAST}\s+)?(${NUM})\s*(%)?`, 'iu'));
  if (!m) return undefined;
  const isPercent = m[3] === '%';
  const value = parseNumber(m[2]!, !isPercent);
  let rest = text.slice(m[0].length).trim();
  const out: ParsedValue = { spec: { kind: 'text', text } };
  // a whole trailing parenthesis that is only a date and/or source: `150 (06/2021)`, `78,97% (Donnée nationale 11/2020)`
  const paren = rest.match(/^\(([^()]*)\)$/);
  if (
    paren &&
    !/\d+\s*(%|femmes?|jeunes|hommes?|women|men|youth)/i.test(paren[1]!) &&
    /\d{4}|[a-zA-Zéè]/.test(paren[1]!)
  ) {
    Object.assign(out, readDateAndSource(paren[1]!));
    rest = '';
  }
  // the unit: the words right after the number, before any breakdown
  let unit: string | undefined;
  if (!isPercent) {
    const u = rest.match(
      /^([a-zA-ZÀ-ÿ'’][a-zA-ZÀ-ÿ'’\s-]{0,40}?)(?=\s*(?:\(|,|;|:|\bdont\b|\bsoit\b|\bsoient\b|\bincluding\b|\bof whom\b|$))/iu,
    );
    if (u && u[1]!.trim().split(/\s+/).length <= 4 && !/^(dont|soit|soient|including|of)\b/i.test(u[1]!)) {
      unit = u[1]!.trim();
    }
  }
  const parts = rest ? readParts(rest) : [];
  // a count whose only trailing words are not a breakdown (e.g. "3 sessions de formation") is still a number
  if (isPercent) {
    out.spec = {
      kind: 'percent',
      value,
      ...(m[1] ? { atLeast: true } : {}),
      ...(parts.length ? { parts } : {}),
    };
  } else {
    out.spec = {
      kind: 'number',
      value,
      ...(unit ? { unit } : {}),
      ...(m[1] ? { atLeast: true } : {}),
      ...(parts.length ? { parts } : {}),
    };
  }
  return out;
}

/**
 * Whether a wording packs several values that no single number stands for: numbered sub-indicators
 * (`1. 6 / 2. 600 / 3. 2`), one number per line (`1.6\n2.450\n3.2`), or numbers set side by side with a slash
 * (`6 / 600`). Such a wording is kept as text: reading it as one number (1.6, or 1 with the rest as parts)
 * would make up a value the author never gave.
 */
export function packsSeveralValues(input: string): boolean {
  const lines = input
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.filter((l) => /^[-+]?\d/.test(l)).length >= 2) return true;
  const text = input.replace(/\s+/g, ' ').trim();
  // "1. …" or "1) …" then "2. …" or "2) …": an enumeration of sub-values
  if (/(?:^|[\s/;,])1\s*[.)]\s+\S.*?(?:^|[\s/;,])2\s*[.)]\s+\S/u.test(text)) return true;
  // numbers separated by a spaced slash: "6 / 600", "50 % / 30 %"
  return /\d\s*%?\s+\/\s+[-+]?\d/u.test(text);
}

/** Reads one value's wording into its structure. */
export function parseValueText(input: string, options: ParseOptions = {}): ParsedValue {
  const text = input.replace(/\s+/g, ' ').trim();
  if (packsSeveralValues(input)) return { spec: { kind: 'text', text } };
  if (!text || NA.test(text)) {
    const note = text
      .replace(NA, '')
      .replace(/^[\s:,;.-]+/, '')
      .replace(/^\((.*)\)$/, '$1')
      .trim();
    return { spec: note ? { kind: 'not_applicable', note } : { kind: 'not_applicable' } };
  }
  if (TBD.test(text)) {
    const note = text
      .replace(TBD, '')
      .replace(/^[\s:,;.-]+/, '')
      .replace(/^\((.*)\)$/, '$1')
      .trim();
    return { spec: note ? { kind: 'tbd', note } : { kind: 'tbd' } };
  }
  if (YES.test(text)) return { spec: { kind: 'boolean', value: true } };
  if (NO.test(text)) return { spec: { kind: 'boolean', value: false } };
  return (
    parseRelative(text, options) ??
    parseMulti(text) ??
    parseLeadingNumber(text) ??
    (DOCUMENT_WORD.test(text)
      ? { spec: { kind: 'document', title: text } }
      : { spec: { kind: 'text', text } })
  );
}

/** The single number a value stands for, where it has one (for progress and aggregation). */
export function numericValueOf(spec: ValueSpec): number | null {
  switch (spec.kind) {
    case 'number':
    case 'percent':
      return spec.value;
    case 'boolean':
      return spec.value ? 1 : 0;
    case 'document':
      return spec.count ?? null;
    default:
      return null;
  }
}
