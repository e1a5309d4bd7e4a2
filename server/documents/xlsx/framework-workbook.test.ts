/**
 * Results frameworks through Excel: the seed frameworks written and read back unchanged; every baseline and
 * target form of the documents read from cells; errors named by sheet, row and column in the reader's
 * language; files that are not workbooks, too big, or damaged refused as a whole.
 */
import ExcelJS from './exceljs.js';
import { describe, expect, it } from 'vitest';
import {
  programmeDocument,
  type FrameworkVersion,
  type IndicatorInput,
  type ValueInput,
} from '../../../core/contracts/programme-document.js';
import { isPercentIndicator, toStoredValue } from '../../../core/domain/stored-value.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { demoProgrammes } from '../../seed/seed.js';
import { ImportRefused } from '../import-refused.js';
import { readFrameworkWorkbook, workbookLimits } from './framework-reader.js';
import { writeFrameworkWorkbook } from './framework-writer.js';

const indicatorsOf = (fw: Pick<FrameworkVersion, 'outcomes'>) =>
  fw.outcomes.flatMap((o) => [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)]);

/** An indicator as Jalon stores it: every value in its stored form (wording, structure, date, source). */
function asStored(ind: IndicatorInput) {
  const percent = isPercentIndicator(ind);
  const s = (v: ValueInput | null | undefined) => {
    if (v === null || v === undefined) return v;
    const x = toStoredValue(v, { percentIndicator: percent });
    return { text: x.text, spec: x.spec, date: x.date };
  };
  return {
    code: ind.code,
    title: ind.title,
    measure: ind.measure,
    direction: ind.direction,
    cumulative: ind.cumulative,
    unit: ind.unit,
    disaggregations: ind.disaggregations ?? [],
    sources: ind.sources ?? [],
    notes: ind.notes,
    baseline: s(ind.baseline),
    endTarget: s(ind.endTarget),
    targets: Object.fromEntries(Object.entries(ind.targets ?? {}).map(([y, v]) => [y, s(v)])),
    milestones: (ind.milestones ?? []).map((m) => {
      const v = toStoredValue(m.value);
      return { date: m.date ?? v.date, value: s(m.value) };
    }),
    alignments: ind.alignments ?? [],
  };
}

const refusal = async (bytes: Uint8Array, locale: Locale = 'fr') => {
  try {
    await readFrameworkWorkbook(bytes, locale);
  } catch (error) {
    if (error instanceof ImportRefused) return error.message;
    throw error;
  }
  throw new Error('not refused');
};

describe('the seed frameworks through Excel and back', () => {
  it.each(
    demoProgrammes.flatMap((p) =>
      programmeDocument.parse(p).frameworks.map((f) => [p.code, f.version] as const),
    ),
  )('%s version %i comes back unchanged', async (code, version) => {
    const doc = programmeDocument.parse(demoProgrammes.find((p) => p.code === code)!);
    const framework = doc.frameworks.find((f) => f.version === version)!;
    for (const locale of ['fr', 'en'] as const) {
      const bytes = await writeFrameworkWorkbook({ programme: doc, framework, locale });
      const back = await readFrameworkWorkbook(bytes, locale);
      expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(
        back.framework!.outcomes.map((o) => [
          o.code,
          o.statement,
          o.outputs.map((x) => [x.code, x.statement, x.activities]),
        ]),
      ).toEqual(
        framework.outcomes.map((o) => [
          o.code,
          o.statement,
          o.outputs.map((x) => [x.code, x.statement, x.activities]),
        ]),
      );
      expect(indicatorsOf(back.framework!).map(asStored)).toEqual(indicatorsOf(framework).map(asStored));
      expect(back.framework!.alignments).toEqual(framework.alignments);
      expect(back.programme).toMatchObject({
        code: doc.code,
        title: doc.title,
        endDate: doc.endDate,
        version,
        label: framework.label,
        effectiveDate: framework.effectiveDate,
        reason: framework.reason,
      });
    }
  });
});

/** A workbook in Jalon's layout, written by hand as a user would fill it. */
async function workbook(
  rows: (string | number | boolean | Date | ExcelJS.CellValue | null)[][],
  headers?: string[],
  build?: (ws: ExcelJS.Worksheet) => void,
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cadre de résultats');
  ws.addRow(['Mon cadre']);
  ws.addRow(
    headers ?? [
      'Code résultat',
      'Résultat (FR)',
      'Code produit',
      'Produit (FR)',
      'Code indicateur',
      'Indicateur (FR)',
      'Base de référence',
      'Cible finale',
      'Cible 2022',
      'Cible 2023',
      'Étapes (jalons)',
      'Moyens de vérification',
      'Mesure',
      'Sens',
      'Cumulatif',
      'Désagrégation',
    ],
  );
  for (const r of rows) ws.addRow(r);
  build?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('every baseline and target form of the documents, typed in cells', () => {
  it('reads each wording into its structure and keeps the wording', async () => {
    const forms: [string, string][] = [
      ['0', 'number'],
      ['4000', 'number'],
      ['25%', 'percent'],
      ['78,97% (Donnée nationale 11/2020)', 'percent'],
      ['59,49% (police) ; 88,01% (gendarmerie)', 'multi'],
      ['faible participation', 'text'],
      ['TBD (baromètre)', 'tbd'],
      ['Tbd (DTM)', 'tbd'],
      ['n/a', 'not_applicable'],
      ['+5% dans les zones ciblées', 'relative'],
      ['-10%', 'relative'],
      ['augmentation de 5%', 'relative'],
      ['augmentation de au moins 30%', 'relative'],
      ['330, dont 30% des femmes', 'number'],
      ['350 (dont au moins 150 femmes)', 'number'],
      [
        '220 personnes (soit 140 autorités locales et leaders communautaires, 40 femmes et 40 jeunes de 18 à 35 ans)',
        'number',
      ],
      ['Plan d’action 2022', 'document'],
      ['plus grande participation', 'text'],
      ['Tbd', 'tbd'],
    ];
    const bytes = await workbook([
      ['1', 'Résultat un'],
      ...forms.map(([text], i) => [
        '',
        '',
        '',
        '',
        `1.${i + 1}`,
        `Indicateur ${i + 1}`,
        text,
        text,
        '/',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]),
    ]);
    const back = await readFrameworkWorkbook(bytes, 'fr');
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const inds = indicatorsOf(back.framework!);
    expect(inds).toHaveLength(forms.length);
    inds.forEach((ind, i) => {
      const baseline = toStoredValue(ind.baseline!, { percentIndicator: isPercentIndicator(ind) });
      expect(baseline.text, forms[i]![0]).toBe(forms[i]![0]);
      expect(baseline.spec.kind, forms[i]![0]).toBe(forms[i]![1]);
      // "/" is "no target that year"; an empty cell is no entry
      expect(ind.targets).toEqual({ '2022': null });
    });
    const breakdown = toStoredValue(inds[15]!.baseline!).spec;
    expect(breakdown).toMatchObject({
      kind: 'number',
      value: 220,
      parts: [
        { group: 'other', value: 140 },
        { group: 'women', value: 40 },
        { group: 'youth', value: 40 },
      ],
    });
  });

  it('reads typed numbers, percentages and merged cells, and an empty outcome code as "same as above"', async () => {
    const bytes = await workbook(
      [
        [
          '1',
          'Résultat un',
          '',
          '',
          '1.a',
          'Taux',
          0.25,
          0.3,
          null,
          null,
          '2022-06 : 28%\n29% (09/2022)',
          'Enquête\nRapports',
          'Pourcentage',
          'Hausse',
          'oui',
          'sexe, âge',
        ],
        [
          '',
          '',
          '1.1',
          'Produit',
          '1.1.1',
          'Nombre',
          4000,
          5000,
          4500,
          '/',
          '',
          '',
          'nombre',
          'baisse',
          'Non',
          '',
        ],
        [null, null, null, null, '1.1.2', 'Autre', '0', '1', '', '', '', '', '', '', '', ''],
      ],
      undefined,
      (ws) => {
        ws.getCell('G3').numFmt = '0%';
        ws.getCell('H3').numFmt = '0%';
        ws.mergeCells('C4:C5');
        ws.mergeCells('D4:D5');
      },
    );
    const back = await readFrameworkWorkbook(bytes, 'fr');
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const [rate, count, other] = indicatorsOf(back.framework!);
    expect(rate).toMatchObject({
      baseline: '25%',
      endTarget: '30%',
      measure: 'percent',
      direction: 'increase',
      cumulative: true,
      disaggregations: ['sex', 'age'],
      sources: ['Enquête', 'Rapports'],
      milestones: [{ date: '2022-06', value: '28%' }, { value: '29% (09/2022)' }],
    });
    expect(count).toMatchObject({
      baseline: '4000',
      targets: { '2022': '4500', '2023': null },
      direction: 'decrease',
      cumulative: false,
    });
    // the merged output cell belongs to both rows
    expect(back.framework!.outcomes[0]!.outputs[0]!.indicators.map((i) => i.code)).toEqual([
      '1.1.1',
      '1.1.2',
    ]);
    expect(other!.code).toBe('1.1.2');
  });

  it('reads English headers in any order', async () => {
    const bytes = await workbook(
      [['Target', '2', 'Outcome two', '2.a', 'Share', '10%']],
      ['Baseline', 'Outcome code', 'Outcome', 'Indicator code', 'Indicator (FR)', 'End target'],
    );
    const back = await readFrameworkWorkbook(bytes, 'en');
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(back.framework!.outcomes[0]).toMatchObject({ code: '2', statement: { fr: 'Outcome two' } });
    expect(indicatorsOf(back.framework!)[0]).toMatchObject({
      code: '2.a',
      baseline: 'Target',
      endTarget: '10%',
    });
  });
});

describe('a row-level error report in the reader’s language', () => {
  const bad = () =>
    workbook(
      [
        [
          '1',
          'Résultat un',
          '',
          '',
          '1.a',
          'Indicateur',
          new Date('2021-06-01'),
          '10',
          '',
          '',
          '',
          '',
          'Beaucoup',
          'Hausse',
          'peut-être',
          'sexe, couleur',
        ],
        ['', '', '', '', '1.a', 'Doublon', '1', '2', '', '', '', '', '', '', '', ''],
        ['', '', '1.1', '', '', 'Sans code', '1', '', '', '', '', '', '', '', '', ''],
        [
          '2',
          'Résultat deux',
          '1.1',
          'Produit',
          '2.a',
          'Indicateur',
          { error: '#REF!' },
          { formula: 'A1*2' },
          'x'.repeat(600),
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ],
        ['', 'Autre énoncé', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      ],
      undefined,
      (ws) => ws.insertRow(3, []),
    );

  it('names the sheet, row and column of each error, in French', async () => {
    const back = await readFrameworkWorkbook(await bad(), 'fr');
    expect(back.framework).toBeUndefined();
    const errors = back.issues.filter((i) => i.severity === 'error').map((i) => `${i.where} — ${i.message}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Cadre de résultats, ligne 4, colonne G \(Base de référence\) — Une date \(2021-06-01\) là où un texte est attendu/,
        ),
        expect.stringMatching(
          /^Cadre de résultats, ligne 4, colonne M \(Mesure\) — « Beaucoup » n'est pas une valeur possible ; choisissez parmi : Nombre, Pourcentage/,
        ),
        expect.stringMatching(
          /^Cadre de résultats, ligne 4, colonne O \(Cumulatif\) — « peut-être » : écrivez Oui ou Non/,
        ),
        expect.stringMatching(
          /^Cadre de résultats, ligne 4, colonne P \(Désagrégation\) — « couleur » n'est pas une désagrégation connue/,
        ),
        expect.stringMatching(
          /^Cadre de résultats, ligne 5, colonne E \(Code indicateur\) — Code indicateur 1\.a déjà utilisé ligne 4/,
        ),
        expect.stringMatching(
          /^Cadre de résultats, ligne 6, colonne E \(Code indicateur\) — Code indicateur manquant/,
        ),
        expect.stringMatching(
          /^Cadre de résultats, ligne 7, colonne G \(Base de référence\) — Erreur Excel #REF!/,
        ),
        expect.stringMatching(
          /^Cadre de résultats, ligne 7, colonne H \(Cible finale\) — Formule sans valeur calculée/,
        ),
        expect.stringMatching(
          /^Cadre de résultats, ligne 7, colonne I \(Cible 2022\) — Texte trop long \(600 caractères, 500 au plus\)/,
        ),
        expect.stringMatching(
          /^Cadre de résultats, ligne 7, colonne C \(Code produit\) — Produit 1\.1 déjà placé sous le résultat 1 \(ligne 6\), ici sous 2/,
        ),
        expect.stringMatching(
          /^Cadre de résultats, ligne 8, colonne B \(Résultat \(FR\)\) — Résultat 2 : énoncé différent de celui de la ligne \d/,
        ),
        expect.stringMatching(/^Cadre de résultats, ligne 6, colonne D — Produit 1\.1 sans énoncé/),
      ]),
    );
  });

  it('says the same in English', async () => {
    const back = await readFrameworkWorkbook(await bad(), 'en');
    const errors = back.issues.filter((i) => i.severity === 'error').map((i) => `${i.where} — ${i.message}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Cadre de résultats, row 4, column G \(Baseline\) — A date \(2021-06-01\) where text is expected/,
        ),
        expect.stringMatching(
          /^Cadre de résultats, row 5, column E \(Indicator code\) — Indicator code 1\.a already used on row 4/,
        ),
      ]),
    );
  });
});

/** A ZIP archive written by hand (stored entries), with sizes it may lie about. */
function zip(entries: { name: string; data: string; claimedSize?: number }[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = Buffer.from(e.data);
    const size = e.claimedSize ?? data.length;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(name.length, 26);
    local.push(header, name, data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += header.length + name.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, dirBytes, end]));
}

describe('files refused as a whole', () => {
  it('refuses what is not a workbook, an old .xls, a Word document and a damaged workbook', async () => {
    expect(await refusal(new Uint8Array(Buffer.from('Code;Intitulé\n1;Résultat')))).toMatch(
      /n'est pas un classeur Excel/,
    );
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(
      /Ancien format Excel \(\.xls\)/,
    );
    expect(await refusal(zip([{ name: 'word/document.xml', data: '<w:document/>' }]))).toMatch(
      /pas un classeur Excel \(\.xlsx\) : un document Word/,
    );
    expect(
      await refusal(
        zip([
          { name: 'xl/workbook.xml', data: '<workbook' },
          { name: '[Content_Types].xml', data: 'nope' },
        ]),
        'en',
      ),
    ).toMatch(/^This Excel workbook is damaged and cannot be read/);
  });

  it('refuses a workbook that would unpack too large, before unpacking it', async () => {
    const bomb = zip([
      { name: 'xl/workbook.xml', data: 'x', claimedSize: workbookLimits.uncompressedBytes + 1 },
    ]);
    expect(await refusal(bomb)).toMatch(/se décompresse en plus de 60 Mo/);
  });

  it('refuses a sheet with more rows than a framework ever has', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cadre de résultats');
    ws.getCell(`A${workbookLimits.rows + 1}`).value = 'x';
    expect(await refusal(new Uint8Array(await wb.xlsx.writeBuffer()))).toMatch(
      /a 5001 lignes : Jalon lit au plus 5000 lignes/,
    );
  });

  it('refuses a workbook without the headers of a results framework', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Budget').addRow(['Ligne', 'Montant']);
    expect(await refusal(new Uint8Array(await wb.xlsx.writeBuffer()))).toMatch(
      /Aucune feuille de ce classeur n'a les en-têtes d'un cadre de résultats/,
    );
  });
});
