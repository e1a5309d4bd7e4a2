/**
 * One figure, one source: a ledger of the figures a test read in every place Jalon shows them (API answers,
 * the Word documents, the Excel workbooks, the IATI file), grouped by family ("budget.total") and key
 * ("PROSMED"), then compared place by place. CONTRIBUTING.md, "One figure, one source", says how to add one.
 */

/** A figure as read: a number, a text (a baseline as worded), or nothing shown. */
export type Figure = number | string | null;

/** Where a figure was read: "API finance", "PBF DOCX", "IATI", "finance XLSX"… */
export type Place = string;

const notations = {
  fr: { thousands: '.', decimal: ',', englishDecimals: true },
  en: { thousands: ',', decimal: '.', englishDecimals: false },
};

/**
 * The number a text shows, in French ("32 000 003,00 $US", "20 %", "0,5") or English ("1,941.5") notation: the
 * first number of the text, spaces of every kind as thousands separators.
 */
export function parseNumber(text: string | null | undefined, notation: 'fr' | 'en' = 'fr'): number | null {
  if (text === null || text === undefined) return null;
  const m = /[-−]?\d[\d\s\u00a0\u202f.,]*/.exec(text);
  if (!m) return null;
  let digits = m[0].replace(/[\s\u00a0\u202f]/g, '').replace('−', '-');
  digits = digits.replace(/[.,]$/, '');
  const { thousands, decimal, englishDecimals } = notations[notation];
  const lastDecimal = digits.lastIndexOf(decimal);
  const lastThousands = digits.lastIndexOf(thousands);
  // "1.941,5" (fr) or "1,941.5" (en); a French text may also use the English point for decimals ("78.97%")
  if (englishDecimals && lastDecimal < 0 && lastThousands >= 0 && !/\.\d{3}(\D|$)/.test(digits))
    return Number(digits);
  digits = digits.split(thousands).join('').replace(decimal, '.');
  const value = Number(digits);
  return Number.isFinite(value) ? value : null;
}

/** Text as looked up: whitespace (line breaks, no-break spaces) collapsed, typographic apostrophes plain. */
export function normaliseText(text: string): string {
  return text
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/**
 * Text as compared: normalised, and a number's typesetting set aside — "4000" typed is "4 000" in a French
 * document, "25%" is "25 %": the same figure written by the reader's rules (issue 19), not a different one.
 * Not for looking a row up: "Indicateur 1.1 % des personnes" must keep its space.
 */
export function figureText(text: string): string {
  return normaliseText(text)
    .replace(/(\d) (?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d) %/g, '$1%');
}

const sameFigure = (a: Figure, b: Figure, tolerance: number): boolean => {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= tolerance;
  if (typeof a === 'string' && typeof b === 'string') return figureText(a) === figureText(b);
  return a === b;
};

const shown = (f: Figure): string => {
  if (f === null) return '—';
  if (typeof f === 'number')
    return f.toLocaleString('fr-FR', { maximumFractionDigits: 2 }).replace(/[\u00a0\u202f]/g, ' ');
  return JSON.stringify(normaliseText(f).slice(0, 120));
};

export interface FamilyOptions {
  /** the largest difference still the same figure: 0.005 for money in cents, 0.05 for a rate rounded to 0.1 */
  tolerance?: number;
}

/** Every figure read, by family, key and place. */
export class FigureLedger {
  private readonly families = new Map<
    string,
    { tolerance: number; keys: Map<string, { place: Place; value: Figure }[]> }
  >();

  /** Declares a family before its figures are recorded (an undeclared family is refused: typos show). */
  family(name: string, options: FamilyOptions = {}): this {
    this.families.set(name, { tolerance: options.tolerance ?? 0.005, keys: new Map() });
    return this;
  }

  record(family: string, key: string, place: Place, value: Figure | undefined): void {
    const f = this.families.get(family);
    if (!f) throw new Error(`figure family "${family}" is not declared`);
    const readings = f.keys.get(key) ?? [];
    readings.push({ place, value: value === undefined ? null : value });
    f.keys.set(key, readings);
  }

  names(): string[] {
    return [...this.families.keys()];
  }

  /** The keys of a family read in fewer than two places: nothing was compared. */
  unpaired(family: string): string[] {
    const f = this.families.get(family);
    if (!f) return [];
    return [...f.keys].filter(([, r]) => new Set(r.map((x) => x.place)).size < 2).map(([k]) => k);
  }

  /** One readable line per key whose places disagree: "budget.total PROSMED: API 0 ≠ finance API 32 000 003". */
  mismatches(family: string): string[] {
    const f = this.families.get(family);
    if (!f) return [`figure family "${family}" is not declared`];
    const lines: string[] = [];
    for (const [key, readings] of f.keys) {
      const first = readings[0]!;
      if (readings.every((r) => sameFigure(r.value, first.value, f.tolerance))) continue;
      lines.push(`${family} ${key}: ${readings.map((r) => `${r.place} ${shown(r.value)}`).join(' ≠ ')}`);
    }
    return lines;
  }

  /** The readings of one key, as `[place, value]`. */
  readings(family: string, key: string): [Place, Figure][] {
    return (this.families.get(family)?.keys.get(key) ?? []).map((r) => [r.place, r.value]);
  }

  /** How many keys of a family have a figure in some place (not only "nothing" everywhere). */
  filled(family: string): number {
    return [...(this.families.get(family)?.keys.values() ?? [])].filter((r) =>
      r.some((x) => x.value !== null),
    ).length;
  }

  /** Figures compared: every reading of a key read in two places or more, and the families and keys. */
  counts(families: string[] = this.names()): { figures: number; keys: number; families: number } {
    let figures = 0;
    let keys = 0;
    for (const name of families) {
      for (const readings of this.families.get(name)?.keys.values() ?? []) {
        if (new Set(readings.map((r) => r.place)).size < 2) continue;
        figures += readings.length;
        keys += 1;
      }
    }
    return { figures, keys, families: families.length };
  }
}
