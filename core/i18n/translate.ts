/**
 * The one way Jalon says a sentence: `t(locale, 'finance.total')` on the server, in documents and in the CLI,
 * `useT()('finance.total')` in the web — both look the key up in the catalogue of the reader's language with
 * `translate`, below. The catalogues are plain objects, one file per domain and language (`messages/`), typed
 * against the French one (`fr.ts`): a missing key in any language fails the type check, and adding a language
 * is adding its catalogue files, never editing a call site (`every-locale.test.ts` proves it with a test locale).
 *
 * Interpolation: `{{name}}` takes `params.name`. Plurals: a key `files` with `params.count` reads `files_one`,
 * `files_other` (or `files_zero` for 0 when the catalogue has it), as the language's plural rules say. The count
 * is written as the reader's language writes numbers (`En retard de 2 364 jours`, `2,364 days late`); other
 * numbers are passed already formatted, since a number param may be a year or a code (`{{year}}` is not `2 020`).
 */
import { formatNumber } from './format.js';
import type { Locale } from './locale.js';

/** The shape every catalogue must have: the French keys, with any string as value. */
export type Stringify<T> = { [K in keyof T]: T[K] extends string ? string : Stringify<T[K]> };

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type PluralBase<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Every key of a catalogue as a dotted path (`finance.tabs.budget`); plural forms by their base (`files`). */
export type KeyOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${PluralBase<K>}` : KeyOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type Params = Readonly<Record<string, string | number | null | undefined>>;

/** A tree of sentences: what a catalogue is, whatever its keys. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

function lookup(tree: MessageTree, path: string): string | MessageTree | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string' || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

function sentence(tree: MessageTree, key: string, locale: string, params: Params | undefined): string | null {
  const count = params?.count;
  if (typeof count === 'number') {
    const forms =
      count === 0
        ? ['zero', pluralCategory(locale, count), 'other']
        : [pluralCategory(locale, count), 'other'];
    for (const form of forms) {
      const found = lookup(tree, `${key}_${form}`);
      if (typeof found === 'string') return found;
    }
  }
  const found = lookup(tree, key);
  return typeof found === 'string' ? found : null;
}

function interpolate(template: string, params: Params | undefined, locale: Locale): string {
  if (!params) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined || value === null) return whole;
    return name === 'count' && typeof value === 'number' ? formatNumber(value, locale) : String(value);
  });
}

/**
 * The sentence `key` of `catalogue` (the reader's language, `locale`) with its `{{params}}` filled; French's
 * when the catalogue lacks it (a partial catalogue while a language is being translated), the key itself when
 * neither has it (only possible through an untyped key, which the tests look for).
 */
export function translate(
  catalogue: MessageTree,
  fallback: MessageTree,
  locale: Locale,
  key: string,
  params?: Params,
): string {
  const own = sentence(catalogue, key, locale, params);
  if (own !== null) return interpolate(own, params, locale);
  const french = sentence(fallback, key, 'fr', params);
  return french === null ? key : interpolate(french, params, 'fr');
}
