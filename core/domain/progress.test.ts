/**
 * Progress on every baseline and target form of the domain brief (../shared/brief/domain.md, "What real data
 * looks like"), each written as the documents write it and read by the value parser.
 */
import { describe, expect, it } from 'vitest';
import { toStoredValue } from './stored-value.js';
import { computeProgress, dateOf, expectedAt, resolveTarget, type ProgressInput } from './progress.js';

const v = (text: string, percent = false) => toStoredValue(text, { percentIndicator: percent });

function input(partial: Partial<ProgressInput> & { target?: string; percent?: boolean }): ProgressInput {
  const percent = partial.percent ?? false;
  return {
    measure: percent ? 'percent' : 'number',
    direction: 'increase',
    baseline: v('0'),
    targets: partial.target
      ? [{ kind: 'end', year: null, date: null, value: v(partial.target, percent) }]
      : [],
    actual: null,
    asOf: '2023-12-31',
    start: '2021-01-01',
    end: '2025-12-31',
    ...partial,
  };
}

describe('an absolute target (4000)', () => {
  it('is reached halfway through on track when half is done', () => {
    const p = computeProgress(input({ target: '4000', actual: v('2000'), asOf: '2023-07-02' }));
    expect(p.target).toBe(4000);
    expect(p.achievement).toBe(0.5);
    expect(p.expected).toBeCloseTo(2000, -1);
    expect(p.status).toBe('on_track');
  });
  it('is at risk at two thirds of the expected pace, off track below 60%', () => {
    expect(computeProgress(input({ target: '4000', actual: v('1400'), asOf: '2023-07-02' })).status).toBe(
      'at_risk',
    );
    expect(computeProgress(input({ target: '4000', actual: v('1000'), asOf: '2023-07-02' })).status).toBe(
      'off_track',
    );
  });
  it('is achieved once reached, whatever the date', () => {
    const p = computeProgress(input({ target: '4000', actual: v('4 200'), asOf: '2022-01-01' }));
    expect(p.status).toBe('achieved');
    expect(p.achievement).toBeCloseTo(1.05);
  });
  it('has no data without an actual value', () => {
    expect(computeProgress(input({ target: '4000' })).status).toBe('no_data');
  });
});

describe('a percentage target (25%)', () => {
  it('is measured in points from the baseline', () => {
    const p = computeProgress(
      input({
        percent: true,
        baseline: v('10%', true),
        target: '25%',
        actual: v('12%', true),
        asOf: '2023-07-02',
      }),
    );
    expect(p.target).toBe(25);
    expect(p.achievement).toBeCloseTo(2 / 15, 3);
    expect(p.status).toBe('off_track');
  });
  it('needs a numeric baseline: TBD (baromètre) cannot be measured', () => {
    const p = computeProgress(
      input({ percent: true, baseline: v('TBD (baromètre)'), target: '25%', actual: v('20%', true) }),
    );
    expect(p.status).toBe('not_measurable');
    expect(p.reason).toBe('no_baseline');
  });
});

describe('relative targets, resolved against the baseline', () => {
  it('+5% dans les zones ciblées on 78,97% (Donnée nationale 11/2020) is 83.97 (points)', () => {
    const p = computeProgress(
      input({
        percent: true,
        baseline: v('78,97% (Donnée nationale 11/2020)', true),
        target: '+5% dans les zones ciblées',
        actual: v('82%', true),
      }),
    );
    expect(p.baseline).toBe(78.97);
    expect(p.target).toBe(83.97);
    expect(p.achievement).toBeCloseTo(0.606, 3);
    // the schedule starts at the baseline's own date (November 2020), not the programme's start
    expect(p.expected).toBeGreaterThan(80.9);
  });
  it('augmentation de 5% on a percentage indicator is 5 points', () => {
    const p = computeProgress(
      input({
        percent: true,
        baseline: v('40%', true),
        target: 'augmentation de 5%',
        actual: v('45%', true),
      }),
    );
    expect(p.target).toBe(45);
    expect(p.status).toBe('achieved');
  });
  it('augmentation de au moins 30% on a count is 30 percent of the baseline', () => {
    const p = computeProgress(
      input({ baseline: v('200'), target: 'augmentation de au moins 30%', actual: v('230') }),
    );
    expect(p.target).toBe(260);
    expect(p.achievement).toBe(0.5);
  });
  it('the unit can be said explicitly: +5 points vs +5 percent', () => {
    expect(resolveTarget({ kind: 'relative', delta: 5, unit: 'points', direction: 'increase' }, 60)).toEqual({
      value: 65,
    });
    expect(resolveTarget({ kind: 'relative', delta: 5, unit: 'percent', direction: 'increase' }, 60)).toEqual(
      {
        value: 63,
      },
    );
  });
  it('a decrease can be the goal: pre-trial detention 70% → -10% is 60%', () => {
    const base = input({
      percent: true,
      baseline: v('70%', true),
      target: '-10%',
      asOf: '2025-12-31',
    });
    const reached = computeProgress({ ...base, actual: v('59%', true) });
    expect(reached.direction).toBe('decrease');
    expect(reached.target).toBe(60);
    expect(reached.status).toBe('achieved');
    const short = computeProgress({ ...base, actual: v('64%', true) });
    expect(short.achievement).toBeCloseTo(0.6);
    expect(short.status).toBe('at_risk');
    const worse = computeProgress({ ...base, actual: v('72%', true) });
    expect(worse.achievement).toBeCloseTo(-0.2);
    expect(worse.status).toBe('off_track');
  });
  it('an absolute target below the baseline is a decrease even on an indicator that says increase', () => {
    const p = computeProgress(
      input({ baseline: v('50'), target: '30', actual: v('40'), asOf: '2025-12-31' }),
    );
    expect(p.direction).toBe('decrease');
    expect(p.achievement).toBe(0.5);
  });
  it('a relative target without a baseline cannot be measured', () => {
    const p = computeProgress(input({ baseline: v('Tbd (DTM)'), target: '+5%', actual: v('10') }));
    expect(p.status).toBe('not_measurable');
    expect(p.reason).toBe('no_baseline');
  });
});

describe('targets with a share or a breakdown', () => {
  it('330, dont 30% des femmes against 166 dont 42 femmes soit 25%', () => {
    const p = computeProgress(
      input({ target: '330, dont 30% des femmes', actual: v('166 dont 42 femmes soit 25%') }),
    );
    expect(p.target).toBe(330);
    expect(p.parts).toEqual([{ group: 'women', target: 30, unit: 'percent', actual: 25.3, met: false }]);
  });
  it('350 (dont au moins 150 femmes) against 360 dont 160 femmes', () => {
    const p = computeProgress(
      input({ target: '350 (dont au moins 150 femmes)', actual: v('360 dont 160 femmes') }),
    );
    expect(p.status).toBe('achieved');
    expect(p.parts).toEqual([{ group: 'women', target: 150, unit: 'count', actual: 160, met: true }]);
  });
  it('220 personnes (soit 140 autorités locales…, 40 femmes et 40 jeunes de 18 à 35 ans)', () => {
    const p = computeProgress(
      input({
        target:
          '220 personnes (soit 140 autorités locales et leaders communautaires, 40 femmes et 40 jeunes de 18 à 35 ans)',
        actual: v('120 personnes dont 50 femmes'),
      }),
    );
    expect(p.target).toBe(220);
    expect(p.parts.map((x) => [x.group, x.target, x.actual, x.met])).toEqual([
      ['autorités locales et leaders communautaires', 140, null, null],
      ['women', 40, 50, true],
      ['jeunes de 18 à 35 ans', 40, null, null],
    ]);
  });
});

describe('deliverables', () => {
  const plan = (actual: string | null, asOf: string) =>
    computeProgress({
      ...input({}),
      measure: 'document',
      targets: [{ kind: 'annual', year: 2022, date: null, value: v("Plan d'action 2022") }],
      actual: actual === null ? null : v(actual),
      asOf,
    });
  it("Plan d'action 2022 is achieved once delivered", () => {
    expect(plan('Oui', '2022-06-30').status).toBe('achieved');
    expect(plan("Plan d'action 2022 adopté", '2022-06-30').status).toBe('achieved');
  });
  it('is on track until its year ends, off track after', () => {
    expect(plan('Non', '2022-06-30').status).toBe('on_track');
    expect(plan('Non', '2023-01-15').status).toBe('off_track');
  });
  it('a strategy written as 1 on a document indicator', () => {
    const p = computeProgress({
      ...input({ target: '1' }),
      measure: 'document',
      actual: v('1'),
    });
    expect(p.status).toBe('achieved');
  });
});

describe('targets that cannot be measured', () => {
  it('text: plus grande participation', () => {
    const p = computeProgress(
      input({ baseline: v('faible participation'), target: 'plus grande participation', actual: v('12') }),
    );
    expect(p).toMatchObject({ status: 'not_measurable', reason: 'text_target' });
  });
  it('Tbd', () => {
    expect(computeProgress(input({ target: 'Tbd', actual: v('12') }))).toMatchObject({
      status: 'not_measurable',
      reason: 'tbd',
    });
  });
  it('n/a', () => {
    expect(computeProgress(input({ target: 'n/a', actual: v('12') })).reason).toBe('not_applicable');
  });
  it('two values in one cell: 59,49% (police) ; 88,01% (gendarmerie)', () => {
    const p = computeProgress(
      input({
        percent: true,
        baseline: v('59,49% (police) ; 88,01% (gendarmerie)', true),
        target: '+5%',
        actual: v('60%', true),
      }),
    );
    expect(p).toMatchObject({ status: 'not_measurable', reason: 'multi' });
  });
  it('no target at all', () => {
    expect(computeProgress(input({ actual: v('3') })).status).toBe('no_target');
  });
});

describe('milestones and yearly targets give the expected value at a date', () => {
  it('a milestone 150 (06/2021) is expected at the end of June 2021', () => {
    const p = computeProgress({
      ...input({ target: '300' }),
      targets: [
        { kind: 'milestone', year: null, date: null, value: v('150 (06/2021)') },
        { kind: 'end', year: null, date: null, value: v('300') },
      ],
      actual: v('120'),
      asOf: '2021-06-30',
    });
    expect(p.expected).toBe(150);
    expect(p.pace).toBe(0.8);
    expect(p.status).toBe('at_risk');
  });
  it('yearly targets with a gap ("/") are skipped: straight from 2022 to 2024', () => {
    const p = computeProgress({
      ...input({}),
      targets: [
        { kind: 'annual', year: 2022, date: null, value: v('100') },
        { kind: 'annual', year: 2023, date: null, value: null },
        { kind: 'annual', year: 2024, date: null, value: v('300') },
        { kind: 'end', year: null, date: null, value: v('400') },
      ],
      actual: v('200'),
      asOf: '2023-12-31',
    });
    expect(p.expected).toBeCloseTo(200, 0);
    expect(p.status).toBe('on_track');
  });
  it('PROSMED 1.2.2 (cumulative 580, 1160, 1550… 2330) at the end of 2023', () => {
    const years = { 2021: '580', 2022: '1160', 2023: '1550', 2024: '1940', 2025: '2330' };
    const p = computeProgress({
      ...input({}),
      baseline: v('0'),
      start: '2021-07-01',
      targets: [
        ...Object.entries(years).map(([y, t]) => ({
          kind: 'annual' as const,
          year: Number(y),
          date: null,
          value: v(t),
        })),
        { kind: 'end', year: null, date: null, value: v('2330') },
      ],
      actual: v('1400'),
      asOf: '2023-12-31',
    });
    expect(p.expected).toBe(1550);
    expect(p.pace).toBeCloseTo(0.9032, 3);
    expect(p.status).toBe('on_track');
  });
  it('a count with its baseline still to be established starts from 0', () => {
    const p = computeProgress(
      input({
        baseline: v('Baseline à établir avant le démarrage des activités'),
        target: '2330',
        actual: v('500'),
      }),
    );
    expect(p.baseline).toBe(0);
    expect(p.status).not.toBe('not_measurable');
  });
  it('expectedAt holds the ends and interpolates between points', () => {
    const points = [
      { date: '2021-01-01', value: 0 },
      { date: '2021-12-31', value: 100 },
    ];
    expect(expectedAt(points, '2020-06-01')).toBe(0);
    expect(expectedAt(points, '2030-01-01')).toBe(100);
    expect(expectedAt([], '2021-01-01')).toBeNull();
    expect(dateOf('2021-02')).toBe('2021-02-28');
    expect(dateOf('2024-02')).toBe('2024-02-29');
  });

  it('reads a year, a month or a day as a date, and leaves anything else as it is', () => {
    expect(dateOf('2023')).toBe('2023-12-31');
    expect(dateOf('2023', false)).toBe('2023-01-01');
    expect(dateOf('2023-06', false)).toBe('2023-06-01');
    expect(dateOf('2023-12')).toBe('2023-12-31');
    expect(dateOf('2023-06-15')).toBe('2023-06-15');
    for (const other of ['2023-6', 'juin 2023', '2023-06-1', '20230', '2023-06-15T00', '']) {
      expect(dateOf(other)).toBe(other);
    }
  });
});

describe('an indicator to maintain', () => {
  it('is on track within 5% of its target, at risk within 10%', () => {
    const base = { ...input({ baseline: v('80'), target: '80' }), direction: 'maintain' as const };
    expect(computeProgress({ ...base, actual: v('78') }).status).toBe('on_track');
    expect(computeProgress({ ...base, actual: v('73') }).status).toBe('at_risk');
    expect(computeProgress({ ...base, actual: v('60') }).status).toBe('off_track');
  });
});

describe('the end target is the end target (PROSMED 1.1.2, 3.2.1: counts per year)', () => {
  // three meetings a year, and 1 in the programme's last half-year, as the framework transcribes it
  const meetings = (actual: string | null, asOf: string, extra: Partial<ProgressInput> = {}) =>
    computeProgress({
      ...input({}),
      cumulative: false,
      targets: [
        ...['2021', '2022', '2023', '2024'].map((y) => ({
          kind: 'annual' as const,
          year: Number(y),
          date: null,
          value: v('3'),
        })),
        { kind: 'annual', year: 2025, date: null, value: v('1') },
        { kind: 'end', year: null, date: null, value: v('1') },
      ],
      actual: actual === null ? null : v(actual),
      asOf,
      ...extra,
    });

  it('measures a count per year against its year’s target, never expecting more than it', () => {
    const p = meetings('2', '2023-12-31');
    expect(p).toMatchObject({ target: 3, targetDate: '2023-12-31', expected: 3, endTarget: 1 });
    expect(p.basis).toMatchObject({ mode: 'per_period', target: { kind: 'annual', year: 2023, text: '3' } });
    expect(p.achievement).toBeCloseTo(2 / 3, 3);
    expect(p.status).toBe('at_risk');
    // halfway through the year, half the year's target is expected
    expect(meetings('1', '2023-07-02').expected).toBeCloseTo(1.5, 1);
  });

  it('explains the end target apart, and never takes a milestone or a year for it', () => {
    const p = meetings('2', '2023-12-31');
    expect(p.basis.endTarget).toMatchObject({ text: '1', date: '2025-12-31' });
    // a running total with no end target: the target in force is the next one, not the last
    const running = computeProgress({
      ...input({}),
      cumulative: true,
      targets: [
        { kind: 'annual', year: 2023, date: null, value: v('155') },
        { kind: 'annual', year: 2025, date: null, value: v('233') },
      ],
      actual: v('100'),
      asOf: '2022-12-31',
    });
    expect(running).toMatchObject({ target: 155, endTarget: null });
    expect(running.basis.target).toMatchObject({ kind: 'annual', year: 2023 });
  });

  it('holds the expected value at the target on a trajectory (expected ≤ end target when increasing)', () => {
    // a milestone above the end target (a transcription slip) must not make more expected than the target
    const p = computeProgress({
      ...input({ target: '20' }),
      cumulative: true,
      targets: [
        { kind: 'milestone', year: null, date: '2023-06', value: v('30') },
        { kind: 'end', year: null, date: null, value: v('20') },
      ],
      actual: v('10'),
      asOf: '2023-06-30',
    });
    expect(p.expected).toBe(20);
    expect(p.basis.expected).toMatchObject({ capped: true, to: { date: '2023-06-30', value: 30 } });
  });
});

describe('a percentage is a level, never a sum', () => {
  it('is on a trajectory whatever its cumulative flag, and its yearly targets are levels', () => {
    const p = computeProgress({
      ...input({ percent: true }),
      cumulative: false,
      baseline: v('10%', true),
      targets: [
        { kind: 'annual', year: 2023, date: null, value: v('40%', true) },
        { kind: 'end', year: null, date: null, value: v('60%', true) },
      ],
      actual: v('35%', true),
      asOf: '2023-12-31',
    });
    expect(p.basis.mode).toBe('trajectory');
    expect(p).toMatchObject({ target: 60, expected: 40 });
  });
});

describe('a target whose date has passed gets a final verdict (an ended programme is not late)', () => {
  it('is not achieved rather than off track, and achieved when reached', () => {
    const late = input({ target: '4000', actual: v('1000'), asOf: '2025-12-31' });
    expect(computeProgress(late).status).toBe('off_track');
    const ended = computeProgress({ ...late, today: '2026-11-26' });
    expect(ended.status).toBe('not_achieved');
    expect(ended.basis.closed).toBe(true);
    expect(computeProgress({ ...late, actual: v('4000'), today: '2026-11-26' }).status).toBe('achieved');
    // still running: the usual pace
    expect(computeProgress({ ...late, asOf: '2023-07-02', today: '2023-07-02' }).status).toBe('off_track');
  });
});

describe('every number carries its basis', () => {
  it('says which actual, which target and which schedule points', () => {
    const p = computeProgress({
      ...input({ target: '4000' }),
      actual: v('2000'),
      asOf: '2023-07-02',
      actualFrom: '2023-01-01',
      actualProvenance: 'entered',
    });
    expect(p.basis).toMatchObject({
      mode: 'trajectory',
      baseline: { text: '0' },
      actual: { text: '2000', asOf: '2023-07-02', from: '2023-01-01', provenance: 'entered' },
      target: { kind: 'end', date: '2025-12-31', text: '4000' },
      expected: {
        from: { date: '2021-01-01', value: 0 },
        to: { date: '2025-12-31', value: 4000 },
        capped: false,
      },
      closed: false,
    });
  });
});
