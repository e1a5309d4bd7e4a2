import { describe, expect, it } from 'vitest';
import { findTemplate, reportTypesFor } from './templates.js';

describe('templates in the browser', () => {
  it('knows every template data file of core/reports/templates, with the schema’s defaults', () => {
    const t2020 = findTemplate({ id: 'pbf-progress', version: '2020' });
    const t2022 = findTemplate({ id: 'pbf-progress', version: '2022' });
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
    expect(findTemplate({ id: 'pbf-progress', version: '1999' })).toBeUndefined();
  });

  it('proposes the types a report can be created for by year: those with a period rule', () => {
    expect(reportTypesFor(2019)).toEqual([]);
    expect(reportTypesFor(2023)).toEqual(['semi_annual', 'annual', 'final']);
  });
});
