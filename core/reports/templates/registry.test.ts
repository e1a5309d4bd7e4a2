import { describe, expect, it } from 'vitest';
import { reportTemplate } from '../../contracts/report-template.js';
import { findTemplate, reportTemplateInputs, reportTypesFor, withTemplateDefaults } from './registry.js';

describe('the report template registry', () => {
  it('fills exactly the defaults the contract fills, for every template', () => {
    expect(reportTemplateInputs.length).toBeGreaterThan(0);
    for (const input of reportTemplateInputs) {
      expect(withTemplateDefaults(input)).toEqual(reportTemplate.parse(input));
    }
  });

  it('fills the defaults nested in key figures and photos', () => {
    const input = {
      id: 'probe',
      version: '1',
      title: { fr: 'Essai' },
      validFrom: 2020,
      reportTypes: ['annual' as const],
      periods: {},
      sections: [
        {
          id: 'figures',
          title: { fr: 'Chiffres' },
          kind: 'key_figures' as const,
          figures: [
            { id: 'people', theme: { fr: 'Personnes' }, measure: { kind: 'sum_participants' as const } },
          ],
        },
        { id: 'photos', title: { fr: 'Photos' }, kind: 'photos' as const, photos: {} },
      ],
    };
    expect(withTemplateDefaults(input)).toEqual(reportTemplate.parse(input));
  });

  it('finds a template by id and version, with its defaults', () => {
    const t2020 = findTemplate('pbf-progress', '2020');
    const t2022 = findTemplate('pbf-progress', '2022');
    expect(t2020?.sections.map((s) => s.id)).toEqual([
      'header',
      'part_1',
      'part_2',
      'part_3',
      'part_4',
      'part_5',
    ]);
    expect(t2022?.sections.map((s) => s.id)).toEqual(['header', 'part_1', 'part_2', 'part_3', 'part_5']);
    // `fields` defaults to [] (Part V declares none in the data file: it is filled all the same)
    expect(t2022?.sections.every((s) => Array.isArray(s.fields))).toBe(true);
    expect(t2020?.acronymsToAvoid).toContain('PDSEC');
    expect(findTemplate('pbf-progress', '1999')).toBeUndefined();
  });

  it('proposes the types a report can be created for by year: those with a period rule', () => {
    expect(reportTypesFor(2019)).toEqual([]);
    expect(reportTypesFor(2023)).toEqual(['semi_annual', 'annual', 'final']);
  });
});
