/**
 * The template's character limits are written without ICU (the module is loaded at every start): they must read
 * exactly as `toLocaleString` writes them in each language.
 */
import { describe, expect, it } from 'vitest';
import { pbfProgressReport2020, pbfProgressReport2022 } from './pbf-progress-report.js';

function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, into);
  return into;
}

describe('the PBF progress report template', () => {
  it('writes its character limits as each language writes numbers', () => {
    const texts = stringsOf([pbfProgressReport2020, pbfProgressReport2022]);
    const limits: [string, string, string][] = [];
    for (const text of texts) {
      for (const m of text.matchAll(/Limite de (.+?) caractères/g)) limits.push(['fr-FR', m[1]!, text]);
      for (const m of text.matchAll(/Limit of (.+?) characters/g)) limits.push(['en-US', m[1]!, text]);
    }
    for (const locale of ['fr-FR', 'en-US'])
      expect(limits.filter(([l, written]) => l === locale && written.length > 3).length).toBeGreaterThan(5);
    for (const [locale, written] of limits) {
      const n = Number(written.replace(/\D/g, ''));
      expect(written, locale).toBe(n.toLocaleString(locale));
    }
  });
});
