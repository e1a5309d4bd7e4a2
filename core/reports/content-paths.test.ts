import { afterEach, describe, expect, it } from 'vitest';
import { reportContent } from '../contracts/report.js';
import { getAt, mergeChanges, parseContentPath, setAt, type ContentPath } from './content-paths.js';

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

  it('shares every part it does not touch, and changes none', () => {
    const content = reportContent.parse({
      fields: { a: 'x' },
      outcomes: { '1': { rating: 'on_track', fields: { summary: 'y' } }, '2': { rating: null, fields: {} } },
      indicators: { '1.1': { progress: '3', reason: null, included: true } },
    });
    const before = structuredClone(content);
    const field = setAt(content, parseContentPath('fields.a')!, 'z');
    expect(field.outcomes).toBe(content.outcomes);
    expect(field.indicators).toBe(content.indicators);
    const outcome = setAt(content, parseContentPath('outcomes.1.fields.summary')!, 'w');
    expect(outcome.fields).toBe(content.fields);
    expect(outcome.outcomes['2']).toBe(content.outcomes['2']);
    expect(outcome.outcomes['1']).toEqual({ rating: 'on_track', fields: { summary: 'w' } });
    const row = setAt(content, parseContentPath('indicators.1.1.included')!, false);
    expect(row.outcomes).toBe(content.outcomes);
    expect(row.indicators['1.1']).toEqual({ progress: '3', reason: null, included: false });
    expect(content).toEqual(before);
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

describe('paths naming the prototype (issue 12)', () => {
  const forbidden = ['__proto__', 'constructor', 'prototype'];
  const polluted = () => [
    ...Object.getOwnPropertyNames(Object.prototype).filter((k) =>
      ['progress', 'reason', 'included', 'rating', 'fields', 'x'].includes(k),
    ),
    ...['progress', 'reason', 'included', 'rating', 'fields'].filter((k) => Object.hasOwn(Object, k)),
  ];
  afterEach(() => {
    // a failing run must not leave the rest of the file polluted
    for (const k of ['progress', 'reason', 'included', 'rating', 'fields', 'x']) {
      delete (Object.prototype as Record<string, unknown>)[k];
      delete (Object as unknown as Record<string, unknown>)[k];
    }
  });

  it('are not places: every segment named __proto__, constructor or prototype is refused', () => {
    for (const key of forbidden) {
      for (const path of [
        `fields.${key}`,
        `outcomes.${key}.rating`,
        `outcomes.${key}.fields.progress_summary`,
        `outcomes.1.fields.${key}`,
        `indicators.${key}.progress`,
        `indicators.1.${key}.reason`,
        `indicators.${key}.prototype.included`,
      ]) {
        expect(parseContentPath(path), path).toBeUndefined();
      }
    }
    expect(parseContentPath('indicators.constructor.prototype.progress')).toBeUndefined();
  });

  it('setAt refuses them and leaves Object.prototype alone', () => {
    const empty = reportContent.parse({});
    const paths: ContentPath[] = forbidden.flatMap((key) => [
      { kind: 'field', field: key },
      { kind: 'outcome_rating', outcome: key },
      { kind: 'outcome_field', outcome: key, field: 'x' },
      { kind: 'outcome_field', outcome: '1', field: key },
      { kind: 'indicator', indicator: key, column: 'progress' },
      { kind: 'indicator', indicator: key, column: 'included' },
    ]);
    paths.push({ kind: 'indicator', indicator: 'constructor.prototype', column: 'progress' });
    for (const path of paths) {
      const value = path.kind === 'outcome_rating' ? 'on_track' : 'x';
      expect(() => setAt(empty, path, value), JSON.stringify(path)).toThrow(
        /__proto__|constructor|prototype/,
      );
      expect(getAt(empty, path), JSON.stringify(path)).toBe(
        path.kind === 'indicator' && path.column === 'included' ? true : null,
      );
    }
    expect(polluted()).toEqual([]);
    expect(({} as Record<string, unknown>).progress).toBeUndefined();
    expect(empty).toEqual(reportContent.parse({}));
  });

  it('getAt does not read what the prototype holds', () => {
    const empty = reportContent.parse({});
    expect(getAt(empty, { kind: 'field', field: 'constructor' })).toBeNull();
    expect(getAt(empty, { kind: 'field', field: 'toString' })).toBeNull();
    expect(getAt(empty, { kind: 'outcome_rating', outcome: 'hasOwnProperty' })).toBeNull();
  });

  it('mergeChanges refuses them and leaves Object.prototype alone', () => {
    const base = reportContent.parse({});
    const current = reportContent.parse({ fields: { a: 'theirs' } });
    for (const key of forbidden) {
      const change = {
        path: { kind: 'indicator', indicator: key, column: 'progress' } as ContentPath,
        raw: `indicators.${key}.progress`,
        value: 'x',
      };
      expect(() => mergeChanges(base, current, [change])).toThrow(/__proto__|constructor|prototype/);
      const rating = {
        path: { kind: 'outcome_rating', outcome: key } as ContentPath,
        raw: `outcomes.${key}.rating`,
        value: 'on_track',
      };
      expect(() => mergeChanges(base, current, [rating])).toThrow(/__proto__|constructor|prototype/);
    }
    expect(polluted()).toEqual([]);
    expect(current).toEqual(reportContent.parse({ fields: { a: 'theirs' } }));
  });
});
