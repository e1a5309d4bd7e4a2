import { describe, expect, it } from 'vitest';
import {
  framework as frameworkContract,
  type FrameworkTree,
  type Indicator,
} from '../contracts/programme-api.js';
import { compactFramework, compactIndicator, expandFramework, expandIndicator } from './framework-answer.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// PROSMED's forms: a baseline with its date and source read from the wording, a target relative to the baseline
// (in points: a percentage indicator), a year with `/` (null), a milestone, an end target.
const percentIndicator: Indicator = {
  id: uuid(1),
  code: '1.1',
  title: { fr: '% des personnes qui font confiance à l’État', en: '% of people who trust the State' },
  measure: 'percent',
  direction: 'increase',
  cumulative: false,
  unit: null,
  disaggregations: [],
  baseline: {
    text: '78,97% (Donnée nationale 11/2020)',
    spec: { kind: 'percent', value: 78.97 },
    date: '2020-11',
    source: 'Donnée nationale',
  },
  targets: [
    { kind: 'annual', year: 2021, date: null, value: null },
    {
      kind: 'annual',
      year: 2022,
      date: null,
      value: {
        text: '+5% dans les zones ciblées',
        spec: {
          kind: 'relative',
          delta: 5,
          unit: 'points',
          direction: 'increase',
          scope: 'dans les zones ciblées',
        },
      },
    },
    {
      kind: 'milestone',
      year: null,
      date: '2021-06',
      value: { text: '150 (06/2021)', spec: { kind: 'number', value: 150 }, date: '2021-06' },
    },
    { kind: 'milestone', year: null, date: null, value: null },
    {
      kind: 'end',
      year: null,
      date: null,
      value: {
        text: '+10% dans les zones ciblées',
        spec: {
          kind: 'relative',
          delta: 10,
          unit: 'points',
          direction: 'increase',
          scope: 'dans les zones ciblées',
        },
      },
    },
  ],
  sources: ['Etude SIPRI-PNUD 2020/2022/2024'],
  alignments: [],
  notes: null,
  latestValue: null,
  version: 3,
};

// an explicit structure the wording alone would not give (an import's `spec`), a unit, notes, a latest value
const explicitIndicator: Indicator = {
  id: uuid(2),
  code: '1.1.1',
  title: { fr: 'Nombre de femmes formées' },
  measure: 'number',
  direction: 'increase',
  cumulative: true,
  unit: 'personnes',
  disaggregations: ['sex', 'age'],
  baseline: { text: '0', spec: { kind: 'number', value: 0 } },
  targets: [
    {
      kind: 'end',
      year: null,
      date: null,
      value: { text: 'trois cents femmes', spec: { kind: 'number', value: 300, parts: [] } },
    },
  ],
  sources: [],
  alignments: [{ framework: 'SDG', code: '16.7', title: 'Prise de décision inclusive' }],
  notes: 'Compté à la fin de chaque session',
  latestValue: {
    id: uuid(3),
    periodStart: '2023-01-01',
    periodEnd: '2023-12-31',
    value: { text: '120', spec: { kind: 'number', value: 120 } },
    reason: null,
    provenance: 'entered',
  },
  version: 1,
};

const tree: FrameworkTree = {
  id: uuid(10),
  version: 2,
  label: { fr: 'Révision', en: 'Revision' },
  effectiveDate: '2022-06-01',
  reason: { fr: 'Revue à mi-parcours' },
  inForce: true,
  alignments: [{ framework: 'UNSDCF', code: '1', title: 'Effet 1', note: 'Baseline : 0 - Cible : 50%' }],
  outcomes: [
    {
      id: uuid(11),
      code: '1',
      statement: { fr: 'La confiance est rétablie' },
      indicators: [percentIndicator],
      outputs: [
        {
          id: uuid(12),
          code: '1.1',
          statement: { fr: 'Les femmes sont formées' },
          indicators: [explicitIndicator],
          activities: [{ id: uuid(13), code: '1.1.1', title: { fr: 'Sessions de formation' } }],
        },
      ],
    },
  ],
};

describe('the framework as the API sends it', () => {
  it('leaves out what is empty and gives the targets by kind, values as their wording when it reads as them', () => {
    expect(compactIndicator(percentIndicator)).toEqual({
      id: uuid(1),
      code: '1.1',
      title: percentIndicator.title,
      measure: 'percent',
      direction: 'increase',
      cumulative: false,
      baseline: '78,97% (Donnée nationale 11/2020)',
      annualTargets: { '2021': null, '2022': '+5% dans les zones ciblées' },
      milestones: [{ date: '2021-06', value: '150 (06/2021)' }, { value: null }],
      endTarget: '+10% dans les zones ciblées',
      sources: ['Etude SIPRI-PNUD 2020/2022/2024'],
      version: 3,
    });
  });

  it('keeps a value whole when its wording does not read as it', () => {
    const compact = compactIndicator(explicitIndicator);
    expect(compact.endTarget).toEqual(explicitIndicator.targets[0]!.value);
    expect(compact.baseline).toBe('0');
    expect(compact).toMatchObject({ unit: 'personnes', notes: 'Compté à la fin de chaque session' });
  });

  it('sends targets as stored when they do not fit by kind (two for one year, a dated yearly one)', () => {
    const twice: Indicator = {
      ...explicitIndicator,
      targets: [
        { kind: 'annual', year: 2022, date: null, value: null },
        { kind: 'annual', year: 2022, date: null, value: { text: '5', spec: { kind: 'number', value: 5 } } },
      ],
    };
    const dated: Indicator = {
      ...explicitIndicator,
      targets: [{ kind: 'annual', year: 2022, date: '2022-06', value: null }],
    };
    for (const indicator of [twice, dated]) {
      const compact = compactIndicator(indicator);
      expect(compact.targets).toEqual(indicator.targets);
      expect(compact.annualTargets).toBeUndefined();
      expect(expandIndicator(compact)).toEqual(indicator);
    }
  });

  it('gives back exactly the tree the server read, and the answer fits its contract', () => {
    const answer = compactFramework(tree);
    expect(frameworkContract.parse(answer)).toEqual(answer);
    expect(expandFramework(answer)).toEqual(tree);
    expect(expandFramework(JSON.parse(JSON.stringify(answer)))).toEqual(tree);
    expect(JSON.stringify(answer).length).toBeLessThan(JSON.stringify(tree).length * 0.75);
  });
});
