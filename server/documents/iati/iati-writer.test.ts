/**
 * The IATI export of the four seed programmes and of a hostile one: every file validates against the IATI 2.03
 * schema (real XSD, libxml2), and every code in it comes from its codelist.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  programmeDocument,
  type ProgrammeDocument,
  type ProgrammeDocumentInput,
} from '../../../core/contracts/programme-document.js';
import { organisations } from '../../seed/data/organisations.js';
import { demoProgrammes } from '../../seed/seed.js';
import { code, codelist, type CodelistName } from './codelists.js';
import { validateIatiActivities } from './iati-schema.js';
import { writeIatiActivities } from './iati-writer.js';

const now = new Date('2026-11-26T12:00:00Z');
const seed = (code: string): ProgrammeDocument =>
  programmeDocument.parse(demoProgrammes.find((p) => p.code === code)!);

type El = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  alwaysCreateTextNode: true,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});
const parse = (xml: string) => parser.parse(xml) as { 'iati-activities': El[] };
const activitiesOf = (xml: string) => parse(xml)['iati-activities'][0]!['iati-activity'] as El[];
const all = (el: El | undefined, name: string) => (el?.[name] as El[] | undefined) ?? [];
const one = (el: El | undefined, name: string) => all(el, name)[0];
const textOf = (el: El | undefined) => (el?.['#text'] as string | undefined) ?? '';

/** Every coded attribute of the file with the codelist it must come from. */
function codesOf(xml: string): { list: CodelistName; value: string; where: string }[] {
  const out: { list: CodelistName; value: string; where: string }[] = [];
  const add = (list: CodelistName, value: unknown, where: string) => {
    if (typeof value === 'string') out.push({ list, value, where });
  };
  for (const a of activitiesOf(xml)) {
    add('Currency', a['@default-currency'], 'default-currency');
    add('OrganisationType', one(a, 'reporting-org')?.['@type'], 'reporting-org@type');
    add('DescriptionType', one(a, 'description')?.['@type'], 'description@type');
    for (const p of all(a, 'participating-org')) {
      add('OrganisationRole', p['@role'], 'participating-org@role');
      add('OrganisationType', p['@type'], 'participating-org@type');
    }
    add('ActivityStatus', one(a, 'activity-status')?.['@code'], 'activity-status');
    for (const d of all(a, 'activity-date')) add('ActivityDateType', d['@type'], 'activity-date@type');
    for (const c of all(a, 'recipient-country')) add('Country', c['@code'], 'recipient-country');
    for (const l of all(a, 'location'))
      add('GeographicLocationReach', one(l, 'location-reach')?.['@code'], 'location-reach');
    for (const s of all(a, 'sector')) {
      add('SectorVocabulary', s['@vocabulary'], 'sector@vocabulary');
      add('Sector', s['@code'], 'sector@code');
    }
    for (const m of all(a, 'policy-marker')) {
      add('PolicyMarkerVocabulary', m['@vocabulary'], 'policy-marker@vocabulary');
      add('PolicyMarker', m['@code'], 'policy-marker@code');
      add('PolicySignificance', m['@significance'], 'policy-marker@significance');
    }
    add('FlowType', one(a, 'default-flow-type')?.['@code'], 'default-flow-type');
    add('FinanceType', one(a, 'default-finance-type')?.['@code'], 'default-finance-type');
    add('AidType', one(a, 'default-aid-type')?.['@code'], 'default-aid-type');
    for (const b of all(a, 'budget')) {
      add('BudgetType', b['@type'], 'budget@type');
      add('BudgetStatus', b['@status'], 'budget@status');
      add('Currency', one(b, 'value')?.['@currency'], 'budget value@currency');
    }
    for (const t of all(a, 'transaction')) {
      add('TransactionType', one(t, 'transaction-type')?.['@code'], 'transaction-type');
      add('Currency', one(t, 'value')?.['@currency'], 'transaction value@currency');
    }
    for (const r of all(a, 'related-activity'))
      add('RelatedActivityType', r['@type'], 'related-activity@type');
    for (const r of all(a, 'result')) {
      add('ResultType', r['@type'], 'result@type');
      for (const ref of all(r, 'reference')) add('ResultVocabulary', ref['@vocabulary'], 'result reference');
      for (const i of all(r, 'indicator')) {
        add('IndicatorMeasure', i['@measure'], 'indicator@measure');
        for (const ref of all(i, 'reference'))
          add('IndicatorVocabulary', ref['@vocabulary'], 'indicator reference');
      }
    }
  }
  return out;
}

async function expectPublishable(xml: string) {
  const validation = await validateIatiActivities(xml);
  expect(validation.errors).toEqual([]);
  expect(validation.valid).toBe(true);
  const codes = codesOf(xml);
  expect(codes.length).toBeGreaterThan(10);
  const wrong = codes.filter((c) => {
    const item = codelist(c.list).get(c.value);
    return !item || item.withdrawn;
  });
  expect(wrong).toEqual([]);
}

describe('IATI export of the seed programmes', () => {
  it.each(['PBF/MLI/A-1', 'PBF/MLI/A-2', 'PBF/MLI/A-3', 'PROSMED'])(
    '%s validates against the IATI 2.03 schema, with codes from the codelists only',
    async (programmeCode) => {
      const out = writeIatiActivities(seed(programmeCode), { now, locale: 'fr', catalogue: organisations });
      await expectPublishable(out.xml);
      expect(parse(out.xml)['iati-activities'][0]!['@version']).toBe('2.03');
    },
  );

  it('publishes PROSMED as a parent with one child per recipient organisation', () => {
    const doc = seed('PROSMED');
    const out = writeIatiActivities(doc, {
      now,
      locale: 'fr',
      catalogue: organisations,
      cofunding: { 'PBF/MLI/A-3': 'XM-DAC-41313-PBF-MLI-A-3' },
    });
    const [parent, ...children] = activitiesOf(out.xml);
    expect(textOf(one(parent, 'iati-identifier'))).toBe('XM-DAC-41114-PROSMED');
    expect(out.identifier).toBe('XM-DAC-41114-PROSMED');
    expect(parent!['@hierarchy']).toBe('1');
    expect(children.map((c) => textOf(one(c, 'iati-identifier')))).toEqual([
      'XM-DAC-41114-PROSMED-UNDP',
      'XM-DAC-41114-PROSMED-UNWOMEN',
      'XM-DAC-41114-PROSMED-MINUSMA',
      'XM-DAC-41114-PROSMED-UNODC',
    ]);
    for (const c of children) {
      expect(c['@hierarchy']).toBe('2');
      expect(all(c, 'related-activity')).toMatchObject([{ '@ref': 'XM-DAC-41114-PROSMED', '@type': '1' }]);
    }
    const related = all(parent, 'related-activity').map((r) => `${r['@type']} ${r['@ref']}`);
    expect(related).toContain('2 XM-DAC-41114-PROSMED-UNODC');
    expect(related).toContain('4 XM-DAC-41313-PBF-MLI-A-3');
    // roles: donors fund (1), recipients are accountable (2), national partners implement (4)
    const roles = all(parent, 'participating-org').map((p) => `${p['@role']} ${textOf(one(p, 'narrative'))}`);
    expect(roles).toContain('1 Pays-Bas');
    expect(roles).toContain('2 Programme des Nations Unies pour le développement (PNUD)');
    expect(roles.filter((r) => r.startsWith('4 '))).toHaveLength(doc.implementingPartners.length);
    // sector 15220 first; the gender marker GM2 as a significant objective; Mali and its places
    expect(all(parent, 'sector')[0]).toMatchObject({ '@vocabulary': '1', '@code': '15220' });
    const percentages = all(parent, 'sector').map((s) => Number(s['@percentage']));
    expect(percentages.reduce((a, b) => a + b, 0)).toBe(100);
    expect(all(parent, 'policy-marker')).toMatchObject([
      { '@vocabulary': '1', '@code': '1', '@significance': '1' },
    ]);
    expect(one(parent, 'recipient-country')?.['@code']).toBe('ML');
    expect(all(parent, 'location')).toHaveLength(doc.places.length);
    // results: outcomes (type 2) and outputs (type 1) of the version in force (v2: 17 cercles)
    const results = all(parent, 'result');
    expect(results.filter((r) => r['@type'] === '2')).toHaveLength(4);
    const v2 = doc.frameworks.find((f) => f.version === 2)!;
    const indicators = v2.outcomes.reduce(
      (s, o) => s + o.indicators.length + o.outputs.reduce((t, x) => t + x.indicators.length, 0),
      0,
    );
    expect(results.flatMap((r) => all(r, 'indicator'))).toHaveLength(indicators);
    expect(out.frameworkVersion).toBe(2);
    // French and English narratives
    const title = all(parent, 'title')[0]!;
    expect(all(title, 'narrative').map((n) => n['@xml:lang'])).toEqual(['fr', 'en']);
    // the whole programme budget spans years and Jalon has no yearly lines here: held back (IATI rule 7.5.3)
    // and listed, never published as a budget IATI refuses
    expect(one(parent, 'budget')).toBeUndefined();
    expect(out.warnings.join('\n')).toMatch(/règle IATI 7\.5\.3[^]*PROSMED \(32\D000\D000 USD\)/);
  });

  it('gives each recipient of PBF/MLI/A-1 its budget, and expenditure from the implementation rate', () => {
    const yearly = (amount: number) => [
      { year: 2020, amount: amount / 2 },
      { year: 2021, amount: amount / 2 },
    ];
    const out = writeIatiActivities(seed('PBF/MLI/A-1'), {
      now,
      locale: 'en',
      catalogue: organisations,
      budget: {
        total: 3_000_000,
        unattributed: 0,
        byAgency: { WFP: 1_200_000, FAO: 900_000, IOM: 900_000 },
        byAgencyYear: { WFP: yearly(1_200_000), FAO: yearly(900_000), IOM: yearly(900_000) },
      },
    });
    const [parent, ...children] = activitiesOf(out.xml);
    // one budget per year (IATI rule 7.5.3), the first year's shown
    expect(children.map((c) => textOf(one(one(c, 'budget'), 'value')))).toEqual([
      '600000',
      '450000',
      '450000',
    ]);
    expect(children.map((c) => all(c, 'budget').length)).toEqual([2, 2, 2]);
    expect(children.map((c) => one(c, 'budget')?.['@status'])).toEqual(['2', '2', '2']);
    // the PBF's contribution, an incoming commitment; then the expenditure
    const [commitment, tx] = all(parent, 'transaction') as [El, El];
    expect(one(commitment, 'transaction-type')?.['@code']).toBe('11');
    expect(textOf(one(commitment, 'value'))).toBe('3000000');
    expect(one(tx, 'transaction-type')?.['@code']).toBe('4');
    expect(one(tx, 'transaction-date')?.['@iso-date']).toBe('2020-11-30');
    // 20% of 3 000 000
    expect(textOf(one(tx, 'value'))).toBe('600000');
    // in English, the warnings are in English
    expect(out.warnings.some((w) => /Donor contributions published as incoming commitments/.test(w))).toBe(
      true,
    );
  });

  it('publishes the expenditure Jalon records, not amounts derived from the rates, when it is given', () => {
    const none = writeIatiActivities(seed('PBF/MLI/A-1'), {
      now,
      locale: 'fr',
      catalogue: organisations,
      expenditure: [],
    });
    const expenditure = (xml: string) =>
      all(activitiesOf(xml)[0]!, 'transaction').filter((t) => one(t, 'transaction-type')?.['@code'] === '4');
    expect(expenditure(none.xml)).toEqual([]);
    expect(none.warnings.join('\n')).toMatch(/aucune dépense n'est enregistrée dans Jalon/);
    const recorded = writeIatiActivities(seed('PBF/MLI/A-1'), {
      now,
      locale: 'fr',
      catalogue: organisations,
      expenditure: [{ date: '2020-12-31', amount: 125000.5 }],
    });
    const tx = expenditure(recorded.xml);
    expect(tx.map((t) => [one(t, 'transaction-date')?.['@iso-date'], textOf(one(t, 'value'))])).toEqual([
      ['2020-12-31', '125000.5'],
    ]);
  });

  it('breaks targets down by sex with dimensions, from the wording "350 (dont au moins 150 femmes)"', () => {
    const out = writeIatiActivities(seed('PBF/MLI/A-3'), { now, locale: 'fr', catalogue: organisations });
    const parent = activitiesOf(out.xml)[0]!;
    const targets = all(parent, 'result')
      .flatMap((r) => all(r, 'indicator'))
      .flatMap((i) => all(i, 'period'))
      .flatMap((p) => all(p, 'target'));
    const withWomen = targets.filter((t) =>
      all(t, 'dimension').some((d) => d['@name'] === 'sex' && d['@value'] === 'female'),
    );
    expect(withWomen.map((t) => t['@value'])).toEqual(expect.arrayContaining(['150', '99']));
    // the total sits beside its breakdown, with the original wording as comment
    const total = targets.find((t) => t['@value'] === '350' && !t.dimension);
    expect(textOf(one(one(total, 'comment'), 'narrative'))).toBe('350 (dont au moins 150 femmes)');
    // OHCHR publishes under its CRS channel identifier (decision 0019), never a placeholder
    expect(out.xml).toContain('<reporting-org ref="XM-DAC-41313" type="40">');
    expect(out.xml).not.toContain('JALON-');
  });
});

describe('IATI export of awkward data', () => {
  const awkward: ProgrammeDocumentInput = {
    code: 'TEST/<&>"1"',
    kind: 'project',
    title: { fr: 'Projet « test » & co <b>', en: 'Test project 🕊️' },
    country: 'ML',
    trustFund: { kind: 'none' },
    endDate: '2027-12-31',
    organisations: [{ code: 'NGO-X', kind: 'ngo', name: { fr: 'ONG X' } }],
    recipients: [{ organisation: 'NGO-X', convening: true, approvedBudget: 1000.5 }],
    genderMarker: { code: 'GM3' },
    frameworks: [
      {
        version: 1,
        label: { fr: 'Initial' },
        effectiveDate: '2026-01-01',
        reason: { fr: 'Départ' },
        outcomes: [
          {
            code: '1',
            statement: { fr: 'Résultat sans indicateur' },
            outputs: [{ code: '1.1', statement: { fr: 'Produit sans indicateur' } }],
          },
          {
            code: '2',
            statement: { fr: 'Résultat' },
            indicators: [
              {
                code: '2.a',
                title: { fr: '% de confiance' },
                baseline: '59,49% (police) ; 88,01% (gendarmerie)',
                endTarget: '+5% dans les zones ciblées',
                targets: { '2026': null, '2027': 'TBD' },
                milestones: [{ value: '10%' }, { date: '2026-06', value: '12% (06/2026)' }],
              },
              {
                code: '2.b',
                title: { fr: 'Nombre de personnes formées' },
                baseline: '0',
                endTarget:
                  '220 personnes (soit 140 autorités locales, 40 femmes et 40 jeunes de 18 à 35 ans)',
              },
              {
                code: '2.c',
                title: { fr: 'Plan adopté' },
                measure: 'document',
                endTarget: 'Plan d’action 2027',
              },
              {
                code: '2.d',
                title: { fr: 'Loi votée' },
                measure: 'yes_no',
                baseline: 'Non',
                endTarget: 'Oui',
              },
            ],
          },
        ],
      },
    ],
    progress: [
      {
        indicator: '2.b',
        periodStart: '2026-01-01',
        periodEnd: '2026-06-30',
        value: '166 dont 42 femmes soit 25%',
      },
      {
        indicator: '2.c',
        periodStart: '2026-01-01',
        periodEnd: '2026-06-30',
        value: null,
        reason: 'Pas encore',
      },
    ],
  };

  it('escapes, breaks down and warns, and still validates', async () => {
    const out = writeIatiActivities(programmeDocument.parse(awkward), { now, locale: 'fr' });
    await expectPublishable(out.xml);
    const a = activitiesOf(out.xml);
    expect(a).toHaveLength(1);
    // a code with characters IATI reserves, made safe
    expect(textOf(one(a[0], 'iati-identifier'))).toBe('JALON-NGO-X-TEST-1');
    expect(out.warnings.join('\n')).toMatch(/Résultats et produits sans indicateur non publiés.*1, 1\.1/);
    expect(out.warnings.join('\n')).toMatch(/1 étape\(s\) d'indicateur sans date/);
    expect(out.xml).toContain('Projet « test » &amp; co &lt;b&gt;');
    const indicators = all(a[0], 'result').flatMap((r) => all(r, 'indicator'));
    // several values in one cell: one baseline per item
    const confidence = indicators[0]!;
    expect(all(confidence, 'baseline').map((b) => b['@value'])).toEqual(['59.49', '88.01']);
    // a relative target is published with the value it means when the baseline has one number only
    const people = indicators[1]!;
    const parts = all(people, 'period')
      .flatMap((p) => all(p, 'target'))
      .map((t) =>
        `${t['@value']} ${all(t, 'dimension')
          .map((d) => `${d['@name']}=${d['@value']}`)
          .join(',')}`.trim(),
      );
    expect(parts).toEqual(['220', '140 category=autorités locales', '40 sex=female', '40 age=18-35']);
    // qualitative measures carry comments, never values
    expect(indicators.map((i) => i['@measure'])).toEqual(['2', '1', '5', '3']);
    const plan = indicators[2]!;
    expect(
      all(plan, 'period')
        .flatMap((p) => all(p, 'target'))
        .every((t) => t['@value'] === undefined),
    ).toBe(true);
    // an actual with no value keeps its reason
    expect(out.xml).toContain('Pas encore');
  });

  it('refuses to write a code that is not in its codelist', () => {
    expect(() => code('Sector', '99999')).toThrow(/not an active code of Sector/);
    expect(() => code('ActivityStatus', '9')).toThrow();
    expect(code('Sector', '15220')).toBe('15220');
  });
});
