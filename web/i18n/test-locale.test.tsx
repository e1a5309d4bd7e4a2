/**
 * A third language is only catalogue files: the pages below, rendered in the test locale (every French sentence
 * marked ⟦…⟧), show no sentence of the catalogues unmarked — none is written in a component.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../core/i18n/en.js';
import { fr } from '../../core/i18n/fr.js';
import type { Locale } from '../../core/i18n/locale.js';
import { pseudoCatalogue, pseudoLocale, sentencesOf } from '../../core/i18n/pseudo-locale.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { SignInPage } from '../features/auth/sign-in-page.js';
import { NotFoundPage } from '../features/not-found-page.js';
import { renderWithProviders } from '../test-utils.js';

const xx = pseudoLocale as Locale;

/** Sentences distinctive enough to be found in a page's text: not a word shared by both languages. */
const english = new Map(sentencesOf(en));
const distinctive = sentencesOf(fr).filter(
  ([key, sentence]) => !sentence.includes('{{') && sentence.length >= 4 && english.get(key) !== sentence,
);

function unmarkedSentences(text: string): string[] {
  const outside = text.replace(/⟦[^⟧]*⟧/g, '\u0000');
  return distinctive
    .filter(([key]) => !/_(zero|one|two|few|many|other)$/.test(key))
    .filter(([, sentence]) => outside.includes(sentence))
    .map(([key, sentence]) => `${key}: ${sentence}`);
}

describe('the test locale', () => {
  for (const [name, page] of [
    ['sign-in page', <SignInPage key="sign-in" />],
    ['not-found page', <NotFoundPage key="not-found" />],
    ['language switch', <LanguageSwitch key="switch" />],
  ] as const) {
    it(`renders the ${name} from the catalogue alone`, () => {
      const { container } = renderWithProviders(page, {
        locale: xx,
        catalogues: { [xx]: pseudoCatalogue(fr) },
      });
      const said = [
        container.textContent ?? '',
        ...[...container.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap((element) =>
          ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? ''),
        ),
      ].join('\n');
      expect(said).toContain('⟦');
      expect(unmarkedSentences(said)).toEqual([]);
      expect(document.documentElement.lang).toBe(xx);
    });
  }
});
