/**
 * IATI at publisher grade (issue 17): files fabricated here as publishers write them (v2.01–2.03), read and
 * written back — no number made up from text, identifiers and organisations kept, the IATI rules beyond the
 * schema respected.
 */
import { describe, expect, it } from 'vitest';
import {
  programmeDocument,
  type FrameworkVersion,
  type ProgrammeDocument,
} from '../../../core/contracts/programme-document.js';
import { toStoredValue } from '../../../core/domain/stored-value.js';
import { organisations } from '../../seed/data/organisations.js';
import { demoProgrammes } from '../../seed/seed.js';
import { checkIatiRules } from './iati-rules.js';
import { readIatiActivities, type IatiReadResult } from './iati-reader.js';
import { writeIatiActivities } from './iati-writer.js';
import { validateIatiActivities } from './iati-schema.js';

const read = (xml: string) =>
  readIatiActivities(new TextEncoder().encode(xml), {
    locale: 'fr',
    fileName: 'test.xml',
    today: '2026-11-26',
    catalogue: organisations,
  });
const indicators = (fw: FrameworkVersion | undefined) =>
  (fw?.outcomes ?? []).flatMap((o) => [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)]);
const only = (r: IatiReadResult): ProgrammeDocument => {
  expect(r.programmes).toHaveLength(1);
  return r.programmes[0]!.doc;
};
const write = (doc: ProgrammeDocument) =>
  writeIatiActivities(doc, { now: new Date('2026-11-26T10:00:00Z'), locale: 'fr', catalogue: organisations });

/** one activity as a publisher writes it; `body` goes after the dates and country */
function activityFile(options: {
  version?: string;
  identifier?: string;
  reporting?: string;
  body?: string;
  results?: string;
}): string {
  const version = options.version ?? '2.03';
  const identifier = options.identifier ?? 'XM-DAC-41114-OUTPUT-00123456';
  const reporting =
    options.reporting ??
    '<reporting-org ref="XM-DAC-41114" type="40"><narrative>UNDP</narrative></reporting-org>';
  return `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="${version}" generated-datetime="2024-01-01T00:00:00Z">
 <iati-activity xml:lang="en" default-currency="USD" last-updated-datetime="2024-01-01T00:00:00Z">
  <iati-identifier>${identifier}</iati-identifier>
  ${reporting}
  <title><narrative>Community dialogue for peace in Mopti</narrative></title>
  <description type="1"><narrative>Local peace committees in central Mali.</narrative></description>
  <participating-org ref="XM-DAC-41114" role="2" type="40"><narrative>UNDP</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2022-01-01"/>
  <activity-date type="2" iso-date="2022-01-15"/>
  <activity-date type="3" iso-date="2024-12-31"/>
  <recipient-country code="ML" percentage="100"/>
  <sector vocabulary="1" code="15220" percentage="100"/>
  ${options.body ?? ''}
  ${options.results ?? ''}
 </iati-activity>
</iati-activities>`;
}

describe('numbers are never made up from text (issue 17, item 1)', () => {
  const results = `
  <result type="1" aggregation-status="0">
   <title><narrative>Output 1</narrative></title>
   <reference vocabulary="99" code="1.1"/>
   <indicator measure="1" ascending="1">
    <title><narrative>Sub-indicators of dialogue</narrative></title>
    <baseline year="2022" iso-date="2022-01-01"><comment><narrative>6 / 8</narrative></comment></baseline>
    <period>
     <period-start iso-date="2022-01-01"/><period-end iso-date="2022-12-31"/>
     <target><comment><narrative>1. 6 / 2. 600 / 3. 2</narrative></comment></target>
     <actual><comment><narrative>1.6
2.450
3.2</narrative></comment></actual>
    </period>
   </indicator>
   <indicator measure="1" ascending="1">
    <title><narrative>Committees set up</narrative></title>
    <baseline year="2022" iso-date="2022-01-01" value="0"/>
    <period>
     <period-start iso-date="2022-01-01"/><period-end iso-date="2022-12-31"/>
     <target value="8"/>
     <actual value="5"><comment><narrative>5 committees</narrative></comment></actual>
    </period>
   </indicator>
  </result>`;
  const result = read(activityFile({ results }));
  const doc = only(result);
  const [packed, plain] = indicators(doc.frameworks[0]);

  it('keeps a value that packs several numbers as text, word for word', () => {
    const target = toStoredValue(packed!.targets!['2022']!);
    expect(target).toMatchObject({ text: '1. 6 / 2. 600 / 3. 2', spec: { kind: 'text' } });
    expect(toStoredValue(packed!.baseline!).spec.kind).toBe('text');
    const actual = doc.progress.find((p) => p.indicator === packed!.code)!;
    expect(toStoredValue(actual.value!).spec.kind).toBe('text');
    expect(toStoredValue(actual.value!).text).toContain('2.450');
  });

  it('flags it in the preview', () => {
    const notes = result.issues.filter((i) => i.message.includes('plusieurs nombres'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.count).toBe(3);
  });

  it('still reads a value the publisher gave as a number', () => {
    expect(toStoredValue(plain!.targets!['2022']!).spec).toMatchObject({ kind: 'number', value: 8 });
    const actual = doc.progress.find((p) => p.indicator === plain!.code)!;
    expect(toStoredValue(actual.value!).spec).toMatchObject({ kind: 'number', value: 5 });
  });

  it('never re-publishes it as a number or a "." dimension', async () => {
    const out = write(doc);
    expect(out.xml).not.toMatch(/<dimension[^>]*value="\.?"/);
    // held back (IATI wants a value), and said so at the head of the file
    expect(out.xml).not.toMatch(/<target value="(1|1\.6|2|6)"/);
    expect(out.ruleFindings).toEqual([]);
    expect(out.xml).toMatch(
      /<!--[^]*Non publiées[^]*1\.1\.1 \(cible 2022-01-01 → 2022-12-31\)[^]*-->\s*<iati-activities/,
    );
    expect((await validateIatiActivities(out.xml)).valid).toBe(true);
  });
});

describe('identifiers are kept (issue 17, item 2)', () => {
  const body = `
  <other-identifier ref="00123456" type="A1"/>
  <other-identifier ref="XM-DAC-41141-MPTF-00119645" type="A9"><owner-org ref="XM-DAC-41141"><narrative>MPTF Office</narrative></owner-org></other-identifier>
  <other-identifier ref="MLI-2022-7" type="B9"><owner-org><narrative>Ministère de la Réconciliation</narrative></owner-org></other-identifier>`;
  const doc = only(read(activityFile({ body })));

  it('keeps the iati-identifier and every other-identifier of an imported activity', () => {
    expect(doc.iatiIdentifier).toBe('XM-DAC-41114-OUTPUT-00123456');
    expect(doc.gatewayId).toBe('00119645');
    expect(doc.otherIdentifiers).toEqual([
      { ref: '00123456', type: 'A1' },
      { ref: 'XM-DAC-41141-MPTF-00119645', type: 'A9', ownerRef: 'XM-DAC-41141', ownerName: 'MPTF Office' },
      { ref: 'MLI-2022-7', type: 'B9', ownerName: 'Ministère de la Réconciliation' },
    ]);
  });

  it('re-publishes it under the same identifier, never a doubled prefix nor a JALON- one', async () => {
    const out = write(doc);
    expect(out.identifier).toBe('XM-DAC-41114-OUTPUT-00123456');
    expect(out.xml).toContain('<iati-identifier>XM-DAC-41114-OUTPUT-00123456</iati-identifier>');
    expect(out.xml).not.toContain('XM-DAC-41114-XM-DAC-41114');
    expect(out.xml).not.toContain('JALON');
    expect(out.xml).toContain('<reporting-org ref="XM-DAC-41114" type="40">');
    expect(out.xml.match(/<other-identifier /g)).toHaveLength(3);
    expect(out.xml).toContain('ref="XM-DAC-41141-MPTF-00119645" type="A9"');
    expect((await validateIatiActivities(out.xml)).valid).toBe(true);
  });

  it('publishes a programme whose code already carries the prefix under that code, once', () => {
    const own = {
      ...doc,
      iatiIdentifier: undefined,
      otherIdentifiers: undefined,
      code: 'XM-DAC-41114-PROJ-9',
    };
    expect(write(own).identifier).toBe('XM-DAC-41114-PROJ-9');
  });
});

describe('organisations (issue 17, item 3)', () => {
  const body = `
  <participating-org ref="11363" role="1"><narrative>Peacebuilding Fund</narrative></participating-org>
  <participating-org ref="GB-COH-01234567" role="4" type="21"><narrative>Search for Common Ground</narrative></participating-org>
  <participating-org ref="XM-DAC-41146" role="4"><narrative>UN Women</narrative></participating-org>`;
  const second = activityFile({
    identifier: 'XM-DAC-41114-OUTPUT-00999999',
    body: '<participating-org ref="XM-DAC-41141" role="1" type="40"><narrative>UN Peacebuilding Fund</narrative></participating-org>',
  });
  const both = activityFile({ body }).replace(
    '</iati-activities>',
    second.slice(second.indexOf('<iati-activity '), second.indexOf('</iati-activities>')) +
      '</iati-activities>',
  );
  const result = read(both);

  it('recognises the Peacebuilding Fund under both its references', () => {
    const funders = result.programmes.map((p) => p.doc.donors.map((d) => d.organisation));
    expect(funders).toEqual([['PBF'], ['PBF']]);
    const pbf = result.programmes.flatMap((p) => p.doc.organisations).filter((o) => o.code === 'PBF');
    expect(new Set(pbf.flatMap((o) => o.iatiRefs ?? []))).toEqual(new Set(['11363', 'XM-DAC-41141']));
  });

  it('keeps a reference outside the catalogue, and publishes it back', () => {
    const doc = result.programmes[0]!.doc;
    const scg = doc.organisations.find((o) => o.iatiRefs?.includes('GB-COH-01234567'));
    expect(scg).toMatchObject({ kind: 'non_un', iatiType: '21' });
    expect(write(doc).xml).toMatch(/<participating-org role="4" type="21" ref="GB-COH-01234567">/);
  });

  it('reads a UN agency without a type as a UN agency, in a fresh database', () => {
    const fresh = readIatiActivities(
      new TextEncoder().encode(
        activityFile({
          identifier: 'XM-DAC-41146-MLI-1',
          reporting: '<reporting-org ref="XM-DAC-41146"><narrative>UN Women</narrative></reporting-org>',
          body: '<participating-org ref="XM-DAC-41146" role="1"><narrative>UN Women</narrative></participating-org>',
        }).replace(/<participating-org ref="XM-DAC-41114" role="2"[^]*?<\/participating-org>/, ''),
      ),
      { locale: 'fr', fileName: 'f.xml', today: '2026-11-26' },
    );
    const doc = only(fresh);
    const unwomen = doc.organisations.find((o) => o.iatiRefs?.includes('XM-DAC-41146'));
    expect(unwomen?.kind).toBe('un_agency');
    const out = write(doc);
    expect(out.xml).toContain('<reporting-org ref="XM-DAC-41146" type="40">');
  });

  it('publishes OHCHR, UNODC and the PBF under their CRS channel identifiers, MINUSMA without a ref', () => {
    const doc: ProgrammeDocument = {
      ...only(read(activityFile({}))),
      iatiIdentifier: undefined,
      code: 'PBF-MLI-X',
      recipients: [
        { organisation: 'OHCHR', convening: true },
        { organisation: 'UNODC', convening: false },
      ],
      implementingPartners: [{ organisation: 'MINUSMA' }],
      donors: [{ organisation: 'PBF' }],
      organisations: [],
    };
    const out = write(doc);
    expect(out.xml).toContain('<reporting-org ref="XM-DAC-41313" type="40">');
    expect(out.xml).toContain('ref="XM-DAC-41128"');
    expect(out.xml).toContain('ref="XM-DAC-41141"');
    expect(out.xml).toMatch(/<participating-org role="4" type="40">\s*<narrative xml:lang="fr">Mission/);
    expect(out.xml).not.toContain('JALON');
  });
});

describe('the IATI rules beyond the schema (issue 17, item 5)', () => {
  const broken = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
 <iati-activity>
  <iati-identifier>XM-DAC-41114-A</iati-identifier>
  <reporting-org ref="XM-DAC-41122" type="40"/>
  <participating-org role="1"/>
  <activity-date type="1" iso-date="2024-01-01"/>
  <activity-date type="3" iso-date="2023-01-01"/>
  <recipient-country code="ML" percentage="60"/>
  <budget><period-start iso-date="2022-01-01"/><period-end iso-date="2023-01-01"/><value>1</value></budget>
  <budget><period-start iso-date="2022-01-01"/><period-end iso-date="2022-12-31"/><value>1</value></budget>
  <transaction><transaction-date iso-date="2030-01-01"/></transaction>
  <result type="1"><reference vocabulary="99" code="1"/>
   <indicator measure="1"><reference vocabulary="99" code="1.a"/><baseline year="2022"/>
    <period><period-start iso-date="2022-12-31"/><period-end iso-date="2022-01-01"/><target value="3"/><actual/></period>
   </indicator>
   <indicator measure="5"><baseline year="2022"/><period><period-start iso-date="2022-01-01"/><period-end iso-date="2022-12-31"/><target/></period></indicator>
  </result>
 </iati-activity>
</iati-activities>`;

  it('finds every rule a file breaks, with its rule', () => {
    const findings = checkIatiRules(broken, '2026-11-26');
    expect(findings.map((f) => `${f.rule} ${f.where}`)).toEqual([
      'startswith iati-identifier',
      'date_order activity-date',
      'sum recipient-country',
      'atleast_one participating-org',
      '7.5.3 budget 2022-01-01 → 2023-01-01',
      'date_order transaction 2030-01-01',
      'no_more_than_one result 1 › indicator 1',
      'atleast_one result 1 › indicator 1 › baseline',
      'date_order result 1 › indicator 1 › period 1',
      'atleast_one result 1 › indicator 1 › period 1 › actual',
    ]);
  });

  it.each(demoProgrammes.map((p) => [p.code, p] as const))(
    'the export of %s breaks none of them, and says what it held back',
    async (_code, p) => {
      const doc = programmeDocument.parse(p);
      const out = write(doc);
      expect(out.ruleFindings).toEqual([]);
      expect(checkIatiRules(out.xml, '2026-11-26')).toEqual([]);
      expect((await validateIatiActivities(out.xml)).valid).toBe(true);
    },
  );

  it('publishes yearly budget lines as yearly budgets, and never a co-funded share under another agency', async () => {
    const doc = programmeDocument.parse(demoProgrammes.find((p) => p.code === 'PBF/MLI/A-1')!);
    const out = writeIatiActivities(doc, {
      now: new Date('2026-11-26T10:00:00Z'),
      locale: 'en',
      catalogue: organisations,
      budget: {
        total: 3_000_000,
        unattributed: 900_000,
        byAgency: { WFP: 1_200_000, FAO: 900_000 },
        byAgencyYear: {
          WFP: [
            { year: 2020, amount: 700_000 },
            { year: 2021, amount: 500_000 },
          ],
          FAO: [{ year: 2020, amount: 900_000 }],
          UNICEF: [{ year: 2020, amount: 900_000 }],
        },
      },
    });
    expect(out.ruleFindings).toEqual([]);
    // UNICEF is no recipient of A-1: its lines are its co-funded share, which UNICEF publishes itself
    expect(out.warnings.some((w) => w.includes('co-funded share of UNICEF'))).toBe(true);
    expect(out.xml.match(/>900000<\/value>/g)).toHaveLength(1);
    const budgets = [...out.xml.matchAll(/<budget [^]*?<\/budget>/g)].map((m) => m[0]);
    for (const b of budgets) {
      const [start, end] = [...b.matchAll(/iso-date="([\d-]+)"/g)].map((m) => m[1]!);
      expect(end! < `${Number(start!.slice(0, 4)) + 1}${start!.slice(4)}`).toBe(true);
    }
    expect(out.xml).toContain('>700000</value>');
    expect(out.xml).toContain('>500000</value>');
    expect((await validateIatiActivities(out.xml)).valid).toBe(true);
  });
});

describe('money: incoming funds summed honestly, donor amounts published (issue 17, item 4)', () => {
  const pbf = '<provider-org ref="XM-DAC-41141" type="40"><narrative>PBF</narrative></provider-org>';
  const tx = (type: string, date: string, value: number) => `
  <transaction>
   <transaction-type code="${type}"/><transaction-date iso-date="${date}"/>
   <value currency="USD" value-date="${date}">${value}</value>${pbf}
  </transaction>`;

  it('keeps what the donor paid when it is more than the commitments the file publishes, and says both', () => {
    const doc = only(
      read(
        activityFile({
          body: [
            tx('11', '2022-01-15', 1_048_603),
            tx('1', '2022-01-20', 1_048_603),
            tx('1', '2023-03-01', 449_397),
          ].join(''),
        }),
      ),
    );
    expect(doc.donors).toEqual([
      {
        organisation: 'PBF',
        amount: 1_498_000,
        note: expect.stringMatching(/1\s498\s000 USD.*1\s048\s603 USD/),
      },
    ]);
  });

  it('keeps the commitment when the funds received are part of it', () => {
    const doc = only(
      read(
        activityFile({
          body: [tx('11', '2022-01-15', 1_498_000), tx('1', '2022-01-20', 1_048_603)].join(''),
        }),
      ),
    );
    expect(doc.donors[0]).toMatchObject({ organisation: 'PBF', amount: 1_498_000 });
    expect(doc.donors[0]!.note).toMatch(/1\s498\s000 USD, dont 1\s048\s603 USD reçus/);
  });

  it('publishes each donor contribution as an incoming commitment, read back as the same amount', async () => {
    const doc = programmeDocument.parse(demoProgrammes.find((p) => p.code === 'PBF/MLI/A-1')!);
    const out = write(doc);
    const commitments = [...out.xml.matchAll(/<transaction>[^]*?<\/transaction>/g)]
      .map((m) => m[0])
      .filter((t) => t.includes('<transaction-type code="11"/>'));
    expect(commitments).toHaveLength(1);
    expect(commitments[0]).toContain('>3000000</value>');
    expect(commitments[0]).toMatch(/<provider-org ref="XM-DAC-41141" type="40">/);
    expect(out.ruleFindings).toEqual([]);
    expect((await validateIatiActivities(out.xml)).valid).toBe(true);
    const back = read(out.xml).programmes.find(
      (p) => p.doc.code === doc.code || !p.doc.code.includes('-WFP'),
    );
    expect(back?.doc.donors).toEqual([expect.objectContaining({ organisation: 'PBF', amount: 3_000_000 })]);
  });
});

describe('round trip: export, read back, export again (issue 17, item 6)', () => {
  /** the file without its head comment (what the first export held back is not in the file to read back) */
  const body = (xml: string) => xml.replace(/<!--[^]*?-->\n/, '');

  it.each(demoProgrammes.map((p) => p.code))('%s comes back identical, element by element', (code) => {
    const doc = programmeDocument.parse(demoProgrammes.find((p) => p.code === code)!);
    const first = write(doc);
    const back = read(first.xml);
    expect(back.programmes).toHaveLength(1);
    const second = write(programmeDocument.parse(back.programmes[0]!.doc));
    const [a, b] = [body(first.xml).split('\n'), body(second.xml).split('\n')];
    const differences = a.flatMap((line, i) => (line === b[i] ? [] : [`${i + 1}: ${line} ≠ ${b[i]}`]));
    expect(differences).toEqual([]);
    expect(b).toHaveLength(a.length);
    // nothing the second export holds back that the first did not
    for (const w of second.warnings) expect(first.warnings).toContain(w);
  });
});

describe('dates (issue 17, item 7)', () => {
  it('keeps the planned start when it differs from the actual one', () => {
    const doc = only(read(activityFile({})));
    expect(doc.startDate).toBe('2022-01-01');
    expect(doc.firstTransferDate).toBe('2022-01-15');
    const out = write(doc);
    expect(out.xml).toContain('<activity-date type="1" iso-date="2022-01-01"/>');
    expect(out.xml).toContain('<activity-date type="2" iso-date="2022-01-15"/>');
  });
});
