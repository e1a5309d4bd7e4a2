import { describe, expect, it } from 'vitest';
import { toStoredValue } from './stored-value.js';
import { valueOfRecord, type ComputedCandidate, type StoredCandidate } from './value-of-record.js';

const year2023 = { from: '2023-01-01', to: '2023-12-31' };
let n = 0;
const stored = (text: string, partial: Partial<StoredCandidate> = {}): StoredCandidate => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  periodStart: '2023-01-01',
  periodEnd: '2023-12-31',
  value: toStoredValue(text),
  numericValue: Number.parseInt(text, 10) || null,
  reason: null,
  provenance: 'entered',
  createdAt: '2024-01-10T10:00:00.000Z',
  ...partial,
});
const computed = (value: number, activityCount: number): ComputedCandidate => ({
  value,
  stored: toStoredValue(`${value} dont 556 femmes`),
  activityCount,
});

describe('the value of record of an indicator for a period', () => {
  it('is the value computed from the activities when nobody stored one, with how many activities', () => {
    expect(valueOfRecord(year2023, [], computed(872, 12))).toMatchObject({
      provenance: 'computed',
      numericValue: 872,
      value: { text: '872 dont 556 femmes' },
      date: '2023-12-31',
      activityCount: 12,
      valueId: null,
    });
  });

  it('is a value entered for the period over the computed one, with its date and reason', () => {
    const entered = stored('900', { reason: 'rapport ONU Femmes', periodEnd: '2023-12-31' });
    expect(valueOfRecord(year2023, [entered], computed(872, 12))).toMatchObject({
      provenance: 'entered',
      numericValue: 900,
      date: '2023-12-31',
      reason: 'rapport ONU Femmes',
      activityCount: null,
      valueId: entered.id,
    });
  });

  it('names a kept computed value, an import and the seeds apart', () => {
    for (const [provenance, expected] of [
      ['computed', 'computed_kept'],
      ['imported', 'imported'],
      ['seed', 'seed'],
    ] as const) {
      expect(valueOfRecord(year2023, [stored('5', { provenance })], null).provenance).toBe(expected);
    }
  });

  it('takes the latest period, then the latest recorded, among the values ending within the period', () => {
    const june = stored('10', { periodStart: '2023-01-01', periodEnd: '2023-06-30' });
    const december = stored('20', { periodStart: '2023-07-01', periodEnd: '2023-12-31' });
    const correction = stored('21', { periodEnd: '2023-12-31', createdAt: '2024-02-01T08:00:00.000Z' });
    expect(valueOfRecord(year2023, [june, december], null).numericValue).toBe(20);
    expect(valueOfRecord(year2023, [correction, june, december], null).numericValue).toBe(21);
  });

  it('ignores values ending outside the period, and values without a value', () => {
    const before = stored('7', { periodStart: '2022-01-01', periodEnd: '2022-12-31' });
    const after = stored('8', { periodStart: '2023-07-01', periodEnd: '2024-06-30' });
    const empty = { ...stored('9'), value: null };
    expect(valueOfRecord(year2023, [before, after, empty], computed(3, 1))).toMatchObject({
      provenance: 'computed',
      numericValue: 3,
    });
  });

  it('is nothing when no value is stored and the rule found no activity', () => {
    expect(valueOfRecord(year2023, [], computed(0, 0))).toMatchObject({ provenance: 'none', value: null });
    expect(valueOfRecord(year2023, [], null).provenance).toBe('none');
  });
});
