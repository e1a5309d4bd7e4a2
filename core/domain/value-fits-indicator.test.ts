import { describe, expect, it } from 'vitest';
import { t } from '../i18n/t.js';
import { toStoredValue } from './stored-value.js';
import {
  fitToIndicator,
  sayValueFinding,
  valueFindings,
  type IndicatorMeasure,
} from './value-fits-indicator.js';

const findings = (measure: IndicatorMeasure, text: string) => {
  const v = toStoredValue(text, { percentIndicator: measure === 'percent' });
  return valueFindings(measure, v.spec, v.text).map((f) => f.key.replace('checks.value.', ''));
};

describe('a value against its indicator', () => {
  it('takes a number, with its parts, for a number indicator, and refuses words', () => {
    expect(findings('number', '120 dont 45 femmes')).toEqual([]);
    expect(
      findings('number', '220 personnes (soit 140 autorités locales, 40 femmes et 40 jeunes de 18 à 35 ans)'),
    ).toEqual([]);
    expect(findings('number', 'beaucoup')).toEqual(['notANumber']);
    expect(findings('number', 'Plan d’action 2022')).toEqual(['notANumber']);
    expect(findings('number', '-5')).toEqual(['notANumber']);
  });

  it('says "no figure" in any measure: n/a and TBD', () => {
    for (const measure of ['number', 'percent', 'yes_no', 'document', 'index'] as const) {
      expect(findings(measure, 'n/a')).toEqual([]);
      expect(findings(measure, 'TBD (baromètre)')).toEqual([]);
    }
  });

  it('takes a share between 0 and 100 for a percentage, a bare number read as one', () => {
    expect(findings('percent', '45 %')).toEqual([]);
    expect(findings('percent', '45')).toEqual([]);
    expect(findings('percent', '140 %')).toEqual(['percentOutOfRange']);
    expect(findings('percent', '140')).toEqual(['percentOutOfRange']);
    expect(findings('percent', 'élevé')).toEqual(['notAPercent']);
    expect(fitToIndicator('percent', toStoredValue('45').spec)).toEqual({ kind: 'percent', value: 45 });
    expect(fitToIndicator('number', toStoredValue('45').spec)).toEqual({ kind: 'number', value: 45 });
  });

  it('refuses a part over its total, and disjoint groups over it together; overlapping groups may overlap', () => {
    expect(findings('number', '50 dont 60 femmes')).toEqual(['partOverTotal']);
    expect(findings('number', '100 dont 60 femmes et 50 hommes')).toEqual(['disjointOverTotal']);
    // youth are women or men: 60 women and 50 youth of 100 is possible
    expect(findings('number', '100 dont 60 femmes et 50 jeunes')).toEqual([]);
    expect(findings('number', '100 dont 60 femmes et 40 hommes')).toEqual([]);
    expect(findings('number', '100 dont 130% de femmes')).toEqual(['partOver100']);
    expect(findings('number', '100 dont 60% de femmes et 50% d’hommes')).toEqual(['disjointOverTotal']);
  });

  it('takes yes or no for a yes/no indicator, anything for a text one', () => {
    expect(findings('yes_no', 'oui')).toEqual([]);
    expect(findings('yes_no', '12')).toEqual(['notYesNo']);
    expect(findings('text', 'beaucoup')).toEqual([]);
  });

  it('says each finding in the reader’s language, naming the group and the figures', () => {
    const v = toStoredValue('50 dont 60 femmes');
    const [finding] = valueFindings('number', v.spec, v.text);
    expect(sayValueFinding(finding!, (key, params) => t('fr', key, params), 'fr')).toBe(
      'La part « femmes » (60) dépasse le total (50).',
    );
    expect(sayValueFinding(finding!, (key, params) => t('en', key, params), 'en')).toBe(
      'The part “women” (60) is more than the total (50).',
    );
  });
});
