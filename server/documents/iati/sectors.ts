/**
 * The DAC 5-digit sectors of a programme. Every peacebuilding programme is 15220 (civilian peace-building,
 * conflict prevention and resolution); other sectors apply when the programme's own words name them. Jalon holds
 * no sector shares, so the percentages are an even split, said in the export's warnings.
 */
import type { ProgrammeDocument } from '../../../core/contracts/programme-document.js';
import { code } from './codelists.js';

export const peacebuildingSector = '15220';

/** Sectors recognised from words of the title, summary and focus area (French and English). */
const rules: { sector: string; words: RegExp }[] = [
  {
    sector: '15130',
    words: /\b(?:état de droit|etat de droit|rule of law|justice|judiciaire|judicial|impunit[ée]|impunity)/i,
  },
  { sector: '15113', words: /\bcorruption/i },
  { sector: '15160', words: /\b(?:droits de l['’]homme|droits humains|human rights)/i },
  {
    sector: '15210',
    words:
      /\b(?:secteur de la sécurité|security sector|forces de (?:défense et de )?sécurité|security forces)/i,
  },
  {
    sector: '15150',
    words: /\b(?:société civile|civil society|participation politique|political participation)/i,
  },
];

export interface InferredSector {
  code: string;
  percentage: number;
  /** the words that made it apply; empty for 15220 */
  because: string;
}

/** 15220 first, then the others that apply, with percentages summing to 100. */
export function sectorsOf(doc: ProgrammeDocument): InferredSector[] {
  const text = [
    doc.title.fr,
    doc.title.en,
    doc.summary?.fr,
    doc.summary?.en,
    doc.focusArea?.label.fr,
    doc.focusArea?.label.en,
  ]
    .filter(Boolean)
    .join(' \n ');
  const found = [{ code: code('Sector', peacebuildingSector), because: '' }];
  for (const rule of rules) {
    const match = text.match(rule.words);
    if (match) found.push({ code: code('Sector', rule.sector), because: match[0] });
  }
  const share = Math.floor(100 / found.length);
  return found.map((s, i) => ({ ...s, percentage: i === 0 ? 100 - share * (found.length - 1) : share }));
}
