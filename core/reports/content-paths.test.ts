import { describe, expect, it } from 'vitest';
import { reportContent } from '../contracts/report.js';
import { getAt, mergeChanges, parseContentPath, setAt } from './content-paths.js';

describe('content paths', () => {
  it('reads every kind of place, indicator codes with dots included', () => {
    expect(parseContentPath('fields.overall_status')).toEqual({ kind: 'field', field: 'overall_status' });
    expect(parseContentPath('outcomes.2.rating')).toEqual({ kind: 'outcome_rating', outcome: '2' });
    expect(parseContentPath('outcomes.1.fields.progress_summary')).toEqual({
      kind: 'outcome_field',
      outcome: '1',
      field: 'progress_summary',
    });
    expect(parseContentPath('indicators.1.1.2.reason')).toEqual({
      kind: 'indicator',
      indicator: '1.1.2',
      column: 'reason',
    });
    expect(parseContentPath('fields')).toBeUndefined();
    expect(parseContentPath('indicators.1.1.2.colour')).toBeUndefined();
  });

  it('sets without touching the original', () => {
    const empty = reportContent.parse({});
    const path = parseContentPath('indicators.1.1.2.progress')!;
    const next = setAt(empty, path, '15 dont 6 femmes');
    expect(getAt(next, path)).toBe('15 dont 6 femmes');
    expect(getAt(empty, path)).toBeNull();
  });

  it('merges changes to untouched places and reports clashes with both values', () => {
    const base = reportContent.parse({ fields: { a: 'base', b: 'base' } });
    const current = reportContent.parse({ fields: { a: 'theirs', b: 'base' } });
    const at = (p: string) => parseContentPath(p)!;
    const result = mergeChanges(base, current, [
      { path: at('fields.a'), raw: 'fields.a', value: 'mine' },
      { path: at('fields.b'), raw: 'fields.b', value: 'mine' },
    ]);
    expect(result.content.fields).toEqual({ a: 'theirs', b: 'mine' });
    expect(result.conflicts).toEqual([{ path: 'fields.a', mine: 'mine', theirs: 'theirs' }]);
    // writing what the other already wrote is not a clash
    expect(
      mergeChanges(base, current, [{ path: at('fields.a'), raw: 'fields.a', value: 'theirs' }]).conflicts,
    ).toEqual([]);
  });
});
