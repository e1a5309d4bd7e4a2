/**
 * The text Jalon accepts, decided once (docs/decisions/0011-text-jalon-accepts.md) and applied everywhere text
 * comes in — every string of every request's body, path and query, every cell or element a reader takes from
 * a file — and by every writer on whatever is already stored:
 *
 * - tab, line feed and carriage return are text;
 * - U+000B (the line break Excel and Word put in pasted text) and U+000C (form feed) become a line feed, the
 *   other C0 controls a space: they are *cleaned*, the way a person would have retyped them;
 * - NUL, the Unicode noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their counterparts in every plane) and
 *   lone surrogates are *refused* in typed text (400 naming the field) and *dropped* from files and from what
 *   the writers put out: they are never text, PostgreSQL cannot store NUL, and XML 1.0 cannot carry them.
 *
 * Isomorphic: no Node, no Zod.
 */
import type { Locale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';

/** Any character the rule may act on (a surrogate is looked at closely: in pairs they are fine). */
// eslint-disable-next-line no-control-regex
const suspect = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** `U+000B`, `U+1FFFE`. */
export const codePointName = (codePoint: number) =>
  `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

const isNoncharacter = (codePoint: number) =>
  (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;

/** What the rule does with one code point (`undefined`: a lone surrogate). */
function verdict(codePoint: number | undefined): 'keep' | 'space' | 'newline' | 'refuse' {
  if (codePoint === undefined || codePoint === 0) return 'refuse';
  if (codePoint === 0x0b || codePoint === 0x0c) return 'newline';
  if (codePoint < 0x20)
    return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d ? 'keep' : 'space';
  if (codePoint >= 0xfdd0 && isNoncharacter(codePoint)) return 'refuse';
  return 'keep';
}

/** The code points of `text`, a lone surrogate as `undefined` with its own code unit. */
function* codePoints(text: string): Generator<{ point: number | undefined; unit: number; length: number }> {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        yield { point: ((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000, unit, length: 2 };
        i++;
        continue;
      }
      yield { point: undefined, unit, length: 1 };
    } else if (unit >= 0xdc00 && unit <= 0xdfff) yield { point: undefined, unit, length: 1 };
    else yield { point: unit, unit, length: 1 };
  }
}

/** The first character of `text` that Jalon refuses, by its name (`U+0000`); undefined when there is none. */
export function refusedCharacter(text: string): string | undefined {
  if (!suspect.test(text)) return undefined;
  for (const { point, unit } of codePoints(text))
    if (verdict(point) === 'refuse') return codePointName(point ?? unit);
  return undefined;
}

/**
 * The text as Jalon keeps it: the controls cleaned, and — when `drop` (files, writers) — the refused characters
 * removed. Without `drop`, a refused character is left where it is (typed text is refused before, by
 * `acceptText`).
 */
export function cleanText(text: string, options: { drop?: boolean } = {}): string {
  if (!suspect.test(text)) return text;
  let out = '';
  for (const { point, unit, length } of codePoints(text)) {
    const what = verdict(point);
    if (what === 'keep') out += length === 2 ? String.fromCodePoint(point!) : String.fromCharCode(unit);
    else if (what === 'space') out += ' ';
    else if (what === 'newline') out += '\n';
    else if (!options.drop) out += String.fromCharCode(unit);
  }
  return out;
}

/** Text from a file, or text a writer puts out: cleaned, and what is refused dropped. Never throws. */
export const scrubText = (text: string) => cleanText(text, { drop: true });

/**
 * A copy of `value` with every string scrubbed (objects and arrays copied, anything else kept as it is): what a
 * writer lays out from stored data, which may predate the rule.
 */
export function scrubStrings<T>(value: T): T {
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubText(v);
    if (Array.isArray(v)) return v.map(copy);
    if (v !== null && typeof v === 'object' && isPlain(v)) {
      const out: Record<string, unknown> = {};
      for (const [key, x] of Object.entries(v))
        Object.defineProperty(out, key, {
          value: copy(x),
          writable: true,
          enumerable: true,
          configurable: true,
        });
      return out;
    }
    return v;
  };
  return copy(value) as T;
}

export interface RefusedText {
  /** where the string is: `['participants', 1]` */
  path: (string | number)[];
  /** the first refused character, `U+0000` */
  character: string;
}

/**
 * Every string in `value` (in objects and arrays) cleaned in place, and the ones holding a refused character
 * listed with their path; a key is never cleaned but refused when it holds anything but text. Whatever is not a
 * plain object, an array or a string (a Buffer, a number) is left alone; keys `skip` names are not looked at
 * (passwords: they are compared, never shown).
 */
export function acceptText<T>(
  value: T,
  skip: (key: string) => boolean = () => false,
): { value: T; refused: RefusedText[] } {
  const refused: RefusedText[] = [];
  const visit = (v: unknown, path: (string | number)[]): unknown => {
    if (typeof v === 'string') {
      const character = refusedCharacter(v);
      if (character) refused.push({ path, character });
      return cleanText(v);
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const next = visit(v[i], [...path, i]);
        if (next !== v[i]) v[i] = next;
      }
      return v;
    }
    if (v !== null && typeof v === 'object' && isPlain(v)) {
      const record = v as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (skip(key)) continue;
        const odd = oddCharacter(key);
        if (odd) refused.push({ path: [...path, key], character: odd });
        const current = record[key];
        const next = visit(current, [...path, key]);
        // an own property, whatever its name (a key `__proto__` stays a key)
        if (next !== current)
          Object.defineProperty(record, key, {
            value: next,
            writable: true,
            enumerable: true,
            configurable: true,
          });
      }
      return v;
    }
    return v;
  };
  return { value: visit(value, []) as T, refused };
}

/** The first character of `text` that is not kept as it is (refused or cleaned), by its name. */
function oddCharacter(text: string): string | undefined {
  if (!suspect.test(text)) return undefined;
  for (const { point, unit } of codePoints(text))
    if (verdict(point) !== 'keep') return codePointName(point ?? unit);
  return undefined;
}

/** A record of values: a plain object, or one made without Object's prototype (a router's parameters). */
const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
};

/** The sentence that says why a text is refused, in the reader's language. */
export function refusedTextMessage(locale: Locale, character: string): string {
  return t(locale, 'errorCodes.acceptedText.refusedCharacter', { character });
}
