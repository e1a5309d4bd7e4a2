/**
 * The rules that find the other language in a screen or a document (foreign-text.ts): each can fail, and none
 * takes what a person typed, a code or a year for a slip.
 */
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { foreignDetector, misformattedDates, misformattedNumbers } from './foreign-text.js';
import { fr } from './fr.js';
import { serverEn } from './server-en.js';
import { serverFr } from './server-fr.js';

describe('foreignDetector', () => {
  const inFrench = foreignDetector([fr, serverFr], [en, serverEn]);
  const inEnglish = foreignDetector([en, serverEn], [fr, serverFr]);

  it('finds a whole sentence of the other catalogue, not a typed sentence that shares its words', () => {
    expect(inFrench.find(['Open the programme', 'Appui technique au pôle économique'])).toEqual([
      'portfolio.open: «Open the programme»',
    ]);
    expect(inFrench.find(['Ouvrir le programme', 'Not applicable'])).toEqual([
      expect.stringMatching(/^reports\..*notApplicable: «Not applicable»$/),
    ]);
  });

  it('fills a sentence’s placeholders with anything, unless the filling is most of the piece', () => {
    expect(inEnglish.find(['Ouvrir le programme PROSMED'])).toHaveLength(1);
    expect(inEnglish.find(['Output 126206 (PROSMED) — TRAC 1 PNUD'])).toEqual([]);
  });

  it('takes no string both languages share (an acronym, a name) for a slip', () => {
    expect(inFrench.find(['Total', 'COVID-19', 'Jalon'])).toEqual([]);
    expect(inFrench.count).toBeGreaterThan(1000);
  });

  it('compares spaces of any kind alike', () => {
    expect(inEnglish.find(['Sans\u00a0objet'])).toEqual([
      expect.stringMatching(/notApplicable: «Sans objet»$/),
    ]);
  });
});

describe('misformattedNumbers', () => {
  it('finds ungrouped numbers and the other language’s separators', () => {
    expect(misformattedNumbers('Cible 4000 ; 12300 ; 1,000 ; 2 330 ; en 2024 ; 1.2.3', 'fr')).toHaveLength(3);
    expect(misformattedNumbers('Target 2,330; 12,5 %; 4000; 1\u202f026 157', 'en')).toHaveLength(3);
  });

  it('leaves codes, dates, years and typed names alone', () => {
    expect(
      misformattedNumbers('PBF/MLI/A-1, 1.1.2, 2020-03-09, 12:30, 1 026 157,82 $US, 2022', 'fr'),
    ).toEqual([]);
    expect(misformattedNumbers('Output 126206', 'fr', [/\bOutput \d{5,6}\b/g])).toEqual([]);
  });
});

describe('misformattedDates', () => {
  it('finds the other language’s months beside a day or a year, and stored dates', () => {
    expect(misformattedDates('Du 15 January 2020 au March 3, 2021 ; le 2024-02-05', 'fr')).toHaveLength(3);
    expect(misformattedDates('From 15 janv. 2020 to 1er mars 2021; in décembre 2023', 'en')).toHaveLength(3);
  });

  it('leaves the language’s own dates and words alone', () => {
    expect(
      misformattedDates('15 janv. 2020, 31 décembre 2021, oct. 2020, Octobre – Décembre 2023, Mars', 'fr'),
    ).toEqual([]);
    expect(misformattedDates('January 15, 2020; Jan 1 – Dec 31, 2020; Oct 2020; may 2 people', 'en')).toEqual(
      [],
    );
  });
});
