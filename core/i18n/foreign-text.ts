/**
 * What betrays the other language in a text shown in `locale` (issue 19, item 3): a sentence of the other
 * language's catalogue, a number outside the locale's format, a date in the other language's words. Pure, so
 * the walk of every web page (e2e/every-page.e2e.ts) and the walk of every document (server/documents/
 * documents-walk.test.ts) judge by the same rules; each gives it the pieces of text it reads (text nodes, cells,
 * paragraphs), leaving out what a person typed and marked as an original in its own language (decision 0020).
 */
import type { Locale } from './locale.js';

/** A catalogue, or a part of one: nested objects of sentences. */
export type Catalogue = object;

function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') into.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

const flattenAll = (catalogues: Catalogue[]) => {
  const into = new Map<string, string>();
  for (const catalogue of catalogues) flatten(catalogue, '', into);
  return into;
};

/** Spaces of any kind as one, trimmed: a cell's no-break spaces and a paragraph's line breaks compare alike. */
export const normaliseSpaces = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface ForeignDetector {
  /** how many of the other language's sentences it looks for */
  count: number;
  /** `key: «piece»` for each piece that is one of them */
  find(pieces: string[]): string[];
}

/**
 * The sentences that betray the other language in a text in the language of `own`: each string of `other` that
 * differs from the same key's in `own` and is no string of `own` (a shared acronym or name is no slip), with at
 * least four letters of its own. A piece (a text node, an accessible name, a cell, a paragraph) betrays it when
 * it *is* that string, its placeholders filled with anything: so a catalogue sentence is caught, and a sentence
 * someone typed that merely contains the same words ("Appui technique au pôle économique…") is not.
 */
export function foreignDetector(own: Catalogue[], other: Catalogue[]): ForeignDetector {
  const ownSentences = flattenAll(own);
  const ownStrings = new Set([...ownSentences.values()].map(normaliseSpaces));
  const exact = new Map<string, string>();
  const patterns: { key: string; literal: string; pattern: RegExp }[] = [];
  for (const [key, raw] of flattenAll(other)) {
    const sentence = normaliseSpaces(raw);
    if (ownSentences.get(key) === raw || ownStrings.has(sentence)) continue;
    const pieces = sentence.split(/\{\{[^}]*\}\}/);
    if ((pieces.join('').match(/\p{L}/gu) ?? []).length < 4) continue;
    if (pieces.length === 1) exact.set(sentence, key);
    else
      patterns.push({
        key,
        literal: pieces.join(''),
        pattern: new RegExp(`^${pieces.map(escapeRegExp).join('.+?')}$`, 'su'),
      });
  }
  return {
    count: exact.size + patterns.length,
    find(pieces) {
      const hits: string[] = [];
      for (const piece of pieces) {
        const text = normaliseSpaces(piece);
        // a sentence that is mostly its placeholders ("Output {{code}}") is no proof when the filling is long
        const key =
          exact.get(text) ??
          patterns.find((p) => p.pattern.test(text) && p.literal.length * 2 >= text.length)?.key;
        if (key) hits.push(`${key}: «${text}»`);
      }
      return [...new Set(hits)];
    },
  };
}

/** A few characters either side of a hit, on one line. */
const around = (text: string, index: number, length: number) =>
  text.slice(Math.max(0, index - 25), index + length + 25).replace(/\s+/g, ' ');

/**
 * Numbers written outside `locale`'s format (fr: `1 234,5` grouped with a narrow or ordinary no-break space;
 * en: `1,234.5`), with a few characters around each. `typed` names numbers people wrote as names, not
 * quantities ("Output 126206", "R 1325"): they are not judged.
 */
export function misformattedNumbers(pageText: string, locale: Locale, typed: RegExp[] = []): string[] {
  const text = typed.reduce((t, pattern) => t.replace(pattern, (m) => m.replace(/\d/g, '#')), pageText);
  const hits: string[] = [];
  // a run of digits standing alone: not a code (PBF/MLI/A-1, 1.2.3, ML-4), a date, a time or a year
  for (const m of text.matchAll(/(?<![\p{L}\d.,/\-:_#'’])\d{4,}(?![\d\p{L}/\-:_]|[.,]\d)/gu)) {
    const n = Number(m[0]);
    if (m[0].length === 4 && n >= 1900 && n <= 2100) continue; // a year
    hits.push(`ungrouped ${m[0]}: «${around(text, m.index, m[0].length)}»`);
  }
  if (locale === 'fr') {
    for (const m of text.matchAll(/(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])/g))
      hits.push(`English grouping ${m[0]}: «${around(text, m.index, m[0].length)}»`);
  } else {
    for (const m of text.matchAll(/(?<![\d.,])\d{1,3}(?:[\u00a0\u202f]\d{3})+(?!\d)/g))
      hits.push(`French grouping ${m[0]}: «${around(text, m.index, m[0].length)}»`);
    for (const m of text.matchAll(/(?<![\d.,])\d+,\d{1,2}(?![\d,])\s?(?:%|\$)/g))
      hits.push(`French decimal ${m[0]}: «${around(text, m.index, m[0].length)}»`);
  }
  return hits;
}

/**
 * Month names of each language, as `Intl` writes them and people write them, beside a day or a year: only those
 * the other language cannot write the same way (French `oct.`, `nov.` are English's `Oct`, `Nov` too).
 */
const monthsOf: Record<Locale, RegExp> = {
  // capitalised as English writes them: "Mars" and "mai" are French
  en: /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Dec)\b\.?/,
  fr: /(?<![\p{L}])(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|janv\.|févr\.|avr\.|juil\.|déc\.)(?![\p{L}])/iu,
};

/**
 * Dates not in `locale`'s words: a month of the other language beside a day or a year ("January 15, 2020" in
 * French, "15 janv. 2020" in English), and dates as the database stores them (`2024-02-05`), which no reader's
 * language writes. `typed` names dates written as examples of what a person may type ("2023-10-05 ou 05/10/2023").
 */
export function misformattedDates(judged: string, locale: Locale, typed: RegExp[] = []): string[] {
  const text = typed.reduce((t, pattern) => t.replace(pattern, (m) => m.replace(/\d/g, '#')), judged);
  const other = monthsOf[locale === 'fr' ? 'en' : 'fr'];
  const hits: string[] = [];
  const beside = new RegExp(
    `(?<![\\p{L}\\d])(?:\\d{1,2}(?:er)?\\s+(?:${other.source})(?:\\s+\\d{4})?|(?:${other.source})\\s+\\d{1,4}(?:,\\s*\\d{4})?)`,
    `g${other.flags.includes('i') ? 'i' : ''}u`,
  );
  for (const m of text.matchAll(beside))
    hits.push(`date in the other language ${m[0]}: «${around(text, m.index, m[0].length)}»`);
  for (const m of text.matchAll(/(?<![\d\p{L}\-/])\d{4}-\d{2}-\d{2}(?![\d\p{L}])/gu))
    hits.push(`stored date ${m[0]}: «${around(text, m.index, m[0].length)}»`);
  return hits;
}
