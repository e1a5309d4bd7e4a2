/**
 * Acronyms in a report's texts, and whether the report spells each one out. Pure; the report check
 * (`checks.ts`) says which ones a reader meets without a definition.
 *
 * What counts as an acronym: a word of two upper-case letters or more, written all in capitals (MINUSMA,
 * CROCSAD: no length limit), with a plural `s` (PDIs, ONGs) or in a short mixed form (TdR, CoFo). What does
 * not: the words of a title written in capitals ("LE CODE PASTORAL DE LA DIINA … DU XIXEME SIECLE"), roman
 * numerals, the placeholders of a value (NA, TBD), a marker's code before its number ("GEN 1").
 *
 * What counts as spelled out, anywhere in the report: "Commission nationale des Droits de l'Homme (CNDH)",
 * "… des Droits de l'Homme - CNDH", "CNDH (Commission nationale des Droits de l'Homme)": the words beside it
 * give its letters in order, the first on a word's first letter (Schwartz and Hearst, 2003), within a few
 * words. "cadres de concertations (CROCSAD, CLOCSAD, CCOCSAD)" does not spell them out.
 */

/** Acronyms everybody in the Fund's world reads without a definition, and upper-case words that are none. */
export const COMMON_ACRONYMS = new Set([
  'ONU',
  'UN',
  'PBF',
  'COVID',
  'USD',
  'FCFA',
  'ONG',
  'NGO',
  'OK',
  'SG',
  // a value's placeholders: "N/A", "NA", "TBD", "Tbd"
  'NA',
  'ND',
  'TBD',
  'OUI',
  'NON',
  'YES',
  'NO',
]);

/** a marker's code when a number follows: "le projet est GEN 1", "GM 2" */
const MARKER_CODES = new Set(['GEN', 'GM']);

/** Words that make a run of capitals a title rather than a list of acronyms: "… DE LA PAIX DANS LES REGIONS" */
const TITLE_WORDS = new Set([
  'A',
  'AU',
  'AUX',
  'DE',
  'DES',
  'DU',
  'D',
  'ET',
  'EN',
  'LA',
  'LE',
  'LES',
  'L',
  'POUR',
  'PAR',
  'SUR',
  'DANS',
  'SON',
  'SA',
  'SES',
  'UN',
  'UNE',
  'OF',
  'THE',
  'AND',
  'IN',
  'FOR',
  'ON',
  'TO',
]);

const ROMAN = /^(?:[IVXLC]+|[IVXLC]+(?:E|EME|ÈME|ER|ERE|ÈRE|TH|ST|ND|RD))$/;

export interface TextAt {
  path: string;
  section: string;
  text: string;
}

export interface AcronymUse {
  acronym: string;
  path: string;
  section: string;
}

/** The acronym a word is, if it is one: `PDIs` → `PDI`, `TdR` → `TdR`, `Mali` → null. */
export function acronymOf(word: string): string | null {
  const letters = [...word];
  const upper = letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length;
  if (upper < 2) return null;
  const isUpper = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();
  if (isUpper(word)) return word;
  // a plural: PDIs, ONGs
  if (word.endsWith('s') && word.length > 2 && isUpper(word.slice(0, -1))) return word.slice(0, -1);
  // a short mixed form starting with a capital: TdR, CoFo (CoFos)
  const singular = word.endsWith('s') && letters.length > 3 ? word.slice(0, -1) : word;
  if ([...singular].length <= 4 && isUpper(singular[0]!)) return singular;
  return null;
}

const WORD = /[\p{L}]+/gu;
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Lower case without accents: "Développement" → "developpement" (one character for one). */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Whether `longForm` (the words before or after an acronym) spells `acronym` out: its letters, right to left,
 * found in order in the long form, the first one on a word's first letter.
 */
export function spellsOut(acronym: string, longForm: string): boolean {
  const short = fold(acronym).replace(/[^a-z0-9]/g, '');
  const long = fold(longForm);
  if (!short || long.replace(/[^a-z]/g, '').length <= short.length) return false;
  let l = long.length - 1;
  for (let s = short.length - 1; s >= 0; s--) {
    const c = short[s]!;
    // the first letter of the acronym must start a word of the long form
    while (l >= 0 && (long[l] !== c || (s === 0 && isLetter(long[l - 1])))) l--;
    if (l < 0) return false;
    l--;
  }
  return true;
}

/** The last `n` words of `text` (with what lies between them). */
function lastWords(text: string, n: number): string {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  if (words.length <= n) return text;
  return text.slice(words[words.length - n]!.index);
}

/** The first `n` words of `text`. */
function firstWords(text: string, n: number): string {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  if (words.length <= n) return text;
  const last = words[n - 1]!;
  return text.slice(0, last.index + last[0].length);
}

/** Whether the acronym used at `index` of `text` is spelled out there. */
function definedAt(text: string, index: number, word: string, acronym: string): boolean {
  const span = Math.min([...acronym].length + 5, [...acronym].length * 2);
  const before = text.slice(0, index);
  const after = text.slice(index + word.length);
  // "long form (ACR)" and "long form - ACR": the words since the last break
  const wrapped = /\(\s*$/.test(before) && /^\s*\)/.test(after);
  const dashed = /\s[-–—]\s*$/.test(before);
  if (wrapped || dashed) {
    const head = before.replace(/\s*(?:\(|[-–—])\s*$/u, '');
    const clause = head.split(/[.;:!?()\n]/u).pop() ?? '';
    if (spellsOut(acronym, lastWords(clause, span))) return true;
  }
  // "ACR (long form)"
  const open = /^\s*\(([^()]*)\)/.exec(after);
  if (open && spellsOut(acronym, firstWords(open[1]!, span))) return true;
  return false;
}

/** Ranges of `text` that are titles written in capitals (three words or more, one of them a small word). */
function titleRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/(?:[\p{Lu}]+['’]?\s+){2,}[\p{Lu}]+/gu)) {
    const words = m[0].split(/['’\s]+/).filter(Boolean);
    if (words.some((w) => TITLE_WORDS.has(w))) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/**
 * Every acronym of the texts (in reading order), with the first place it is used, and the set of those the
 * texts spell out somewhere.
 */
export function findAcronyms(
  texts: TextAt[],
  watched: ReadonlySet<string> = new Set(),
): { uses: AcronymUse[]; defined: Set<string> } {
  const uses = new Map<string, AcronymUse>();
  const defined = new Set<string>();
  for (const { path, section, text } of texts) {
    const titles = titleRanges(text);
    for (const m of text.matchAll(WORD)) {
      const word = m[0];
      const index = m.index;
      // a word glued to digits (GM2, COVID19) is a code, not a word
      if (isLetter(text[index - 1]) || isLetter(text[index + word.length])) continue;
      const acronym = watched.has(word) ? word : acronymOf(word);
      if (!acronym) continue;
      if (COMMON_ACRONYMS.has(acronym) || ROMAN.test(acronym)) continue;
      if (MARKER_CODES.has(acronym) && /^\s*\d/.test(text.slice(index + word.length))) continue;
      if (titles.some(([from, to]) => index >= from && index < to)) continue;
      if (definedAt(text, index, word, acronym)) defined.add(acronym);
      if (!uses.has(acronym)) uses.set(acronym, { acronym, path, section });
    }
  }
  return { uses: [...uses.values()], defined };
}
