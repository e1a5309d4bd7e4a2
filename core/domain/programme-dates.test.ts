import { describe, expect, it } from 'vitest';
import { durationMonths, isInLastSixMonths } from './programme-dates.js';

const a1 = { startDate: null, firstTransferDate: '2020-01-15', endDate: '2022-07-15', revisedEndDate: null };

describe('programme dates', () => {
  it('counts the months as the Fund does: from the first transfer to the end, both months included', () => {
    // seed 000 (PBF/MLI/A-3): "9 mars 2020 … 3 aout 2022 (30 mois)" — 28.8 months apart, 30 as counted
    expect(durationMonths({ ...a1, firstTransferDate: '2020-03-09', endDate: '2022-08-03' })).toBe(30);
    // PBF/MLI/A-2: January 2020 to 31 December 2021
    expect(durationMonths({ ...a1, firstTransferDate: '2020-01-01', endDate: '2021-12-31' })).toBe(24);
    expect(durationMonths(a1)).toBe(31);
    expect(durationMonths({ ...a1, revisedEndDate: '2023-01-15' })).toBe(37);
    expect(durationMonths({ ...a1, firstTransferDate: null })).toBe(0);
  });
  it('says whether the end is within six months', () => {
    expect(isInLastSixMonths(a1, '2020-11-30')).toBe(false);
    expect(isInLastSixMonths(a1, '2022-02-01')).toBe(true);
    expect(isInLastSixMonths(a1, '2022-07-16')).toBe(false);
  });
});
