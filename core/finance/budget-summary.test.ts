import { describe, expect, it } from 'vitest';
import type { OrganisationRef } from '../contracts/programme-api.js';
import { summariseBudget } from './budget-summary.js';

const org = (n: number, code: string): OrganisationRef => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  code,
  kind: 'un_agency',
  name: { fr: code },
  acronym: null,
});
const undp = org(1, 'UNDP');
const unwomen = org(2, 'UNWOMEN');
const pbf = org(3, 'PBF');
const nl = org(4, 'NETHERLANDS');

describe('the budget of record', () => {
  it('takes the budget lines when there are any, whatever the header states, and says what no agency carries', () => {
    const b = summariseBudget({
      lineCount: 3,
      lineAmounts: [
        { agencyId: undp.id, donorId: null, year: 2022, amount: 0.1 },
        { agencyId: undp.id, donorId: null, year: 2023, amount: 0.2 },
        { agencyId: null, donorId: null, year: 2023, amount: 100 },
      ],
      recipients: [
        { organisation: undp, stated: 999 },
        { organisation: unwomen, stated: null },
      ],
      donors: [
        { organisation: pbf, amount: 40 },
        { organisation: pbf, amount: 10 },
        { organisation: nl, amount: null },
      ],
    });
    expect(b).toMatchObject({ source: 'budget_lines', total: 100.3, lines: 3, unattributed: 100 });
    expect(b.byAgency.map((a) => [a.organisation.code, a.amount])).toEqual([
      ['UNDP', 0.3],
      ['UNWOMEN', 0],
    ]);
    // the donors' allocations, one row per donor; the rest is not allocated — never the total again
    expect(b).toMatchObject({ donorSource: 'allocations', allocated: 50, unallocated: 50.3 });
    expect(b.byDonor.map((d) => [d.organisation.code, d.amount])).toEqual([['PBF', 50]]);
    expect(b.byYear).toEqual([
      { year: 2022, amount: 0.1 },
      { year: 2023, amount: 100.2 },
    ]);
  });

  it('charges donors from the lines when lines name donors', () => {
    const b = summariseBudget({
      lineCount: 2,
      lineAmounts: [
        { agencyId: undp.id, donorId: nl.id, year: 2024, amount: 30 },
        { agencyId: undp.id, donorId: null, year: 2024, amount: 70 },
      ],
      recipients: [{ organisation: undp, stated: null }],
      donors: [
        { organisation: pbf, amount: 1000 },
        { organisation: nl, amount: 5 },
      ],
    });
    expect(b).toMatchObject({ donorSource: 'budget_lines', allocated: 30, unallocated: 70, total: 100 });
    expect(b.byDonor.map((d) => d.organisation.code)).toEqual(['NETHERLANDS']);
  });

  it('takes the stated amounts without lines, and says when the allocations go beyond the budget', () => {
    const b = summariseBudget({
      lineCount: 0,
      lineAmounts: [],
      recipients: [
        { organisation: undp, stated: 2_973_842.16 },
        { organisation: unwomen, stated: 1_026_157.82 },
      ],
      donors: [{ organisation: pbf, amount: 4_100_000 }],
    });
    expect(b).toMatchObject({ source: 'stated', total: 3_999_999.98, unattributed: 0, byYear: [] });
    expect(b.unallocated).toBe(-100_000.02);
  });

  it('says none when nothing is known', () => {
    expect(summariseBudget({ lineCount: 0, lineAmounts: [], recipients: [], donors: [] })).toMatchObject({
      source: 'none',
      total: 0,
      donorSource: 'none',
      unallocated: 0,
    });
  });
});
