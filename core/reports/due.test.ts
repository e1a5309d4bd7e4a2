import { describe, expect, it } from 'vitest';
import { dueReports } from './due.js';

const a1 = { slug: 'pbf-mli-a-1', code: 'PBF/MLI/A-1', start: '2020-01-15', end: '2022-07-15' };

describe('what is due and who is late', () => {
  it('follows the Fund calendar from the first transfer to three months after the end', () => {
    const due = dueReports([a1], [], '2022-12-01', { lookBackDays: 3650, lookAheadDays: 365 });
    expect(due.map((d) => `${d.type} ${d.year} ${d.dueDate}`)).toEqual([
      'semi_annual 2020 2020-06-15',
      'annual 2020 2020-11-15',
      'semi_annual 2021 2021-06-15',
      'annual 2021 2021-11-15',
      'semi_annual 2022 2022-06-15',
      'final 2022 2022-10-15',
    ]);
  });

  it('says which reports are late and by how many days, and which are done', () => {
    const due = dueReports(
      [a1],
      [{ slug: 'pbf-mli-a-1', type: 'annual', year: 2020, status: 'approved', id: 'x' }],
      '2020-12-01',
      { lookBackDays: 365, lookAheadDays: 30 },
    );
    expect(due.find((d) => d.type === 'annual')).toMatchObject({ done: true, late: false });
    expect(due.find((d) => d.type === 'semi_annual')).toMatchObject({
      done: false,
      late: true,
      daysLate: 169,
      report: null,
    });
  });

  it('keeps a report that was never sent on the list, however late', () => {
    const due = dueReports(
      [a1],
      [{ slug: 'pbf-mli-a-1', type: 'annual', year: 2020, status: 'approved', id: 'x' }],
      '2026-11-26',
    );
    expect(due.map((d) => `${d.type} ${d.year}`)).toEqual([
      'semi_annual 2020',
      'semi_annual 2021',
      'annual 2021',
      'semi_annual 2022',
      'final 2022',
    ]);
    expect(due.every((d) => d.late)).toBe(true);
    expect(due.at(-1)).toMatchObject({ dueDate: '2022-10-15', daysLate: 1503 });
  });
});
