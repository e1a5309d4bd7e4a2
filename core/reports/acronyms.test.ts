import { describe, expect, it } from 'vitest';
import { acronymOf, findAcronyms, spellsOut } from './acronyms.js';

const undefinedIn = (...texts: string[]) => {
  const { uses, defined } = findAcronyms(texts.map((text, i) => ({ path: `t${i}`, section: 's', text })));
  return uses.map((u) => u.acronym).filter((a) => !defined.has(a));
};

describe('acronyms', () => {
  it('reads an acronym in its forms: capitals of any length, a plural, a short mixed form', () => {
    expect(['MINUSMA', 'CROCSAD', 'PDIs', 'TdR', 'CoFos', 'Mali', 'A', 'Ségou'].map(acronymOf)).toEqual([
      'MINUSMA',
      'CROCSAD',
      'PDI',
      'TdR',
      'CoFo',
      null,
      null,
      null,
    ]);
  });

  it('counts an acronym spelled out anywhere in the report, in each form the seeds use', () => {
    expect(
      undefinedIn(
        'La CNDH a reçu les TdR.',
        "(et le partenariat avec la Commission nationale des Droits de l'Homme - CNDH).",
        'des Plans de Développement Social, Economique, et Culturel (PDSEC) et le PDSEC',
        'les VBG (violences basées sur le genre)',
        "le Groupe de Recherche et d'Applications Techniques (GRAT)",
      ),
    ).toEqual(['TdR']);
  });

  it('does not take a list in parentheses for a definition', () => {
    expect(undefinedIn('la réalisation des cadres de concertations (CROCSAD, CLOCSAD, CCOCSAD)')).toEqual([
      'CROCSAD',
      'CLOCSAD',
      'CCOCSAD',
    ]);
    expect(spellsOut('CROCSAD', 'cadres de concertations')).toBe(false);
    expect(spellsOut('AMAPROS', 'Association Malienne pour la Promotion du Sahel')).toBe(true);
  });

  it('leaves alone a title in capitals, placeholders, a marker code, roman numerals, common acronyms', () => {
    expect(
      undefinedIn(
        'porte sur LE CODE PASTORAL DE LA DIINA DE SEKOU AMADOU DU XIXEME SIECLE ET SON IMPACT. Puis la MINUSMA.',
        'NA',
        'TBD (barometre)',
        'le projet est GEN 1, marqueur GM2',
        'Partie IV du COVID-19 et des ONGs',
      ),
    ).toEqual(['MINUSMA']);
  });

  it('reads each run of dotted acronyms apart', () => {
    expect(undefinedIn('validées par la DSRSG.RC.HC et PBSO')).toEqual(['DSRSG', 'RC', 'HC', 'PBSO']);
  });
});
