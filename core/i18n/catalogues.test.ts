/**
 * What the type system cannot check in the catalogues: every sentence is written in every language, with the
 * same placeholders as the French one, both plural forms, and no domain in both sets; and that `t` reads a new
 * language from its catalogue alone (the test locale).
 */
import { describe, expect, it } from 'vitest';
import { fr } from './fr.js';
import { locales, type Locale } from './locale.js';
import { pseudoCatalogue, pseudoLocale, sentencesOf } from './pseudo-locale.js';
import { serverFr } from './server-fr.js';
import { catalogueLocales, readCatalogues } from './catalogue-source.js';
import { cataloguesOf, setCatalogues, t } from './t.js';
import type { MessageTree } from './translate.js';

const placeholders = (sentence: string) =>
  [...sentence.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const both = (locale: Locale): MessageTree => ({
  ...cataloguesOf(locale).screens,
  ...cataloguesOf(locale).server,
});

describe('the catalogues', () => {
  it('keep the screens’ set and the server’s set apart: no domain in both', () => {
    const shared = Object.keys(serverFr).filter((domain) => Object.hasOwn(fr, domain));
    expect(shared).toEqual([]);
  });

  for (const locale of locales.filter((l) => l !== 'fr')) {
    it(`say every French sentence in ${locale}, with the same placeholders`, () => {
      const theirs = new Map(sentencesOf(both(locale)));
      const problems: string[] = [];
      for (const [key, french] of sentencesOf(both('fr'))) {
        const sentence = theirs.get(key);
        if (sentence === undefined) problems.push(`${key}: missing`);
        else if (sentence.trim() === '' && french.trim() !== '') problems.push(`${key}: empty`);
        else if (placeholders(sentence).join() !== placeholders(french).join())
          problems.push(`${key}: {{${placeholders(sentence).join()}}} ≠ {{${placeholders(french).join()}}}`);
      }
      for (const key of theirs.keys())
        if (!sentencesOf(both('fr')).some(([k]) => k === key)) problems.push(`${key}: extra`);
      expect(problems).toEqual([]);
    });
  }

  it('are held for every language, as plain data: the built server reads them as JSON (catalogue-source.ts)', () => {
    expect([...catalogueLocales].sort()).toEqual([...locales].sort());
    for (const locale of locales) {
      const held = readCatalogues(locale);
      expect(JSON.parse(JSON.stringify(held))).toStrictEqual(held);
    }
    expect(readCatalogues('xx')).toBeUndefined();
    expect(readCatalogues('__proto__')).toBeUndefined();
  });

  it('give each plural its other form', () => {
    for (const locale of locales) {
      const keys = new Set(sentencesOf(both(locale)).map(([key]) => key));
      const lonely = [...keys].filter(
        (key) =>
          /_(zero|one|two|few|many)$/.test(key) &&
          !keys.has(key.replace(/_(zero|one|two|few|many)$/, '_other')),
      );
      expect(lonely, locale).toEqual([]);
    }
  });
});

describe('t', () => {
  it('fills the placeholders and chooses the plural form by the language’s rules', () => {
    expect(t('fr', 'admin.users.count', { count: 0 })).toBe('0 compte'); // French: 0 is singular
    expect(t('fr', 'admin.users.count', { count: 2 })).toBe('2 comptes');
    expect(t('en', 'admin.users.count', { count: 0 })).toBe('0 accounts');
    expect(t('en', 'admin.users.count', { count: 1 })).toBe('1 account');
  });

  it('reads a new language from its catalogues alone: the test locale', () => {
    const xx = pseudoLocale as Locale;
    setCatalogues(xx, {
      screens: pseudoCatalogue(cataloguesOf('fr').screens),
      server: pseudoCatalogue(cataloguesOf('fr').server),
    });
    try {
      for (const [key, french] of sentencesOf(both('fr'))) {
        const base = key.replace(/_(zero|one|two|few|many|other)$/, '') as Parameters<typeof t>[1];
        const said = t(xx, base, { count: key.endsWith('_one') ? 1 : 2 });
        expect(said.startsWith('⟦') || french === '', key).toBe(true);
      }
    } finally {
      setCatalogues(xx, undefined);
    }
  });
});
