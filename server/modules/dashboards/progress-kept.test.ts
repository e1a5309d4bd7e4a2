/**
 * The progress kept beside a remembered indicator (progress-kept.ts): measured once per indicator object and key,
 * again for another key or another object, a few keys at most.
 */
import { describe, expect, it, vi } from 'vitest';
import { computeProgress } from '../../../core/domain/progress.js';
import type { ValueOfRecord } from '../../../core/contracts/indicator-data.js';
import { keptProgress, programmeKey, progressKey } from './progress-kept.js';

const programme = { startDate: '2025-01-01', endDate: '2026-12-31', revisedEndDate: null };
const measured = (actual: number) =>
  computeProgress({
    measure: 'number',
    direction: 'increase',
    baseline: { text: '0', spec: { kind: 'number', value: 0 } },
    targets: [
      { kind: 'end', year: null, date: null, value: { text: '300', spec: { kind: 'number', value: 300 } } },
    ],
    actual: { text: String(actual), spec: { kind: 'number', value: actual } },
    asOf: '2025-12-31',
    end: '2026-12-31',
  });
const record = (text: string): ValueOfRecord => ({
  provenance: 'entered',
  value: { text, spec: { kind: 'number', value: Number(text) } },
  numericValue: Number(text),
  date: '2025-12-31',
  from: '2025-01-01',
  activityCount: null,
  reason: null,
  valueId: null,
});

describe('the progress kept beside an indicator', () => {
  const shared = programmeKey(programme, '2025-12-31', '2026-11-26');

  it('measures an indicator once for the same key, and again when its actual changes', () => {
    const indicator = {};
    const measure = vi.fn(() => measured(120));
    const key = progressKey(shared, record('120'), '2025-12-31', '2025-01-01');
    const first = keptProgress(indicator, key, measure);
    expect(
      keptProgress(indicator, progressKey(shared, record('120'), '2025-12-31', '2025-01-01'), measure),
    ).toBe(first);
    expect(measure).toHaveBeenCalledTimes(1);
    const other = vi.fn(() => measured(150));
    const changed = keptProgress(
      indicator,
      progressKey(shared, record('150'), '2025-12-31', '2025-01-01'),
      other,
    );
    expect(other).toHaveBeenCalledTimes(1);
    expect(changed.actual).toBe(150);
    // another indicator object (a framework read again) is measured afresh, even with the same key
    expect(keptProgress({}, key, measure)).not.toBe(first);
    expect(measure).toHaveBeenCalledTimes(2);
  });

  it('tells apart every input of the key: the dates, the day, the period, the actual and where it comes from', () => {
    const keys = [
      programmeKey(programme, '2025-12-31', '2026-11-26'),
      programmeKey(programme, '2025-12-31', '2026-11-27'),
      programmeKey(programme, '2025-06-30', '2026-11-26'),
      programmeKey({ ...programme, revisedEndDate: '2027-12-31' }, '2025-12-31', '2026-11-26'),
      programmeKey({ ...programme, startDate: null }, '2025-12-31', '2026-11-26'),
      progressKey(shared, record('120'), '2025-12-31', '2025-01-01'),
      progressKey(shared, record('120'), '2025-12-31', null),
      progressKey(shared, record('120'), '2025-09-30', '2025-01-01'),
      progressKey(shared, { ...record('120'), provenance: 'computed' }, '2025-12-31', '2025-01-01'),
      progressKey(shared, record('12'), '2025-12-31', '2025-01-01'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(progressKey(shared, null, '2025-12-31', null)).toBe(shared);
  });

  it('keeps two keys per indicator, the oldest forgotten first', () => {
    const indicator = {};
    const measure = vi.fn(() => measured(1));
    const at = (to: string) => keptProgress(indicator, programmeKey(programme, to, '2026-11-26'), measure);
    for (const to of ['2025-03-31', '2025-06-30', '2025-09-30']) at(to);
    expect(measure).toHaveBeenCalledTimes(3);
    at('2025-06-30');
    at('2025-09-30');
    expect(measure).toHaveBeenCalledTimes(3);
    at('2025-03-31');
    expect(measure).toHaveBeenCalledTimes(4);
  });
});
