/**
 * An indicator code longer than the API accepts (`indicatorFields`, `indicatorCodeMax`) is refused by the
 * framework workbook import as by the API: a finding naming the sheet, row and column, in the reader's
 * language — and a programme document carrying one is refused by its schema, never stored.
 */
import { describe, expect, it } from 'vitest';
import { indicatorCodeMax } from '../../../../core/contracts/limits.js';
import { indicatorInput } from '../../../../core/contracts/programme-document.js';
import { indicatorCreate } from '../../../../core/contracts/programme-api.js';
import ExcelJS from '../exceljs.js';
import { readFrameworkWorkbook } from '../framework-reader.js';

const longCode = 'A'.repeat(25);

async function frameworkWith(code: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cadre de résultats');
  ws.addRow(['Mon cadre']);
  ws.addRow(['Code résultat', 'Résultat (FR)', 'Code indicateur', 'Indicateur (FR)', 'Base de référence']);
  ws.addRow(['1', 'Résultat un', '1.a', 'Un indicateur', '10']);
  ws.addRow(['', '', code, 'Un autre indicateur', '5']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('an indicator code over the limit', () => {
  it('is a finding at its row and column, in French and in English', async () => {
    const fr = await readFrameworkWorkbook(await frameworkWith(longCode), 'fr');
    expect(fr.framework).toBeUndefined();
    expect(fr.issues.filter((i) => i.severity === 'error').map((i) => `${i.where} — ${i.message}`)).toEqual([
      `Cadre de résultats, ligne 4, colonne C (Code indicateur) — Texte trop long (25 caractères, ${indicatorCodeMax} au plus).`,
    ]);
    const en = await readFrameworkWorkbook(await frameworkWith(longCode), 'en');
    expect(en.issues.filter((i) => i.severity === 'error').map((i) => `${i.where} — ${i.message}`)).toEqual([
      `Cadre de résultats, row 4, column C (Indicator code) — Text too long (25 characters, at most ${indicatorCodeMax}).`,
    ]);
  });

  it('is read when it fits', async () => {
    const back = await readFrameworkWorkbook(await frameworkWith('A'.repeat(indicatorCodeMax)), 'fr');
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(back.framework?.outcomes[0]?.indicators.map((i) => i.code)).toEqual([
      '1.a',
      'A'.repeat(indicatorCodeMax),
    ]);
  });

  it('is refused by the document and the API shapes alike (one rule)', () => {
    const document = indicatorInput.safeParse({ code: longCode, title: { fr: 'Indicateur' } });
    const api = indicatorCreate.safeParse({ code: longCode, title: { fr: 'Indicateur' } });
    expect(document.success).toBe(false);
    expect(api.success).toBe(false);
    expect(document.error?.issues.map((i) => i.path)).toEqual([['code']]);
    expect(api.error?.issues.map((i) => i.path)).toEqual([['code']]);
  });
});
