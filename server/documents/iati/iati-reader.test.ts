/**
 * IATI import on real published files (Cordaid 2.03, UN Women 2.02 — see test-fixtures/README.md), on files
 * written to be awkward or hostile, and on Jalon's own exports read back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  programmeDocument,
  type FrameworkVersion,
  type IndicatorInput,
  type ProgrammeDocument,
  type ValueInput,
} from '../../../core/contracts/programme-document.js';
import { isPercentIndicator, toStoredValue } from '../../../core/domain/stored-value.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { organisations } from '../../seed/data/organisations.js';
import { demoProgrammes } from '../../seed/seed.js';
import { ImportRefused } from '../import-refused.js';
import { readIatiActivities, type IatiReadResult } from './iati-reader.js';
import { frameworkInForce, writeIatiActivities } from './iati-writer.js';

const fixture = (name: string) => readFileSync(new URL(`./test-fixtures/${name}`, import.meta.url));
const catalogue = [
  ...organisations,
  ...demoProgrammes.flatMap((p) => programmeDocument.parse(p).organisations),
];
const read = (bytes: Uint8Array, locale: Locale = 'fr', withCatalogue = true) =>
  readIatiActivities(bytes, {
    locale,
    fileName: 'test.xml',
    today: '2026-11-26',
    ...(withCatalogue ? { catalogue } : {}),
  });
const byCode = (r: IatiReadResult, code: string) => r.programmes.find((p) => p.doc.code === code)!.doc;
const indicators = (fw: FrameworkVersion | undefined) =>
  (fw?.outcomes ?? []).flatMap((o) => [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)]);
const indicator = (doc: ProgrammeDocument, code: string) =>
  indicators(doc.frameworks[0]).find((i) => i.code === code)!;
const stored = (v: ValueInput | null | undefined, percent = false) =>
  v === null || v === undefined ? v : toStoredValue(v, { percentIndicator: percent });
const messages = (r: IatiReadResult) =>
  r.issues
    .map((i) => `[${i.severity}] ${i.where}${i.count && i.count > 1 ? ` (${i.count}×)` : ''}: ${i.message}`)
    .join('\n');
const refusal = (bytes: Uint8Array, locale: Locale = 'fr') => {
  try {
    read(bytes, locale);
  } catch (error) {
    if (error instanceof ImportRefused) return error.message;
    throw error;
  }
  throw new Error('the file was not refused');
};

describe('a real 2.03 file: two Cordaid peacebuilding activities with dimensions', () => {
  const result = read(fixture('nl-ngo-peacebuilding-disaggregated.xml'));

  it('gives one programme per activity, with the numeric character references decoded', () => {
    expect(result.version).toBe('2.03');
    expect(result.programmes.map((p) => p.doc.code)).toEqual([
      'NL-KVK-41160054-200733',
      'NL-KVK-41160054-200612',
    ]);
    const ethiopia = byCode(result, 'NL-KVK-41160054-200733');
    expect(ethiopia.title.fr).toBe('Selam Ahun! “Peace Now”');
    expect(ethiopia.country).toBe('ET');
    expect(ethiopia.currency).toBe('EUR');
    expect(ethiopia.recipients).toEqual([
      { organisation: 'NL-KVK-41160054', convening: true, approvedBudget: 150000 },
    ]);
    // the summary keeps the narrative's text whole, with its references decoded
    expect(ethiopia.summary?.fr).toContain('Access to justice\u202fhas');
  });

  it('reads breakdowns by sex, age and other dimensions as the parts of a value', () => {
    const ethiopia = byCode(result, 'NL-KVK-41160054-200733');
    const beneficiaries = indicator(ethiopia, 'PE0.01');
    expect(stored(beneficiaries.baseline)).toMatchObject({
      text: 'Direct beneficiaries : 2335 ; femmes : 1315 ; hommes : 1020',
      spec: {
        kind: 'multi',
        items: [
          { label: 'Direct beneficiaries', value: 2335 },
          { label: 'femmes', value: 1315 },
          { label: 'hommes', value: 1020 },
        ],
      },
      date: '2020-12-31',
    });
    expect(beneficiaries.disaggregations).toEqual(expect.arrayContaining(['sex', 'category']));
    const ppe = indicator(ethiopia, 'COV.SL.03');
    expect(ppe.disaggregations).toEqual(['sex', 'age']);
    const actual = ethiopia.progress.find((p) => p.indicator === 'COV.SL.03')!;
    expect(stored(actual.value)?.spec).toEqual({
      kind: 'multi',
      items: [
        { label: 'femmes (Age 18 >)', kind: 'number', value: 120 },
        { label: 'hommes (Age 18 >)', kind: 'number', value: 103 },
      ],
    });
    // a shorter period of the year is a milestone; the one to the end of the year, the yearly target
    expect(beneficiaries.milestones).toEqual([
      { date: '2020-09-04', value: { text: '0', spec: { kind: 'number', value: 0 } } },
    ]);
    expect(stored(beneficiaries.targets?.['2020'])?.spec).toEqual({ kind: 'number', value: 2364 });
  });

  it('reports, with their place and count, what it does not map — nothing is dropped silently', () => {
    const text = messages(result);
    for (const place of [
      'contact-info',
      'activity-scope',
      'recipient-region',
      'humanitarian-scope',
      'collaboration-type',
      'default-flow-type',
      'conditions',
      'location › exactness',
      'iati-activity @humanitarian',
      'transaction › receiver-org',
      'related-activity',
    ])
      expect(text, place).toContain(`› ${place}`);
    expect(text).toMatch(
      /\[unmapped\] Fichier: Attributs d'autres espaces de noms ignorés.*dstore:dataset, dstore:index, iati-activities:version/,
    );
    expect(text).toMatch(/Secteurs non gardés.*15220 \(Dispositifs civils.*90 % ; 15230/);
    expect(text).toMatch(/Description de type 2 \(Objectifs\) non gardée/);
    // upper-case xml:lang="EN": read as English, used as the main text, and said once for the file
    expect(result.issues.filter((i) => /sans version française/.test(i.message))).toHaveLength(1);
    expect(result.issues.some((i) => i.severity === 'error')).toBe(false);
  });

  it('says it in English to an English reader', () => {
    const en = read(fixture('nl-ngo-peacebuilding-disaggregated.xml'), 'en');
    expect(messages(en)).toMatch(
      /Sectors not kept \(Jalon has no sector field\): 15220 \(Civilian peace-building/,
    );
  });
});

describe('a real 2.02 file that does not validate: two UN Women activities', () => {
  const result = read(fixture('unwomen-bdi-hti-results-v202.xml'));
  const burundi = byCode(result, 'XM-DAC-41146-BDI_D_4.3');
  const haiti = byCode(result, 'XM-DAC-41146-HTI_D_1.5');

  it('maps known organisations to the catalogue and keeps the others by name', () => {
    expect(burundi.recipients[0]).toMatchObject({
      organisation: 'UNWOMEN',
      convening: true,
      approvedBudget: 4663766,
    });
    expect(burundi.donors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisation: 'GOVERNMENT-OF-JAPAN', amount: 184109 }),
      ]),
    );
    // "Peacebuilding Fund" is the catalogue's PBF
    expect(haiti.donors.map((d) => d.organisation)).toContain('PBF');
    expect(burundi.genderMarker).toEqual({ code: 'GM3', text: 'IATI 2' });
    expect(messages(result)).toMatch(/Organisation sans identifiant ni nom utilisable \(« - »\)/);
  });

  it('reads nominal indicators as yes/no, and says what missing values and slips it met', () => {
    const network = indicators(burundi.frameworks[0]).find((i) =>
      i.title.fr.startsWith('Existence of a Burundi Women trading network'),
    )!;
    expect(network.measure).toBe('yes_no');
    expect(stored(network.baseline)).toMatchObject({
      text: 'No (2020)',
      spec: { kind: 'boolean', value: false },
    });
    expect(stored(network.targets?.['2021'])?.spec).toEqual({ kind: 'boolean', value: true });
    const text = messages(result);
    expect(text).toMatch(/\(10×\).*Valeur réalisée vide/);
    expect(text).toMatch(
      /ascending="0" \(baisse visée\) alors que des cibles dépassent la base de référence/,
    );
    expect(text).toMatch(/Budgets par période additionnés en un budget approuvé de 4\s663\s766 USD/);
    // "TBD" in a comment is a value to be determined
    const safetyNets = indicators(burundi.frameworks[0]).find((i) =>
      i.title.fr.startsWith('Number of vulnerable women'),
    )!;
    // (its year is the activity's first: not repeated in the wording)
    expect(stored(safetyNets.baseline)).toEqual({ text: 'TBD', spec: { kind: 'tbd' } });
  });

  it('puts outputs under an outcome that says IATI does not link them', () => {
    const outcomes = burundi.frameworks[0]!.outcomes;
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.statement.fr).toMatch(/IATI ne relie pas les produits aux résultats/);
    expect(outcomes[0]!.outputs.length).toBeGreaterThan(3);
    expect(burundi.progress.length).toBeGreaterThan(5);
  });
});

describe('a hand-written 2.01 file: parent and children, packed numbers, qualitative indicators, missing values', () => {
  const result = read(fixture('hostile/parent-children-v201.xml'));
  const paix = byCode(result, 'XI-IATI-JALONTEST-PAIX-01');

  it('merges both children into their parent, whichever side names the link', () => {
    expect(result.programmes.map((p) => p.doc.code)).toEqual([
      'XI-IATI-JALONTEST-PAIX-01',
      'XI-IATI-JALONTEST-SANS-FIN',
    ]);
    expect(result.programmes[0]!.children).toEqual([
      'XI-IATI-JALONTEST-PAIX-01-A',
      'XI-IATI-JALONTEST-PAIX-01-B',
    ]);
    expect(paix.kind).toBe('joint_programme');
    expect(paix.recipients).toEqual([
      { organisation: 'XI-IATI-JALONTEST', convening: true },
      { organisation: 'ML-NIF-RADIOKAOURAL', convening: false, approvedBudget: 10000000 },
    ]);
    expect(paix.resourcesRequired).toBe(95000000);
    expect(paix.donors).toEqual([
      {
        organisation: 'NETHERLANDS',
        amount: 90000000,
        note: expect.stringMatching(/^Engagements entrants \(IATI\) : 90\s000\s000 XOF$/),
      },
    ]);
    expect(paix.financialSnapshots).toEqual([
      expect.objectContaining({ asOf: '2022-12-31', implementationRate: 31.58 }),
    ]);
    expect(messages(result)).toMatch(
      /XI-IATI-JALONTEST-PAIX-01-B: Budget en USD, le programme est en XOF : non gardé/,
    );
  });

  it('reads numbers packed into comments, qualitative indicators, references and upper-case XML:LANG', () => {
    expect(paix.title).toEqual({
      fr: 'Dialogue intercommunautaire à Mopti',
      en: 'Intercommunity dialogue in Mopti',
    });
    const participants = indicator(paix, '1.a');
    expect(stored(participants.targets?.['2022'])).toMatchObject({
      text: '350 (dont au moins 150 femmes)',
      spec: { kind: 'number', value: 350, parts: [{ group: 'women', value: 150, atLeast: true }] },
    });
    expect(stored(participants.endTarget)?.spec).toEqual({ kind: 'number', value: 1000 });
    const actual = paix.progress.find((p) => p.indicator === '1.a')!;
    expect(stored(actual.value)?.spec).toMatchObject({
      kind: 'number',
      value: 412,
      parts: [{ group: 'women', value: 180 }],
    });
    const perception = indicator(paix, '1.b');
    expect(perception.measure).toBe('text');
    expect(stored(perception.baseline)?.spec).toEqual({ kind: 'text', text: 'faible participation' });
    const women = indicator(paix, '1.c');
    // a baseline of another year than the start's keeps its year in the wording, as the documents write it
    expect(stored(women.baseline, true)).toMatchObject({
      text: '12,5% (2021)',
      spec: { kind: 'percent', value: 12.5 },
    });
    expect(paix.progress.find((p) => p.indicator === '1.c')).toMatchObject({ reason: 'Enquête annuelle' });
    const listeners = indicator(paix, '2.1.1');
    expect(stored(listeners.targets?.['2022'])).toMatchObject({
      text: '200 (dont 120 femmes, 80 hommes, 50 jeunes de 18 à 35 ans)',
      spec: { kind: 'number', value: 200, parts: [{ group: 'women' }, { group: 'men' }, { group: 'youth' }] },
    });
  });

  it('reports what it could not take, and imports what it could', () => {
    const text = messages(result);
    expect(text).toMatch(/XI-IATI-JALONTEST-REGIONAL: Activité non importée : elle ne nomme pas de pays/);
    expect(text).not.toMatch(/XI-IATI-JALONTEST-REGIONAL ›/);
    expect(text).toMatch(
      /SANS-FIN › activity-date: Pas de date de fin : Jalon retient la dernière date .* 2023-12-31/,
    );
    expect(text).toMatch(/akvo:photo/);
    expect(text).toMatch(/akvo:label/);
    expect(text).toMatch(/Valeur réalisée vide/);
    const sansFin = byCode(result, 'XI-IATI-JALONTEST-SANS-FIN');
    expect(sansFin.country).toBe('ML');
    expect(sansFin.frameworks).toEqual([]);
  });
});

describe('files refused as a whole, with a readable reason', () => {
  it('refuses malformed XML with the line and column', () => {
    expect(refusal(fixture('hostile/malformed.xml'))).toMatch(
      /^Ce fichier n'est pas du XML bien formé \(ligne 5, colonne \d+\) : .*narrative/,
    );
    expect(refusal(fixture('hostile/malformed.xml'), 'en')).toMatch(
      /^This file is not well-formed XML \(line 5, column \d+\)/,
    );
  });
  it('refuses a DOCTYPE with entities (entity expansion) without expanding anything', () => {
    expect(refusal(fixture('hostile/entity-expansion.xml'))).toMatch(/DOCTYPE/);
  });
  it('refuses an organisation file, a 1.05 file and XML that is not IATI', () => {
    expect(refusal(fixture('hostile/organisation-file.xml'))).toMatch(/fichier d'organisation IATI/);
    expect(refusal(fixture('hostile/version-105.xml'))).toMatch(
      /Fichier IATI 1\.05 : Jalon lit les versions 2\.01 à 2\.03/,
    );
    expect(refusal(fixture('hostile/not-iati.xml'))).toMatch(/son élément racine est <html>/);
    expect(refusal(Buffer.from('<iati-activities version="2.03"></iati-activities>'))).toMatch(
      /aucune activité/,
    );
  });
  it('reads a file in the encoding its declaration names, and refuses bytes that are not text', () => {
    const latin1 = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><iati-activities version="2.03"><iati-activity><iati-identifier>XI-IATI-T-1</iati-identifier><title><narrative>Coh\u00e9sion sociale</narrative></title><activity-date type="3" iso-date="2025-12-31"/><recipient-country code="ML"/></iati-activity></iati-activities>',
      'latin1',
    );
    expect(read(latin1).programmes[0]!.doc.title.fr).toBe('Cohésion sociale');
    const broken = Buffer.concat([
      Buffer.from('<iati-activities version="2.03"><x>'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('</x></iati-activities>'),
    ]);
    expect(refusal(broken)).toMatch(/n'est pas du texte UTF-8 valide/);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(latin1.toString('latin1').replace('ISO-8859-1', 'UTF-16'), 'utf16le'),
    ]);
    expect(read(utf16).programmes[0]!.doc.title.fr).toBe('Cohésion sociale');
  });
});

/** What the IATI file carries of an indicator, in stored form. */
function carried(ind: IndicatorInput) {
  const percent = isPercentIndicator(ind);
  const s = (v: ValueInput | null | undefined) => {
    const x = stored(v, percent);
    return x ? { text: x.text, spec: x.spec } : x;
  };
  return {
    code: ind.code,
    title: ind.title,
    // a measure the document leaves out is inferred when stored: compared where the document states it
    // (IATI has one qualitative measure for text and documents, and counts indices as units)
    ...(ind.measure
      ? {
          measure:
            ({ index: 'number', document: 'qualitative', text: 'qualitative' } as Record<string, string>)[
              ind.measure
            ] ?? ind.measure,
        }
      : {}),
    baseline: s(ind.baseline),
    endTarget: s(ind.endTarget),
    targets: Object.fromEntries(
      Object.entries(ind.targets ?? {})
        .filter(([, v]) => v !== null)
        .map(([y, v]) => [y, s(v)]),
    ),
    milestones: (ind.milestones ?? [])
      .map((m) => ({ date: m.date ?? stored(m.value)?.date, value: s(m.value) }))
      .filter((m) => m.date),
  };
}

describe("Jalon's own export, read back", () => {
  it.each(['PBF/MLI/A-1', 'PBF/MLI/A-2', 'PBF/MLI/A-3', 'PROSMED'])(
    '%s comes back with the same framework, values and recipients',
    (code) => {
      const original = programmeDocument.parse(demoProgrammes.find((p) => p.code === code)!);
      // budgets by year, as the finance module's budget lines give them (IATI: a budget covers a year at most)
      const year = Number((original.startDate ?? original.endDate).slice(0, 4));
      const byAgencyYear = Object.fromEntries(
        original.recipients.map((r) => [
          r.organisation,
          r.approvedBudget
            ? [
                { year, amount: Math.round(r.approvedBudget * 60) / 100 },
                { year: year + 1, amount: r.approvedBudget - Math.round(r.approvedBudget * 60) / 100 },
              ]
            : [],
        ]),
      );
      const out = writeIatiActivities(original, {
        now: new Date('2026-11-26T12:00:00Z'),
        locale: 'fr',
        catalogue,
        budget: {
          total: original.recipients.reduce((s, r) => s + (r.approvedBudget ?? 0), 0),
          unattributed: 0,
          byAgency: Object.fromEntries(
            original.recipients.map((r) => [r.organisation, r.approvedBudget ?? null]),
          ),
          byAgencyYear,
        },
      });
      const back = read(Buffer.from(out.xml));
      expect(back.programmes).toHaveLength(1);
      const doc = back.programmes[0]!.doc;
      expect(doc.code).toBe(code);
      expect(doc.title).toEqual(original.title);
      expect(doc.recipients.map((r) => r.organisation)).toEqual(
        original.recipients.map((r) => r.organisation),
      );
      expect(doc.recipients.map((r) => r.approvedBudget)).toEqual(
        original.recipients.map((r) => r.approvedBudget),
      );
      expect(doc.places).toEqual(original.places);
      expect(doc.gatewayId).toEqual(original.gatewayId);
      const inForce = frameworkInForce(original.frameworks, '2026-11-26')!;
      const fw = doc.frameworks[0]!;
      expect(
        fw.outcomes.map((o) => [o.code, o.statement, o.outputs.map((x) => [x.code, x.statement])]),
      ).toEqual(
        inForce.outcomes
          .filter((o) => o.indicators.length)
          .map((o) => [
            o.code,
            o.statement,
            o.outputs.filter((x) => x.indicators.length).map((x) => [x.code, x.statement]),
          ]),
      );
      const expected = indicators(inForce).map(carried);
      expect(
        indicators(fw).map((ind, i) => ({
          ...carried(ind),
          measure: expected[i]?.measure && carried(ind).measure,
        })),
      ).toEqual(expected.map((x) => ({ ...x, measure: x.measure })));
      const values = (p: ProgrammeDocument['progress']) =>
        p
          .map((v) => [
            v.indicator,
            v.periodStart,
            v.periodEnd,
            stored(v.value)?.text ?? null,
            v.reason?.replace(/\s+/g, ' ').trim() ?? null,
          ])
          .sort((a, b) => String(a).localeCompare(String(b)));
      const originalProgress = original.progress.filter(
        (p) => (p.frameworkVersion ?? original.frameworks.at(-1)!.version) === inForce.version,
      );
      expect(values(doc.progress)).toEqual(values(originalProgress));
    },
  );
});
