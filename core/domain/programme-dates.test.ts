import { describe, expect, it } from 'vitest';
import { durationMonths, isInLastSixMonths } from './programme-dates.js';

const a1 = { startDate: null, firstTransferDate: '2020-01-15', endDate: '2022-07-15', revisedEndDate: null };

describe('programme dates', () => {
  it('gives the duration in months from the first transfer to the end', () => {
    expect(durationMonths(a1)).toBe(30);
    expect(durationMonths({ ...a1, revisedEndDate: '2023-01-15' })).toBe(36);
  });
  it('says whether the end is within six months', () => {
    expect(isInLastSixMonths(a1, '2020-11-30')).toBe(false);
    expect(isInLastSixMonths(a1, '2022-02-01')).toBe(true);
    expect(isInLastSixMonths(a1, '2022-07-16')).toBe(false);
  });
});
