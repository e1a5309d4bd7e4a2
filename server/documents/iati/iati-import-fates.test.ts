/**
 * What an IATI import does with every element of a file — kept, changed (how) or not kept (why), never a fourth
 * state — and the smaller readings of issue 17, item 7: English texts, several countries, countries given on the
 * transactions, a truncated file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { programmeDocument } from '../../../core/contracts/programme-document.js';
import { organisations } from '../../seed/data/organisations.js';
import { demoProgrammes } from '../../seed/seed.js';
import { ImportRefused } from '../import-refused.js';
import { readIatiActivities, type IatiReadResult } from './iati-reader.js';
import { writeIatiActivities } from './iati-writer.js';
import { elementStates } from './xml-tree.js';

const read = (xml: string, locale: 'fr' | 'en' = 'fr') =>
  readIatiActivities(new TextEncoder().encode(xml), {
    locale,
    fileName: 'test.xml',
    today: '2026-11-26',
    catalogue: organisations,
  });
const fixture = (name: string) => readFileSync(new URL(`./test-fixtures/${name}`, import.meta.url), 'utf8');

/** the elements of an XML text, counted from its start tags (comments, declarations and CDATA are not elements) */
const elementCount = (xml: string) =>
  [...xml.replace(/<!--[^]*?-->/g, '').matchAll(/<[A-Za-z_][\w:.-]*[\s/>]/g)].length;

function activityFile(options: { lang?: string; countries?: string; body?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2024-01-01T00:00:00Z">
 <iati-activity xml:lang="${options.lang ?? 'en'}" default-currency="USD" last-updated-datetime="2024-01-01T00:00:00Z">
  <iati-identifier>XM-DAC-41114-OUTPUT-00123456</iati-identifier>
  <reporting-org ref="XM-DAC-41114" type="40"><narrative>UNDP</narrative></reporting-org>
  <title><narrative>Community dialogue for peace in Mopti</narrative></title>
  <description type="1"><narrative>Local peace committees in central Mali.</narrative></description>
  <participating-org ref="XM-DAC-41114" role="2" type="40"><narrative>UNDP</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2022-01-01"/>
  <activity-date type="3" iso-date="2024-12-31"/>
  ${options.countries ?? '<recipient-country code="ML" percentage="100"/>'}
  <sector vocabulary="1" code="15220" percentage="100"/>
  ${options.body ?? ''}
 </iati-activity>
</iati-activities>`;
}

function expectEveryElementAccounted(xml: string, result: IatiReadResult) {
  expect(result.elements.length).toBeGreaterThan(0);
  for (const e of result.elements) {
    expect(elementStates).toContain(e.state);
    if (e.state === 'kept') expect(e.message).toBeUndefined();
    else expect(e.message?.trim()).toBeTruthy();
  }
  expect(new Set(result.elements.map((e) => e.state)).size).toBeLessThanOrEqual(3);
  expect(result.elements.reduce((s, e) => s + e.count, 0)).toBe(elementCount(xml));
}

describe('every element of an imported file is kept, changed or not kept (issue 17)', () => {
  it.each(['unwomen-bdi-hti-results-v202.xml', 'nl-ngo-peacebuilding-disaggregated.xml'])(
    'accounts for every element of the real file %s, in three states only',
    (name) => {
      const xml = fixture(name);
      const result = read(xml);
      expectEveryElementAccounted(xml, result);
      const states = new Set(result.elements.map((e) => e.state));
      expect(states).toEqual(new Set(['kept', 'changed', 'notKept']));
    },
  );

  it('accounts for every element of a Jalon export read back, and keeps its results', () => {
    const doc = programmeDocument.parse(demoProgrammes.find((p) => p.code === 'PBF/MLI/A-2')!);
    const { xml } = writeIatiActivities(doc, {
      now: new Date('2026-11-26T10:00:00Z'),
      locale: 'fr',
      catalogue: organisations,
    });
    const result = read(xml);
    expectEveryElementAccounted(xml, result);
    const at = (path: string) => result.elements.filter((e) => e.path === path);
    expect(at('iati-activities › iati-activity › result › indicator › title')).toEqual([
      expect.objectContaining({ state: 'kept' }),
    ]);
  });

  it('says how an element was changed and why one was not kept, in the reader’s language', () => {
    const xml = activityFile({
      countries:
        '<recipient-country code="BF" percentage="60"/><recipient-country code="ML" percentage="40"/>',
      body: `<budget type="1"><period-start iso-date="2022-01-01"/><period-end iso-date="2022-12-31"/><value currency="USD" value-date="2022-01-01">100</value></budget>
  <budget type="1"><period-start iso-date="2023-01-01"/><period-end iso-date="2023-12-31"/><value currency="USD" value-date="2023-01-01">200</value></budget>`,
    });
    for (const locale of ['fr', 'en'] as const) {
      const result = read(xml, locale);
      expectEveryElementAccounted(xml, result);
      const countries = result.elements.filter(
        (e) => e.path === 'iati-activities › iati-activity › recipient-country',
      );
      expect(countries).toEqual([
        expect.objectContaining({ state: 'notKept', count: 1, message: expect.stringContaining('ML') }),
        expect.objectContaining({ state: 'kept', count: 1 }),
      ]);
      const budgets = result.elements.find((e) => e.path === 'iati-activities › iati-activity › budget');
      expect(budgets).toMatchObject({ state: 'changed', count: 2 });
      expect(budgets?.message).toMatch(locale === 'fr' ? /budget/i : /budget/i);
      const sector = result.elements.find((e) => e.path === 'iati-activities › iati-activity › sector');
      expect(sector).toMatchObject({ state: 'notKept' });
    }
  });

  it('says an activity that is not imported is not kept, with everything in it', () => {
    const xml = activityFile({ countries: '' });
    const result = read(xml);
    expect(result.programmes).toEqual([]);
    expectEveryElementAccounted(xml, result);
    const inside = result.elements.filter((e) => e.path.startsWith('iati-activities › iati-activity'));
    expect(inside.every((e) => e.state === 'notKept')).toBe(true);
  });
});

describe('smaller readings (issue 17, item 7)', () => {
  it('keeps English texts as English and publishes them back with xml:lang="en"', () => {
    const result = read(activityFile({ lang: 'en' }));
    // an activity without results: the document as the reader gives it (no framework yet)
    const doc = result.programmes[0]!.doc;
    expect(doc.title).toEqual({
      fr: 'Community dialogue for peace in Mopti',
      en: 'Community dialogue for peace in Mopti',
    });
    const { xml } = writeIatiActivities(doc, { now: new Date('2026-11-26T10:00:00Z'), locale: 'fr' });
    expect(xml).toContain('<narrative xml:lang="en">Community dialogue for peace in Mopti</narrative>');
    expect(xml).not.toContain('<narrative xml:lang="fr">Community dialogue for peace in Mopti</narrative>');
    // French and English texts that differ are both kept in their languages
    const both = read(
      activityFile({ lang: 'fr' }).replace(
        '<title><narrative>Community dialogue for peace in Mopti</narrative></title>',
        '<title><narrative>Dialogue communautaire</narrative><narrative xml:lang="en">Community dialogue</narrative></title>',
      ),
    );
    expect(both.programmes[0]!.doc.title).toEqual({ fr: 'Dialogue communautaire', en: 'Community dialogue' });
  });

  it('keeps Mali when a multi-country activity names it, whatever its share or place in the list', () => {
    const result = read(
      activityFile({
        countries:
          '<recipient-country code="BF" percentage="50"/><recipient-country code="NE" percentage="30"/><recipient-country code="ML" percentage="20"/>',
      }),
    );
    expect(result.programmes[0]!.doc.country).toBe('ML');
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'unmapped', message: expect.stringContaining('BF, NE') }),
    );
    // without Mali, the largest share
    const other = read(
      activityFile({
        countries:
          '<recipient-country code="BF" percentage="30"/><recipient-country code="NE" percentage="70"/>',
      }),
    );
    expect(other.programmes[0]!.doc.country).toBe('NE');
  });

  it('reads the recipient country from the transactions when the activity gives it there', () => {
    const tx = (country: string, value: number) => `<transaction>
    <transaction-type code="3"/><transaction-date iso-date="2022-06-30"/>
    <value currency="USD" value-date="2022-06-30">${value}</value>
    <recipient-country code="${country}"/>
  </transaction>`;
    const result = read(activityFile({ countries: '', body: tx('ML', 500) + tx('ML', 300) }));
    expect(result.programmes).toHaveLength(1);
    expect(result.programmes[0]!.doc.country).toBe('ML');
    expect(result.issues).not.toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/pays bénéficiaire \(recipient-country\)/) }),
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'note', message: expect.stringContaining('transactions') }),
    );
  });

  it('locates a truncated file where it stops, naming what is left open', () => {
    const whole = activityFile({});
    const cut = whole.slice(0, whole.indexOf('<activity-status'));
    const lines = cut.trimEnd().split('\n');
    for (const [locale, words] of [
      ['fr', `ligne ${lines.length}, colonne ${lines.at(-1)!.length + 1}`],
      ['en', `line ${lines.length}, column ${lines.at(-1)!.length + 1}`],
    ] as const) {
      let refusal: unknown;
      try {
        read(cut, locale);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(ImportRefused);
      const message = (refusal as Error).message;
      expect(message).toContain(words);
      expect(message).not.toMatch(/(ligne|line) 1, (colonne|column) 1\b/);
      expect(message).toContain('iati-activities › iati-activity');
    }
  });
});
