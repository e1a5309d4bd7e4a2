import { describe, expect, it } from 'vitest';
import { countsPeople, splitsOf } from './sex-age.js';

describe('sex and age of a figure', () => {
  it('tells the sex split from the age split', () => {
    expect(splitsOf('166 dont 42 femmes soit 25%')).toEqual({ sex: true, age: false });
    expect(splitsOf('15 dont 6 femmes')).toEqual({ sex: true, age: false });
    expect(splitsOf('220 personnes, dont 40 jeunes de 18 à 35 ans')).toEqual({ sex: false, age: true });
    expect(splitsOf('272 élèves (110 filles)')).toEqual({ sex: true, age: true });
    expect(splitsOf('120 (60 F, 60 H), 30 de moins de 25 ans')).toEqual({ sex: true, age: true });
    expect(
      splitsOf(
        '150 personnes formées (50 agents de santé communautaires – 50 relais communautaires – 25 tradi-thérapeutes – 25 leaders religieux)',
      ),
    ).toEqual({ sex: false, age: false });
  });

  it('knows an indicator that counts people from one that counts things', () => {
    expect(countsPeople('Nombre de personnes formées sur la prévention du COVID-19', [])).toBe(true);
    expect(countsPeople("Nbre d'acteurs de la securite formes", [])).toBe(true);
    expect(countsPeople('Number of women trained', [])).toBe(true);
    expect(
      countsPeople("Nombre d'ateliers organisés dont les participants sont au moins 30% de femmes", []),
    ).toBe(false);
    expect(countsPeople('Nombre de cordons sanitaires appuyés', [])).toBe(false);
    expect(countsPeople('Niveau de confiance des populations', ['sex', 'age'])).toBe(true);
  });
});
